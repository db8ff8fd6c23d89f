// Responses of the public respondent endpoints and the friction-log links as zod schemas: the
// OpenAPI document is built from them and the integration tests parse every response with them.
import { z } from "zod";
import { QUESTION_KINDS } from "@/lib/surveys/constants";
import { choiceOptionWire } from "@/lib/surveys/wire";

/** GET /api/s/{token}: what a respondent needs to answer, and nothing about other respondents. */
export const respondentSurveyWire = z.object({
  survey: z.object({
    title: z.string(),
    intro: z.string(),
    period: z.string(),
    availability: z.enum(["open", "draft", "not_yet_open", "closed"]),
  }),
  team: z.string().nullable().meta({ description: "The team the link belongs to, if any" }),
  questions: z.array(
    z.object({
      id: z.uuid(),
      key: z.string(),
      kind: z.enum(QUESTION_KINDS),
      prompt: z.string(),
      helpText: z.string(),
      required: z.boolean(),
      options: z.array(choiceOptionWire).nullable(),
      maxLength: z.number().int().nullable(),
    }),
  ),
});

export const submissionStoredWire = z.object({
  ok: z.literal(true),
  duplicate: z.boolean().meta({ description: "true: stored earlier under this idempotency key" }),
});

export const frictionStoredWire = submissionStoredWire.extend({
  period: z.string().meta({ description: "The quarter the entry counts in" }),
});

export const frictionLinksWire = z.object({
  links: z.array(
    z.object({
      id: z.uuid(),
      token: z.string().nullable().meta({ description: "Editors only" }),
      teamId: z.uuid().nullable(),
      teamName: z.string().nullable(),
      entries: z
        .number()
        .int()
        .nullable()
        .meta({ description: "In steps of k (at least), null under k: an exact count would time each report" }),
    }),
  ),
});
