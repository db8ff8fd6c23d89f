import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getSurveyPublications } from "@/lib/anonymity/queries";
import { tallyResponses, type ResponseTally } from "@/lib/anonymity/surveys";
import { getDb, inTransaction, selectRows, type DbClient } from "@/lib/db/client";
import { inviteLists, surveyLinks, teams } from "@/lib/db/schema";
import { inviteOnlyDenominators } from "@/lib/invites";
import { AppError } from "@/lib/errors";
import { newLinkToken } from "../link-token";
import { getSurveyById, requireSurvey } from "./surveys";

// ── Links and live counts ────────────────────────────────────────────────────────────────────

export type SurveyLinkStats = {
  id: string;
  /** Only editors see link tokens: a viewer holding a team's link could pad its group with fake answers. */
  token: string | null;
  teamId: string | null;
  teamName: string | null;
  headcount: number | null;
  /** The team answers by invitation only (lib/invites): this link takes no answers. */
  inviteOnly: boolean;
  /** An invite-only team's people invited to this survey, the exact denominator of its rate. */
  invited: number | null;
  /** Responses through this link as the anonymity rules allow (null: fewer than k, or hidden to protect another group). */
  responses: ResponseTally;
  /** Responses ÷ invited (invite-only teams) or ÷ headcount, from the count shown; null without one. */
  responseRate: number | null;
};

/** A survey's links (id, token, team), for internal use: no counts. */
export async function listSurveyLinks({ surveyId }: { surveyId: string }, tx?: DbClient) {
  const db = tx ?? (await getDb());
  return db
    .select({ id: surveyLinks.id, token: surveyLinks.token, teamId: surveyLinks.teamId })
    .from(surveyLinks)
    .where(and(eq(surveyLinks.surveyId, surveyId), eq(surveyLinks.kind, "survey")))
    .orderBy(asc(surveyLinks.createdAt));
}

/**
 * Every link of a survey with the responses that came through it, as people may see them: a team link
 * counts the team's cell of the survey's publication decision (in steps of k while the survey collects).
 */
export async function getSurveyLinkStats({
  surveyId,
  showTokens,
}: {
  surveyId: string;
  showTokens: boolean;
}): Promise<{ links: SurveyLinkStats[]; total: ResponseTally }> {
  const db = await getDb();
  const [rows, survey, { k, surveys: published }, denominators] = await Promise.all([
    selectRows<{
      id: string;
      token: string;
      team_id: string | null;
      team_name: string | null;
      headcount: number | null;
      invite_only: boolean | null;
    }>(
      db,
      sql`select l.id, l.token, l.team_id, t.name as team_name, t.headcount, il.invite_only
          from ${surveyLinks} l left join ${teams} t on t.id = l.team_id
          left join ${inviteLists} il on il.team_id = l.team_id
          where l.survey_id = ${surveyId} and l.kind = 'survey'
          order by (l.team_id is not null), t.name, l.created_at`,
    ),
    getSurveyById({ id: surveyId }, db),
    getSurveyPublications({ scope: { surveyId }, tx: db }),
    inviteOnlyDenominators(db, [surveyId]),
  ]);
  const invitedBy = denominators.get(surveyId);
  const publication = published[0];
  const status = survey?.status ?? "draft";
  const cellTally = (cellId: string): ResponseTally => {
    const cell = publication?.cells.find((c) => c.id === cellId);
    if (!cell || !publication) return status === "closed" ? null : tallyResponses(0, status, k);
    if (publication.collecting) return tallyResponses(cell.n, status, k);
    return publication.publication.cells.get(cellId)?.shown ? { n: cell.n, atLeast: false } : null;
  };
  const links = rows.map((r) => {
    const headcount = r.headcount === null ? null : Number(r.headcount);
    const invited = (r.team_id && invitedBy?.get(r.team_id)) || null;
    const denominator = invited ?? headcount;
    const responses = cellTally(r.team_id ?? "");
    return {
      id: r.id,
      token: showTokens ? r.token : null,
      teamId: r.team_id,
      teamName: r.team_name,
      headcount,
      inviteOnly: r.invite_only === true,
      invited,
      responses,
      responseRate: denominator && responses ? responses.n / denominator : null,
    };
  });
  return { links, total: tallyResponses(publication?.n ?? 0, status, k) };
}

/**
 * Adds a link for each given team (or every active team) that has none for this survey yet. An archived
 * team gets no new link: it no longer answers surveys.
 */
export async function createTeamLinks(
  { surveyId, teamIds }: { surveyId: string; teamIds?: string[] },
  client?: DbClient,
) {
  return inTransaction(client, async (tx) => {
    await requireSurvey(tx, surveyId);
    const candidates = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(
        and(
          isNull(teams.archivedAt),
          teamIds ? inArray(teams.id, teamIds.length ? teamIds : ["00000000-0000-0000-0000-000000000000"]) : undefined,
        ),
      );
    if (teamIds && candidates.length !== new Set(teamIds).size)
      throw new AppError("validation", "Unknown or archived team", { teamIds: ["Unknown or archived team"] });
    const existing = await tx
      .select({ teamId: surveyLinks.teamId })
      .from(surveyLinks)
      .where(eq(surveyLinks.surveyId, surveyId));
    const have = new Set(existing.map((l) => l.teamId));
    const missing = candidates.filter((t) => !have.has(t.id));
    if (missing.length) {
      await tx
        .insert(surveyLinks)
        .values(missing.map((t) => ({ token: newLinkToken(), surveyId, teamId: t.id, kind: "survey" as const })));
    }
    return missing.length;
  });
}

export async function getSurveyLink({ surveyId, linkId }: { surveyId: string; linkId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ id: surveyLinks.id, token: surveyLinks.token, teamName: teams.name })
    .from(surveyLinks)
    .leftJoin(teams, eq(teams.id, surveyLinks.teamId))
    .where(and(eq(surveyLinks.id, linkId), eq(surveyLinks.surveyId, surveyId)));
  return row ?? null;
}
