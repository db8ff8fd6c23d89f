import "server-only";
import { sql } from "drizzle-orm";
import {
  getDimensionTrends,
  getDoraSummary,
  getNpsTrend,
  getSurveyResults,
  listSurveysWithResults,
} from "@/lib/analytics/queries";
import type { NpsPoint } from "@/lib/analytics/types";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { listTimingPeriods, listWorkflowTimings } from "@/lib/journeys/queries";
import { periodOfDate } from "@/lib/period";
import { DORA_BAND_VALUE, type PlanMeasure, type TargetMetric } from "../constants";
import type { SeriesPoint } from "../series";

// Every figure a target or an action plan is read against comes from the analytics and journeys
// queries the dashboards use, with the same filter: a value they hide is hidden here too.

export type MeasureRef = { metric: TargetMetric | PlanMeasure; key: string; teamId: string | null };

const fromNps = (points: readonly NpsPoint[]): SeriesPoint[] =>
  points.map((p) =>
    p.hidden
      ? { period: p.period, hidden: true, reason: p.reason }
      : { period: p.period, hidden: false, value: p.score, low: p.ciLow, high: p.ciHigh },
  );

export async function getMeasureSeries({ metric, key, teamId }: MeasureRef, tx?: DbClient): Promise<SeriesPoint[]> {
  const filter = teamId ? { team: teamId } : {};
  switch (metric) {
    case "nps":
      return fromNps((await getNpsTrend({ filter, tx })).points);
    case "dimension": {
      const series = (await getDimensionTrends({ filter, tx })).dimensions.find((d) => d.key === key);
      return (series?.points ?? []).map((p) =>
        p.hidden
          ? { period: p.period, hidden: true, reason: p.reason }
          : { period: p.period, hidden: false, value: p.mean, low: p.ciLow, high: p.ciHigh },
      );
    }
    case "dora":
      return doraSeries(key, teamId, tx);
    case "timing":
      return timingSeries(key);
    case "question":
      return questionSeries(key, tx);
    case "journey_step":
      return journeyStepSeries(key, tx);
  }
}

/** The DORA band (overall, or one metric's median band) quarter by quarter, as an ordinal 1–4. */
async function doraSeries(key: string, teamId: string | null, tx?: DbClient): Promise<SeriesPoint[]> {
  const team = teamId ?? undefined;
  const { periods } = await getDoraSummary({ input: { team }, tx });
  const out: SeriesPoint[] = [];
  for (const period of periods) {
    const row = (await getDoraSummary({ input: { team, period }, tx })).overall;
    if (!row) continue;
    const value = key ? row.metrics[key] : row.classification;
    if (!value) continue;
    if (value.hidden) {
      out.push({ period, hidden: true, reason: value.reason });
      continue;
    }
    const band = "band" in value ? value.band : value.median;
    if (band) out.push({ period, hidden: false, value: DORA_BAND_VALUE[band], low: null, high: null });
  }
  return out;
}

/**
 * A workflow's median minutes per quarter. Timings are the platform team's own measurements, not
 * answers, so no k applies; the current quarter may still gain measurements and counts as collecting.
 */
async function timingSeries(workflowId: string): Promise<SeriesPoint[]> {
  const current = periodOfDate(new Date());
  const out: SeriesPoint[] = [];
  for (const period of (await listTimingPeriods()).sort()) {
    const row = (await listWorkflowTimings({ period })).find((w) => w.workflowId === workflowId);
    if (!row || row.median === null) continue;
    out.push(
      period >= current
        ? { period, hidden: true, reason: "collecting" }
        : { period, hidden: false, value: row.median, low: null, high: null },
    );
  }
  return out;
}

/** One question (by its key across quarters): NPS with its interval, or a Likert mean from each quarter's survey. */
async function questionSeries(key: string, tx?: DbClient): Promise<SeriesPoint[]> {
  const db = tx ?? (await getDb());
  const [kind] = await selectRows<{ kind: string }>(
    db,
    sql`select kind::text as kind from questions where key = ${key} and kind in ('nps', 'likert') limit 1`,
  );
  if (!kind) return [];
  if (kind.kind === "nps") return fromNps((await getNpsTrend({ filter: {}, key, tx })).points);
  const { surveys } = await listSurveysWithResults({ tx });
  const out = new Map<string, SeriesPoint>();
  for (const survey of [...surveys].sort((a, b) => (b.hidden ? 0 : b.responses) - (a.hidden ? 0 : a.responses))) {
    if (out.has(survey.period)) continue;
    if (survey.status !== "closed") continue;
    const question = (await getSurveyResults({ surveyId: survey.id, query: {}, tx })).questions.find(
      (q) => q.key === key,
    );
    if (!question) continue;
    const r = question.result;
    if (r.hidden) out.set(survey.period, { period: survey.period, hidden: true, reason: r.reason });
    else if (r.score)
      out.set(survey.period, { period: survey.period, hidden: false, value: r.score.mean, low: null, high: null });
  }
  return [...out.values()];
}

/** A journey step is measured by its map's workflow timing (a baseline workflow of the same name or key). */
async function journeyStepSeries(stepId: string, tx?: DbClient): Promise<SeriesPoint[]> {
  const db = tx ?? (await getDb());
  const [workflow] = await selectRows<{ id: string }>(
    db,
    sql`select w.id::text as id from journey_steps s
        join journey_maps m on m.id = s.map_id
        join baseline_workflows w on lower(w.name) = lower(m.workflow) or w.key = m.workflow
        where s.id = ${stepId} and m.workflow <> '' limit 1`,
  );
  return workflow ? timingSeries(workflow.id) : [];
}
