import "server-only";
import { asc, isNull } from "drizzle-orm";
import type { DbClient } from "@/lib/db/client";
import { teams } from "@/lib/db/schema";
import { byDimensionOrder, changesOf, npsOf, scoresOf } from "../cell-sums";
import {
  groupsByQuarter,
  hiddenAs,
  isPublished,
  liveProgress,
  publishedRows,
  quartersOf,
  requestOf,
  surveysIn,
  type Quarter,
} from "../groups";
import type { AnalyticsFilter } from "../schemas";
import type {
  AdoptionComparison,
  AnalyticsMeta,
  CollectingQuarter,
  DimensionPoint,
  DimensionTrends,
  NpsPoint,
  NpsTrend,
} from "../types";
import { context, dimensionNames, likertRows, npsRows, publications, rangeOf, teamsInPeriod } from "./aggregates";

// Trends over quarters: NPS, dimensions, on- vs off-platform, and the filter bar's choices.

/** NPS per quarter with its 95% interval and the quarter-over-quarter change (flagged when within noise). */
export async function getNpsTrend({
  filter,
  key,
  tx,
}: {
  filter: AnalyticsFilter;
  key?: string;
  tx?: DbClient;
}): Promise<NpsTrend> {
  const { db, k } = await context(tx);
  const scope = rangeOf(filter);
  const [surveys, inRange] = await Promise.all([publications(db, scope, k), npsRows(db, scope, key)]);
  const quarters = quartersOf(surveys);
  const rows = publishedRows(quarters, inRange);
  const points: NpsPoint[] = [];
  for (const { period, group } of groupsByQuarter(quarters, filter, surveysIn(rows))) {
    if (group.hidden) {
      points.push({ period, ...hiddenAs(group) });
      continue;
    }
    const stats = npsOf(rows, group);
    if (stats) points.push({ period, hidden: false, ...stats });
  }
  return {
    k,
    key: rows[0]?.key ?? key ?? null,
    points,
    changes: changesOf(points),
    collecting: await collectingQuarters(db, quarters, filter, k),
  };
}

/**
 * The quarters in range still collecting, with the live count the response rates show for the same
 * group (in steps of k) against the headcount of the teams the filter names as of that quarter.
 */
async function collectingQuarters(
  db: DbClient,
  quarters: readonly Quarter[],
  filter: AnalyticsFilter,
  k: number,
): Promise<CollectingQuarter[]> {
  const request = requestOf(filter);
  const out: CollectingQuarter[] = [];
  for (const q of quarters) {
    const progress = liveProgress(q, request, k);
    if (!progress) continue;
    const asked = (await teamsInPeriod(db, q.period)).filter(
      (t) =>
        !t.archived &&
        (!request.team || t.id === request.team) &&
        (!request.adoption || t.on_platform === (request.adoption === "on")),
    );
    const invited = asked.reduce((sum, t) => sum + (t.headcount ?? 0), 0);
    out.push({ ...progress, invited: invited > 0 ? invited : null });
  }
  return out;
}

/** Mean, % favorable and interval per dimension and quarter. */
export async function getDimensionTrends({
  filter,
  tx,
}: {
  filter: AnalyticsFilter;
  tx?: DbClient;
}): Promise<DimensionTrends> {
  const { db, k } = await context(tx);
  const scope = rangeOf(filter);
  const [surveys, inRange, nameOf] = await Promise.all([
    publications(db, scope, k),
    likertRows(db, scope),
    dimensionNames(db),
  ]);
  const quarters = quartersOf(surveys);
  const rows = publishedRows(quarters, inRange);
  const collecting = await collectingQuarters(db, quarters, filter, k);
  const keys = [...new Set(rows.map((r) => r.dimension))].sort(byDimensionOrder);
  const points: DimensionPoint[] = [];
  for (const dimension of keys) {
    const asks = surveysIn(rows.filter((r) => r.dimension === dimension));
    for (const { period, group } of groupsByQuarter(quarters, filter, asks)) {
      if (group.hidden) points.push({ period, dimension, ...hiddenAs(group) });
      else {
        const stats = scoresOf(rows, group).get(dimension);
        if (stats) points.push({ period, dimension, hidden: false, ...stats });
      }
    }
  }
  return {
    k,
    periods: quarters.map((q) => q.period),
    dimensions: keys.map((key) => ({ key, name: nameOf(key), points: points.filter((p) => p.dimension === key) })),
    collecting,
  };
}

/** On-platform vs off-platform teams, quarter by quarter, using the adoption flag that held in each quarter. */
export async function getAdoptionComparison({
  filter,
  tx,
}: {
  filter: AnalyticsFilter;
  tx?: DbClient;
}): Promise<AdoptionComparison> {
  const { db, k } = await context(tx);
  const scope = rangeOf(filter);
  const [surveys, npsInRange, likertInRange, nameOf] = await Promise.all([
    publications(db, scope, k),
    npsRows(db, scope),
    likertRows(db, scope),
    dimensionNames(db),
  ]);
  const quarters = quartersOf(surveys);
  const [nps, likert] = [publishedRows(quarters, npsInRange), publishedRows(quarters, likertInRange)];
  const dimensionKeys = [...new Set(likert.map((r) => r.dimension))].sort(byDimensionOrder);
  const out: AdoptionComparison = {
    k,
    periods: quarters.map((q) => q.period),
    nps: { on: [], off: [] },
    dimensions: dimensionKeys.map((key) => ({ key, name: nameOf(key), on: [], off: [] })),
  };
  for (const side of ["on", "off"] as const) {
    const sideFilter = { ...filter, adoption: side };
    for (const { period, group } of groupsByQuarter(quarters, sideFilter, surveysIn(nps))) {
      if (group.hidden) out.nps[side].push({ period, ...hiddenAs(group) });
      else {
        const stats = npsOf(nps, group);
        if (stats) out.nps[side].push({ period, hidden: false, ...stats });
      }
    }
    for (const d of out.dimensions) {
      for (const { period, group } of groupsByQuarter(
        quarters,
        sideFilter,
        surveysIn(likert.filter((r) => r.dimension === d.key)),
      )) {
        if (group.hidden) d[side].push({ period, dimension: d.key, ...hiddenAs(group) });
        else {
          const stats = scoresOf(likert, group).get(d.key);
          if (stats) d[side].push({ period, dimension: d.key, hidden: false, ...stats });
        }
      }
    }
  }
  return out;
}

/** Quarters with responses (and which of them are published), teams and k for the filter bar. */
export async function getAnalyticsMeta({ tx }: { tx?: DbClient } = {}): Promise<AnalyticsMeta> {
  const { db, k } = await context(tx);
  const [surveysInScope, teamRows] = await Promise.all([
    publications(db, {}, k),
    db
      .select({ id: teams.id, name: teams.name, onPlatform: teams.onPlatform })
      .from(teams)
      .where(isNull(teams.archivedAt))
      .orderBy(asc(teams.name)),
  ]);
  const quarters = quartersOf(surveysInScope);
  return {
    k,
    periods: quarters.map((q) => q.period),
    publishedPeriods: quarters.filter(isPublished).map((q) => q.period),
    teams: teamRows,
  };
}
