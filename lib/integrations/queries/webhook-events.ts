import "server-only";
// What each webhook event says, and nothing the anonymity model would hide (lib/anonymity):
//
// - survey.opened  { survey: { id, title, period, status } } — no counts: a live count would tell when
//   each person answered.
// - survey.closed  { survey, anonymityThreshold, responses, teams: [{ id, name, responses }] } — the
//   survey's respondents only when at least k (tallyResponses: null under k), and only the teams the
//   survey's one publication decision shows (decidePublication, with complementary suppression), so
//   nothing here can be subtracted into a group under k that the dashboards would not also give.
// - friction.created { period, team: { id, name } | null } — which link's team received an entry. No
//   text (a sentence can name its writer), no entry id, no day, no counts; the event's own time says no
//   more than the entry count Settings → Friction links already shows editors as it changes.
// - backlog.analysed { scope } — which scope was analysed. No theme or answer counts (a team scope
//   under k would leak its size); the receiver reads the themes through GET /api/backlog with an API
//   token, where k applies as it does on the page.
import { inArray } from "drizzle-orm";
import { getSurveyPublications } from "@/lib/anonymity/queries";
import { tallyResponses } from "@/lib/anonymity/surveys";
import { getDb } from "@/lib/db/client";
import { teams } from "@/lib/db/schema";
import { getSurveyById } from "@/lib/surveys/queries";

export async function surveyEventData({ surveyId }: { surveyId: string }): Promise<Record<string, unknown> | null> {
  const survey = await getSurveyById({ id: surveyId });
  if (!survey) return null;
  const head = { survey: { id: survey.id, title: survey.title, period: survey.period, status: survey.status } };
  if (survey.status !== "closed") return head;
  const { k, surveys } = await getSurveyPublications({ scope: { surveyId } });
  const published = surveys[0];
  const tally = tallyResponses(published?.n ?? 0, survey.status, k);
  const shownTeams = published
    ? published.cells.filter((c) => c.id !== "" && published.publication.cells.get(c.id)?.shown)
    : [];
  const names = await teamNames(shownTeams.map((c) => c.id));
  return {
    ...head,
    anonymityThreshold: k,
    responses: tally && published?.publication.total.shown ? tally.n : null,
    teams: shownTeams.map((c) => ({ id: c.id, name: names.get(c.id) ?? "", responses: c.n })),
  };
}

export async function frictionEventData({ teamId, period }: { teamId: string | null; period: string }) {
  const names = await teamNames(teamId ? [teamId] : []);
  return { period, team: teamId ? { id: teamId, name: names.get(teamId) ?? "" } : null };
}

export const backlogEventData = ({ scope }: { scope: string }) => ({ scope });

async function teamNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
