import "server-only";
import { pickHeadlineSurvey, type SurveyPublication } from "@/lib/anonymity/surveys";
import type { DbClient } from "@/lib/db/client";
import { teams } from "@/lib/db/schema";
import { quartersOf, requestOf } from "../groups";
import type { AnalyticsFilter } from "../schemas";
import { filterOptions, rangeNotice, surveyNotice, type SuppressionNotice } from "../suppression-notice";
import type { FilterNotice } from "../types";
import { context, NO_TEAM, publications } from "./aggregates";

// One notice per view instead of a hidden marker per card: what the filters' group hides, why, and the
// ways out; and which filter choices would show anything. Decided by ../suppression-notice.ts from the
// same publication decisions every figure answers from.

/** Team names for the groups a notice says it protects ("" is the answers that came without a team). */
async function teamNames(db: DbClient) {
  const rows = await db.select({ id: teams.id, name: teams.name, archivedAt: teams.archivedAt }).from(teams);
  const names = new Map(rows.map((t) => [t.id as string, t.name]));
  const nameOf = (id: string) => (id === "" ? "answers without a team" : (names.get(id) ?? NO_TEAM));
  const activeIds = rows.filter((t) => !t.archivedAt).map((t) => t.id as string);
  return { nameOf, activeIds };
}

const named = (notice: SuppressionNotice | null, nameOf: (id: string) => string): SuppressionNotice | null =>
  notice && { ...notice, lines: notice.lines.map((l) => ({ ...l, protects: l.protects.map(nameOf) })) };

/** The dashboards' notice for a filter over its quarter range, and the filter bar's choices over every quarter. */
export async function getFilterNotice({
  filter,
  tx,
}: {
  filter: AnalyticsFilter;
  tx?: DbClient;
}): Promise<FilterNotice> {
  const { db, k } = await context(tx);
  const [all, { nameOf, activeIds }] = await Promise.all([publications(db, {}, k), teamNames(db)]);
  const every = quartersOf(all);
  const inRange = every.filter(
    (q) => (!filter.from || q.period >= filter.from) && (!filter.to || q.period <= filter.to),
  );
  const request = requestOf(filter);
  const speakers = every.map((q) => pickHeadlineSurvey(q.surveys)).filter((s): s is SurveyPublication => s !== null);
  return {
    k,
    notice: named(rangeNotice(inRange, every, request), nameOf),
    options: filterOptions(speakers, activeIds, request),
  };
}

/** The same for one survey's own views (its results page). */
export async function surveyFilterNotice(
  db: DbClient,
  publication: SurveyPublication | null,
  request: { team?: string | null; adoption?: "on" | "off" | null },
): Promise<Omit<FilterNotice, "k">> {
  const { nameOf, activeIds } = await teamNames(db);
  return {
    notice: named(surveyNotice(publication, request), nameOf),
    options: filterOptions(publication ? [publication] : [], activeIds, request),
  };
}
