import "server-only";
// The exact message before it is scheduled: the same composition and renderers as the send
// (./send.ts), with a placeholder where each invitee's own single-use link goes.
import { AppError, notFound } from "@/lib/errors";
import { getSurveyById } from "@/lib/surveys/queries";
import { composeMessage, renderSlack, renderText, type MessageInput } from "./message-content";
import { renderEmailHtml } from "./message-render";
import {
  getSeriesOfSurvey,
  inviteUrl,
  summaryInput,
  surveyFacts,
  surveyPageUrl,
  teamName,
  teamSlackInput,
} from "./queries";
import type { PreviewInput } from "./schemas";

export type MessagePreview = {
  subject: string | null;
  text: string;
  html: string | null;
  /** Who receives it, in words. */
  to: string;
};

const PERSONAL_LINK = inviteUrl("<each-invitee's-own-single-use-link>");

export async function previewMessage({
  surveyId,
  input,
}: {
  surveyId: string;
  input: PreviewInput;
}): Promise<MessagePreview> {
  const survey = await getSurveyById({ id: surveyId });
  if (!survey) throw notFound("Survey");
  const series = await getSeriesOfSurvey(surveyId);
  const teamId = input.teamId ?? series?.teamIds[0] ?? null;
  const needTeam = input.kind === "announce" || input.kind === "remind";
  if (needTeam && !teamId)
    throw new AppError("validation", "Choose a team to preview", { teamId: ["Choose a team to preview"] });
  let message: MessageInput;
  let to: string;
  if (input.kind === "summary") {
    if (input.channel !== "slack")
      throw new AppError("validation", "The summary goes to Slack", { channel: ["The summary goes to Slack"] });
    message = await summaryInput(survey);
    to = "The leadership Slack channel, when the survey closes (figures as published then)";
  } else if (input.kind === "draft_notice") {
    message = {
      kind: "draft_notice",
      channel: "email",
      survey: surveyFacts(survey),
      reviewUrl: surveyPageUrl(survey.id),
    };
    to = "Every editor and owner, by email";
  } else if (input.channel === "slack") {
    message = await teamSlackInput(input.kind, survey, teamId!);
    to = `${await teamName(teamId!)}'s Slack channel`;
  } else {
    const base = { survey: surveyFacts(survey), teamName: await teamName(teamId!), link: PERSONAL_LINK };
    message =
      input.kind === "announce"
        ? { kind: "announce", channel: "email", ...base }
        : { kind: "remind", channel: "email", ...base };
    to =
      input.kind === "announce"
        ? `Everyone on ${base.teamName}'s invite list, each with their own link`
        : `Only the people on ${base.teamName}'s list who have not answered yet, each with a fresh link`;
  }
  const content = composeMessage(message);
  if (message.channel === "slack") return { subject: null, text: renderSlack(content), html: null, to };
  return { subject: content.subject, text: renderText(content), html: await renderEmailHtml(content), to };
}
