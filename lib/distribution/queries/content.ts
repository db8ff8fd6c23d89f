import "server-only";
import { and, eq } from "drizzle-orm";
import { progressCount } from "@/lib/anonymity/surveys";
import { getResponseRates } from "@/lib/analytics/queries";
import { getDb, type DbClient } from "@/lib/db/client";
import { inviteLists, surveyLinks, teams, type Survey } from "@/lib/db/schema";
import { publicBaseUrl } from "@/lib/env";
import { countSurveyResponses } from "@/lib/surveys/queries";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import type { MessageInput, SurveyFacts, SummaryTeam } from "../message-content";

// What goes into each message besides its wording: links, team names and the figures the anonymity
// model already publishes. Used alike by the preview and by the send, so a preview shows what is sent.

export const surveyFacts = (s: Survey): SurveyFacts => ({
  title: s.title,
  period: s.period,
  opensOn: s.opensOn,
  closesOn: s.closesOn,
});

export const inviteUrl = (token: string) => `${publicBaseUrl}/s/i/${token}`;
export const surveyPageUrl = (surveyId: string) => `${publicBaseUrl}/surveys/${surveyId}`;
export const resultsUrl = (surveyId: string) => `${publicBaseUrl}/results/${surveyId}`;

export async function teamName(teamId: string, tx?: DbClient): Promise<string> {
  const db = tx ?? (await getDb());
  const [row] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
  return row?.name ?? "your team";
}

/** The team's open link for the survey, or null when the team answers by invitation only. */
export async function teamOpenLink(surveyId: string, teamId: string, tx?: DbClient): Promise<string | null> {
  const db = tx ?? (await getDb());
  const [list] = await db
    .select({ inviteOnly: inviteLists.inviteOnly })
    .from(inviteLists)
    .where(eq(inviteLists.teamId, teamId));
  if (list?.inviteOnly) return null;
  const [link] = await db
    .select({ token: surveyLinks.token })
    .from(surveyLinks)
    .where(and(eq(surveyLinks.surveyId, surveyId), eq(surveyLinks.teamId, teamId), eq(surveyLinks.kind, "survey")));
  return link ? `${publicBaseUrl}/s/${link.token}` : null;
}

/**
 * A Slack reminder's figures: k, and the whole survey's live count in steps of k — the one live figure
 * the model publishes while a survey collects (no team's count, no team row: lib/analytics/queries/
 * quarter-views.ts getResponseRates).
 */
export async function reminderFigures(survey: Survey, tx?: DbClient) {
  const db = tx ?? (await getDb());
  const { anonymityThreshold: k } = await getWorkspaceSettings(db);
  const n = await countSurveyResponses({ surveyId: survey.id }, db);
  return { k, progress: survey.status === "open" ? progressCount(n, k) : null };
}

/** The closing summary's figures: exactly what getResponseRates publishes for the closed survey. */
export async function summaryFigures(
  survey: Survey,
): Promise<{ k: number; total: number | null; teams: SummaryTeam[] }> {
  const rates = await getResponseRates({ filter: { from: survey.period, to: survey.period } });
  const mine = rates.surveys.find((s) => s.surveyId === survey.id);
  if (!mine || mine.total.hidden) return { k: rates.k, total: null, teams: [] };
  return {
    k: rates.k,
    total: mine.total.n,
    teams: mine.teams
      .filter((t) => t.teamId !== null)
      .map((t) => ({ name: t.name, headcount: t.headcount, n: t.value.hidden ? null : t.value.n })),
  };
}

/** A Slack post of a team for an announcement or reminder. */
export async function teamSlackInput(
  kind: "announce" | "remind",
  survey: Survey,
  teamId: string,
  tx?: DbClient,
): Promise<MessageInput> {
  const base = {
    survey: surveyFacts(survey),
    teamName: await teamName(teamId, tx),
    link: await teamOpenLink(survey.id, teamId, tx),
  };
  if (kind === "announce") return { kind, channel: "slack", ...base };
  return { kind, channel: "slack", ...base, ...(await reminderFigures(survey, tx)) };
}

export async function summaryInput(survey: Survey): Promise<MessageInput> {
  return {
    kind: "summary",
    channel: "slack",
    survey: surveyFacts(survey),
    ...(await summaryFigures(survey)),
    resultsUrl: resultsUrl(survey.id),
  };
}
