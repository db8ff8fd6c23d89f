// Trend tables as CSV rows. Hidden groups keep their row (so the reader sees the gap) but carry no numbers.
import type { CsvCell } from "@/lib/export/csv";
import { hiddenMessage } from "./suppression";
import type {
  AdoptionComparison,
  DimensionTrends,
  DoraSummary,
  Maybe,
  NpsTrend,
  ResponseRates,
  TeamComparison,
} from "./types";

export type CsvTable = { header: string[]; rows: CsvCell[][] };

const round = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? null : Number(v.toFixed(digits));
const status = (v: Maybe<object> | null | undefined, k: number) =>
  !v ? "no responses" : v.hidden ? hiddenMessage(v.reason, k) : "shown";

export function npsTable(t: NpsTrend): CsvTable {
  return {
    header: [
      "quarter",
      "status",
      "responses",
      "promoters",
      "passives",
      "detractors",
      "nps",
      "ci_low",
      "ci_high",
      "change",
      "change_ci_low",
      "change_ci_high",
      "change_within_noise",
    ],
    rows: t.points.map((p) => {
      const change = t.changes.find((c) => c.to === p.period);
      const changeCells: CsvCell[] = change
        ? [round(change.delta), round(change.ciLow), round(change.ciHigh), change.withinNoise]
        : [null, null, null, null];
      if (p.hidden) return [p.period, status(p, t.k), null, null, null, null, null, null, null, ...changeCells];
      return [
        p.period,
        "shown",
        p.n,
        p.promoters,
        p.passives,
        p.detractors,
        round(p.score),
        round(p.ciLow),
        round(p.ciHigh),
        ...changeCells,
      ];
    }),
  };
}

export function dimensionsTable(t: DimensionTrends): CsvTable {
  return {
    header: [
      "quarter",
      "dimension_key",
      "dimension",
      "status",
      "respondents",
      "mean",
      "favorable_pct",
      "ci_low",
      "ci_high",
    ],
    rows: t.dimensions.flatMap((d) =>
      d.points.map((p) =>
        p.hidden
          ? [p.period, d.key, d.name, status(p, t.k), null, null, null, null, null]
          : [
              p.period,
              d.key,
              d.name,
              "shown",
              p.n,
              round(p.mean, 2),
              round(p.favorablePct),
              round(p.ciLow, 2),
              round(p.ciHigh, 2),
            ],
      ),
    ),
  };
}

export function teamsTable(t: TeamComparison): CsvTable {
  const dims = t.dimensions;
  return {
    header: [
      "quarter",
      "team",
      "on_platform",
      "headcount",
      "responses",
      "response_rate_pct",
      "nps",
      "nps_ci_low",
      "nps_ci_high",
      ...dims.map((d) => `${d.key}_mean`),
    ],
    rows: t.teams.map((row) => {
      const r = row.responses;
      const nps = row.nps;
      return [
        t.period,
        row.name,
        row.onPlatform,
        row.headcount,
        r && !r.hidden ? r.n : status(r, t.k),
        r && !r.hidden && r.rate !== null ? round(r.rate * 100) : null,
        nps && !nps.hidden ? round(nps.score) : status(nps, t.k),
        nps && !nps.hidden ? round(nps.ciLow) : null,
        nps && !nps.hidden ? round(nps.ciHigh) : null,
        ...dims.map((d) => {
          const s = row.scores[d.key];
          return s && !s.hidden ? round(s.mean, 2) : status(s, t.k);
        }),
      ];
    }),
  };
}

export function adoptionTable(t: AdoptionComparison): CsvTable {
  const rows: CsvCell[][] = [];
  for (const group of ["on", "off"] as const) {
    for (const p of t.nps[group]) {
      rows.push(
        p.hidden
          ? [p.period, group, "nps", status(p, t.k), null, null, null, null]
          : [p.period, group, "nps", "shown", p.n, round(p.score), round(p.ciLow), round(p.ciHigh)],
      );
    }
    for (const d of t.dimensions) {
      for (const p of d[group]) {
        rows.push(
          p.hidden
            ? [p.period, group, d.key, status(p, t.k), null, null, null, null]
            : [p.period, group, d.key, "shown", p.n, round(p.mean, 2), round(p.ciLow, 2), round(p.ciHigh, 2)],
        );
      }
    }
  }
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return { header: ["quarter", "adoption", "measure", "status", "respondents", "value", "ci_low", "ci_high"], rows };
}

export function doraTable(t: DoraSummary): CsvTable {
  const rows: CsvCell[][] = [];
  for (const [kind, list] of [
    ["team", t.teams],
    ["adoption", t.adoption],
  ] as const) {
    for (const g of list) {
      for (const m of t.metrics) {
        const v = g.metrics[m.key];
        const cls = g.classification.hidden ? status(g.classification, t.k) : g.classification.band;
        rows.push(
          v && !v.hidden
            ? [
                t.period,
                kind,
                g.name,
                cls,
                m.key,
                "shown",
                v.n,
                v.counts.elite,
                v.counts.high,
                v.counts.medium,
                v.counts.low,
                v.median,
              ]
            : [t.period, kind, g.name, cls, m.key, status(v, t.k), null, null, null, null, null, null],
        );
      }
    }
  }
  return {
    header: [
      "quarter",
      "group_kind",
      "group",
      "classification",
      "metric",
      "status",
      "respondents",
      "elite",
      "high",
      "medium",
      "low",
      "median_band",
    ],
    rows,
  };
}

export function responseRatesTable(t: ResponseRates): CsvTable {
  return {
    header: ["quarter", "survey", "team", "headcount", "status", "responses", "response_rate_pct"],
    rows: t.surveys.flatMap((s) =>
      s.teams.map((row) =>
        row.value.hidden
          ? [s.period, s.title, row.name, row.headcount, status(row.value, t.k), null, null]
          : [
              s.period,
              s.title,
              row.name,
              row.headcount,
              "shown",
              row.value.n,
              row.value.rate === null ? null : round(row.value.rate * 100),
            ],
      ),
    ),
  };
}
