import "server-only";
import { sql } from "drizzle-orm";
import { pickHeadlineSurvey, progressCount, type SurveyPublication } from "@/lib/anonymity/surveys";
import { selectRows, type DbClient } from "@/lib/db/client";
import { teams } from "@/lib/db/schema";
import { inviteOnlyDenominators } from "@/lib/invites";
import { byDimensionOrder, doraOf, npsOf, scoresOf } from "../cell-sums";
import { classifyDora, doraMetricKeys } from "../dora";
import {
  cellGroup,
  chooseQuarter,
  groupOf,
  hiddenAs,
  inRequest,
  publishedIds,
  quartersOf,
  requestOf,
  speakerFor,
  surveysIn,
  type Group,
} from "../groups";
import type { AnalyticsFilter, PeriodViewInput } from "../schemas";
import { explainHidden } from "../suppression-notice";
import { benchmarkOf, type ScoreStats } from "../scores";
import type {
  DoraGroupRow,
  DoraMetricValue,
  DoraSummary,
  Maybe,
  ResponseRates,
  TeamComparison,
  TeamRow,
} from "../types";
import {
  context,
  dimensionNames,
  doraRows,
  likertRows,
  NO_TEAM,
  npsRows,
  publications,
  rangeOf,
  teamsInPeriod,
  type TeamInfo,
} from "./aggregates";

// Views of one quarter (or of each survey) team by team: the team comparison, DORA bands, response rates.

/**
 * One quarter, team by team: responses and response rate, NPS, every dimension (the heatmap), and the
 * 50th/75th/90th percentile of the teams that are shown. Each team is a cell of the quarter's survey;
 * the publication decision hides the cells under k and the ones that would let them be subtracted out.
 */
export async function getTeamComparison({
  input,
  tx,
}: {
  input: PeriodViewInput;
  tx?: DbClient;
}): Promise<TeamComparison> {
  const { db, k } = await context(tx);
  const { period: requested, ...filter } = input;
  const quarter = chooseQuarter(quartersOf(await publications(db, rangeOf(filter), k)), requested, k);
  if (!quarter) return { k, period: null, dimensions: [], teams: [], benchmarks: {} };
  const ids = publishedIds([quarter]);
  const [nps, likert, teamList, nameOf] = await Promise.all([
    npsRows(db, ids),
    likertRows(db, ids),
    teamsInPeriod(db, quarter.period),
    dimensionNames(db),
  ]);
  const dimensionKeys = [...new Set(likert.map((r) => r.dimension))].sort(byDimensionOrder);
  // Responses come from the quarter's main survey; NPS and each dimension from the survey that asks it.
  const headline = pickHeadlineSurvey(quarter.surveys);
  const npsSpeaker = speakerFor(quarter, surveysIn(nps));
  const dimensionSpeakers = new Map(
    dimensionKeys.map((d) => [d, speakerFor(quarter, surveysIn(likert.filter((r) => r.dimension === d)))]),
  );
  const collecting = { hidden: true as const, reason: "collecting" as const };
  const cellIn = (survey: SurveyPublication | null, cellId: string) => survey?.cells.find((c) => c.id === cellId);
  const groupIn = (survey: SurveyPublication | null, cellId: string): Group | null => {
    const cell = cellIn(survey, cellId);
    return survey && cell ? cellGroup(survey, cell) : null;
  };

  const nameOfCell = (id: string) =>
    id === "" ? "answers without a team" : (teamList.find((t) => t.id === id)?.name ?? NO_TEAM);
  const rowFor = (cellId: string, info: TeamInfo | null): TeamRow => {
    const headcount = info?.headcount ?? null;
    const base = {
      teamId: info?.id ?? null,
      name: info?.name ?? NO_TEAM,
      headcount,
      onPlatform: info?.on_platform ?? null,
    };
    if (!headline)
      return {
        ...base,
        hiddenWhy: { reason: "collecting", protects: [] },
        responses: collecting,
        nps: collecting,
        scores: Object.fromEntries(dimensionKeys.map((d) => [d, collecting])),
      };
    const counted = groupIn(headline, cellId);
    const npsGroup = groupIn(npsSpeaker, cellId);
    const npsStats = npsGroup && !npsGroup.hidden ? npsOf(nps, npsGroup) : null;
    const why = counted?.hidden ? explainHidden(headline, { team: cellId }) : null;
    return {
      ...base,
      hiddenWhy: why && { reason: why.reason, protects: why.protects.map(nameOfCell) },
      responses: !counted
        ? null
        : counted.hidden
          ? hiddenAs(counted)
          : { hidden: false, n: counted.n, rate: headcount ? counted.n / headcount : null },
      nps: !npsGroup ? null : npsGroup.hidden ? hiddenAs(npsGroup) : npsStats ? { hidden: false, ...npsStats } : null,
      scores: Object.fromEntries(
        dimensionKeys.flatMap((d): [string, Maybe<ScoreStats>][] => {
          const g = groupIn(dimensionSpeakers.get(d) ?? null, cellId);
          if (!g) return [];
          if (g.hidden) return [[d, hiddenAs(g)]];
          const stats = scoresOf(likert, g).get(d);
          return stats ? [[d, { hidden: false, ...stats }]] : [];
        }),
      ),
    };
  };

  const answered = new Set(quarter.surveys.flatMap((s) => s.cells.map((c) => c.id)));
  const included = teamList.filter((t) => {
    if (filter.team && t.id !== filter.team) return false;
    if (filter.adoption && t.on_platform !== (filter.adoption === "on")) return false;
    return !t.archived || answered.has(t.id);
  });
  const rows = included.map((t) => rowFor(t.id, t));
  if (answered.has("") && !filter.team && !filter.adoption) rows.push(rowFor("", null));

  const shownValues = (pick: (row: TeamRow) => Maybe<{ score: number } | { mean: number }> | null | undefined) =>
    rows
      .filter((r) => r.teamId)
      .map(pick)
      .filter((v): v is Exclude<typeof v, null | undefined | { hidden: true }> => !!v && !v.hidden)
      .map((v) => ("score" in v ? v.score : v.mean));
  const benchmarks: TeamComparison["benchmarks"] = { nps: benchmarkOf(shownValues((r) => r.nps)) };
  for (const key of dimensionKeys) benchmarks[key] = benchmarkOf(shownValues((r) => r.scores[key]));

  return {
    k,
    period: quarter.period,
    dimensions: dimensionKeys.map((key) => ({ key, name: nameOf(key) })),
    teams: rows,
    benchmarks,
  };
}

/** DORA bands per team and per adoption group in the latest published quarter with DORA answers (or the one asked for). */
export async function getDoraSummary({ input, tx }: { input: PeriodViewInput; tx?: DbClient }): Promise<DoraSummary> {
  const { db, k } = await context(tx);
  const { period: requested, ...filter } = input;
  // Which surveys ask DORA is read from their questions, so only the quarter shown is aggregated.
  const [surveys, askRows, nameOf] = await Promise.all([
    publications(db, rangeOf(filter), k),
    selectRows<{ survey_id: string }>(
      db,
      sql`select distinct survey_id::text as survey_id from questions where kind = 'single_choice' and dimension like 'dora.%'`,
    ),
    dimensionNames(db),
  ]);
  const quarters = quartersOf(surveys);
  const asks = surveysIn(askRows);
  const withDora = quarters.flatMap((q) => {
    const survey = speakerFor(q, asks);
    return survey ? [{ period: q.period, survey }] : [];
  });
  const periods = withDora.map((q) => q.period);
  const metrics = doraMetricKeys.map((key) => ({ key, name: nameOf(key) }));
  const quarter = withDora.find((q) => q.period === requested) ?? withDora.at(-1);
  if (!quarter) return { k, period: null, periods, metrics, teams: [], adoption: [], overall: null };
  const survey = quarter.survey;
  const [rows, teamList] = await Promise.all([doraRows(db, [survey.surveyId]), teamsInPeriod(db, quarter.period)]);
  const teamInfo = new Map(teamList.map((t) => [t.id, t]));

  const assemble = (group: Group, id: string | null, name: string, onPlatform: boolean | null): DoraGroupRow => {
    if (group.hidden) {
      const marker = hiddenAs(group);
      return {
        id,
        name,
        onPlatform,
        classification: marker,
        metrics: Object.fromEntries(doraMetricKeys.map((m) => [m, marker])),
      };
    }
    const values = doraOf(rows, group);
    const shown = [...values.values()];
    return {
      id,
      name,
      onPlatform,
      classification: { hidden: false, band: shown.length ? classifyDora(shown.map((v) => v.median)) : null },
      metrics: Object.fromEntries(
        [...values].map(([metric, v]) => [metric, { hidden: false, ...v } as DoraMetricValue]),
      ),
    };
  };
  const request = requestOf(filter);
  const teamsOut = survey.cells
    .filter((c) => c.id !== "" || (!filter.team && !filter.adoption))
    .filter((c) => (!request.team || c.id === request.team) && (!request.adoption || c.adoption === request.adoption))
    .map((c) => {
      const info = teamInfo.get(c.id);
      return assemble(cellGroup(survey, c), c.id || null, info?.name ?? NO_TEAM, info?.on_platform ?? null);
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const adoption = (["on", "off"] as const).flatMap((side) => {
    if (request.adoption && request.adoption !== side) return [];
    const group = groupOf(survey, { team: request.team, adoption: side });
    return group
      ? [assemble(group, side, side === "on" ? "On the platform" : "Not on the platform", side === "on")]
      : [];
  });
  // The whole group the filter names (every team, or the one asked for), as targets read a DORA band.
  const whole = groupOf(survey, request);
  const overall = whole ? assemble(whole, null, "All teams", null) : null;
  return { k, period: quarter.period, periods, metrics, teams: teamsOut, adoption, overall };
}

/**
 * Responses and response rate (from headcount) per survey and team. A closed survey shows the cells its
 * publication decision shows; a survey still collecting shows only its total, rounded down to a
 * multiple of k, so live progress moves in steps of k people.
 */
export async function getResponseRates({
  filter,
  tx,
}: {
  filter: AnalyticsFilter;
  tx?: DbClient;
}): Promise<ResponseRates> {
  const { db, k } = await context(tx);
  const [surveysInScope, teamRows] = await Promise.all([
    publications(db, rangeOf(filter), k),
    db.select({ id: teams.id, name: teams.name, headcount: teams.headcount }).from(teams),
  ]);
  const teamInfo = new Map(teamRows.map((t) => [t.id as string, t]));
  const request = requestOf(filter);
  // Invite-only teams' exact denominators (lib/invites); only closed surveys show team rows.
  const invitedBy = await inviteOnlyDenominators(
    db,
    surveysInScope.filter((s) => !s.collecting).map((s) => s.surveyId),
  );
  const out: ResponseRates["surveys"] = [];
  for (const survey of surveysInScope) {
    if (survey.collecting) {
      // While collecting, a survey is listed for every filter, without team rows and with a count only
      // for everyone: whether a team's row appears, or a group's live count, would tell when that team's
      // first person answered.
      // Only the whole survey's count, as on the trends' collecting note (lib/analytics/groups.ts liveProgress).
      const live = request.team || request.adoption ? null : progressCount(survey.n, k);
      out.push({
        surveyId: survey.surveyId,
        title: survey.title,
        period: survey.period,
        total: live === null ? { hidden: true, reason: "collecting" } : { hidden: false, n: live, atLeast: true },
        teams: [],
      });
      continue;
    }
    const group = groupOf(survey, request);
    if (!group) continue;
    const total: ResponseRates["surveys"][number]["total"] = group.hidden
      ? hiddenAs(group)
      : { hidden: false, n: group.n };
    out.push({
      surveyId: survey.surveyId,
      title: survey.title,
      period: survey.period,
      total,
      teams: survey.cells
        .filter((c) => inRequest(c, request))
        .map((c) => {
          const info = teamInfo.get(c.id);
          const headcount = info?.headcount ?? null;
          const invited = invitedBy.get(survey.surveyId)?.get(c.id) ?? null;
          const denominator = invited ?? headcount;
          const g = cellGroup(survey, c);
          return {
            teamId: c.id || null,
            name: info?.name ?? NO_TEAM,
            headcount,
            invited,
            value: g.hidden
              ? hiddenAs(g)
              : { hidden: false as const, n: c.n, rate: denominator ? c.n / denominator : null },
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    });
  }
  out.sort((a, b) => a.period.localeCompare(b.period) || a.title.localeCompare(b.title));
  return { k, surveys: out };
}
