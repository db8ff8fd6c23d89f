// Survey authoring responses as zod schemas (what lib/surveys/queries.ts returns, as JSON): the
// OpenAPI document is built from them and the integration tests parse every response with them.
import { z } from "zod";
import { QUESTION_KINDS, SURVEY_STATUSES } from "@/lib/surveys/constants";

const timestamp = z.iso.datetime();
const day = z.iso.date();

/** `ResponseTally` (lib/anonymity/surveys.ts): null under k or while hiding another group. */
export const responseTallyWire = z
  .object({
    n: z.number().int(),
    atLeast: z.boolean().meta({ description: "While the survey collects, counts move in steps of k: at least n" }),
  })
  .nullable();

export const surveyWire = z
  .object({
    id: z.uuid(),
    title: z.string(),
    period: z.string(),
    status: z.enum(SURVEY_STATUSES),
    createdAt: timestamp,
    updatedAt: timestamp,
    intro: z.string(),
    opensOn: day.nullable(),
    closesOn: day.nullable(),
    template: z.string().nullable(),
    copiedFromSurveyId: z.uuid().nullable(),
    createdBy: z.uuid().nullable(),
  })
  .meta({ id: "Survey" });

export const choiceOptionWire = z.object({ id: z.string(), label: z.string() });

export const questionWire = z
  .object({
    id: z.uuid(),
    surveyId: z.uuid(),
    key: z.string().meta({ description: "Stable across quarters, so trends follow a question through rewordings" }),
    position: z.number().int(),
    kind: z.enum(QUESTION_KINDS),
    prompt: z.string(),
    helpText: z.string(),
    required: z.boolean(),
    dimension: z.string().nullable(),
    options: z.array(choiceOptionWire).nullable(),
    maxLength: z.number().int().nullable(),
    archivedAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "Question" });

export const surveyListWire = z.object({
  surveys: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      period: z.string(),
      status: z.enum(SURVEY_STATUSES),
      updatedAt: timestamp,
      questionCount: z.number().int(),
      responses: responseTallyWire,
    }),
  ),
});

export const surveyDetailWire = z.object({
  survey: surveyWire,
  questions: z.array(questionWire),
  hasResponses: z.boolean(),
  responses: responseTallyWire,
  k: z.number().int(),
  wordingChanges: z.array(
    z.object({ questionId: z.uuid(), previousPrompt: z.string(), newPrompt: z.string(), changedAt: timestamp }),
  ),
});

export const surveyLinkStatsWire = z.object({
  links: z.array(
    z.object({
      id: z.uuid(),
      token: z.string().nullable().meta({ description: "Editors only: a viewer holding a link could pad its group" }),
      teamId: z.uuid().nullable(),
      teamName: z.string().nullable(),
      headcount: z.number().int().nullable(),
      inviteOnly: z.boolean().meta({
        description: "The team answers by personal invitation only: this shared link takes no answers",
      }),
      invited: z.number().int().nullable().meta({
        description: "An invite-only team's people invited to this survey: the response rate's denominator",
      }),
      responses: responseTallyWire,
      responseRate: z.number().nullable().meta({
        description: "Responses shown ÷ invited for an invite-only team, ÷ headcount otherwise",
      }),
    }),
  ),
  total: responseTallyWire,
});

export const createdLinksWire = surveyLinkStatsWire.extend({
  created: z.number().int().meta({ description: "How many links were added" }),
});
