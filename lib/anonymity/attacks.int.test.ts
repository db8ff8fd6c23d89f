// Over 400 lines on purpose: the catalogue of anonymity attacks (differencing, padding, time, edits), each a test.
import { randomBytes, randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as adoptionRoute } from "@/app/api/analytics/adoption/route";
import { GET as dimensionsRoute } from "@/app/api/analytics/dimensions/route";
import { GET as doraRoute } from "@/app/api/analytics/dora/route";
import { GET as exportRoute } from "@/app/api/analytics/export/[table]/route";
import { GET as noticeRoute } from "@/app/api/analytics/notice/route";
import { GET as npsRoute } from "@/app/api/analytics/nps/route";
import { GET as ratesRoute } from "@/app/api/analytics/response-rates/route";
import { GET as commentsRoute } from "@/app/api/analytics/surveys/[surveyId]/comments/route";
import { GET as resultsRoute } from "@/app/api/analytics/surveys/[surveyId]/route";
import { GET as teamsRoute } from "@/app/api/analytics/teams/route";
import { GET as linksRoute } from "@/app/api/surveys/[id]/links/route";
import { GET as surveyRoute } from "@/app/api/surveys/[id]/route";
import { GET as surveysRoute } from "@/app/api/surveys/route";
import type { RouteHandler } from "@/lib/api/route";
import { GET as backlogRoute } from "@/app/api/backlog/route";
import { GET as backlogExportRoute } from "@/app/api/backlog/export/route";
import { GET as itemRoute } from "@/app/api/backlog/items/[id]/route";
import { GET as targetsRoute } from "@/app/api/targets/route";
import { buildBacklog, moveThemeMembers, setDashboardBacklog } from "@/lib/backlog/queries";
import { GET as youSaidRoute } from "@/app/api/you-said/route";
import { publishYouSaidItem, saveYouSaidDraft } from "@/lib/you-said/queries";
import { quartersScope } from "@/lib/backlog/scope";
import * as s from "@/lib/db/schema";
import surveyLinkRoute from "@/pages/api/s/[token]";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { insertTeams, seedWorkspace } from "@/lib/testing/workspace-fixture";

/*
 * The anonymity attacks of issue 11, each sent as a signed-in viewer (or an outsider holding a link) would
 * send it, through the real route handlers. The rule they check: any two things a viewer can obtain differ
 * by zero or at least k respondents in every group, so nothing about a group under k can be worked out.
 *
 * Each attack collects what the views publish, turns every shown figure into the set of respondents behind
 * it (from the database, by finding the responses whose numbers it reproduces), and hands those sets to
 * findDerivableGroups below. A hidden marker, an absent group and a 422 all count as "published nothing".
 *
 * Fixture (k = 5). Checkout moved onto the platform in 2026-Q4.
 *                            Payments  Checkout  Data Platform  Identity
 *   on the platform            yes     Q3 no/Q4 yes    no          no
 *   DX 2026-Q3     (closed)     9         7            5            3      = 24
 *   DX 2026-Q4     (closed)     8         6            6            3      = 23
 *   Pulse 2026-Q4  (closed)     6         –            –            3      =  9   shares the NPS and Likert keys
 *   DX 2026-Q4 follow-up (OPEN) 6         4            5            –      = 15   same questions as the quarterlies
 * Identity (3) is under k everywhere; in 2026-Q4 its 3 people answered two surveys (3 + 3 is not 6 people).
 */
const db = withTestDatabase();
const K = 5;
const Q3 = "2026-Q3";
const Q4 = "2026-Q4";
const QUARTERS = [Q3, Q4];
const TEAM_NAMES = ["Payments", "Checkout", "Data Platform", "Identity"] as const;
type TeamName = (typeof TEAM_NAMES)[number];
const ADOPTION = ["on", "off"] as const;
type Adoption = (typeof ADOPTION)[number];

type SurveyPlan = {
  key: string;
  title: string;
  period: string;
  status: "closed" | "open";
  full: boolean;
  respondents: Partial<Record<TeamName, number>>;
};
const SURVEYS: SurveyPlan[] = [
  {
    key: "q3",
    title: "DX 2026-Q3",
    period: Q3,
    status: "closed",
    full: true,
    respondents: { Payments: 9, Checkout: 7, "Data Platform": 5, Identity: 3 },
  },
  {
    key: "q4",
    title: "DX 2026-Q4",
    period: Q4,
    status: "closed",
    full: true,
    respondents: { Payments: 8, Checkout: 6, "Data Platform": 6, Identity: 3 },
  },
  {
    key: "pulse",
    title: "Pulse 2026-Q4",
    period: Q4,
    status: "closed",
    full: false,
    respondents: { Payments: 6, Identity: 3 },
  },
  {
    key: "open",
    title: "DX 2026-Q4 follow-up",
    period: Q4,
    status: "open",
    full: true,
    respondents: { Payments: 6, Checkout: 4, "Data Platform": 5 },
  },
];
const CLOSED = ["q3", "q4", "pulse"];
const BANDS = ["elite", "high", "medium", "low"];

const ids = {
  viewer: "",
  teams: {} as Record<TeamName, string>,
  surveys: {} as Record<string, string>,
  /** survey key → question key → question id */
  questions: {} as Record<string, Record<string, string>>,
};
const teamName = (id: string | null | undefined) => TEAM_NAMES.find((n) => ids.teams[n] === id) ?? String(id);

beforeAll(async () => {
  const d = db.handle().db;
  ids.viewer = (await seedWorkspace(d, { anonymityThreshold: K, roles: ["viewer"] })).viewer;
  ids.teams = (await insertTeams(d, [
    { name: "Payments", headcount: 20, onPlatform: true },
    { name: "Checkout", headcount: 15, onPlatform: true },
    { name: "Data Platform", headcount: 10, onPlatform: false },
    { name: "Identity", headcount: 6, onPlatform: false },
  ])) as Record<TeamName, string>;
  await d.insert(s.teamPlatformChanges).values([
    { teamId: ids.teams.Payments, effectivePeriod: Q3, onPlatform: true },
    { teamId: ids.teams.Checkout, effectivePeriod: Q3, onPlatform: false },
    { teamId: ids.teams.Checkout, effectivePeriod: Q4, onPlatform: true },
    { teamId: ids.teams["Data Platform"], effectivePeriod: Q3, onPlatform: false },
    { teamId: ids.teams.Identity, effectivePeriod: Q3, onPlatform: false },
  ]);

  for (const [surveyIndex, plan] of SURVEYS.entries()) {
    const [survey] = await d
      .insert(s.surveys)
      .values({ title: plan.title, period: plan.period, status: plan.status })
      .returning();
    ids.surveys[plan.key] = survey.id;
    const questionRows = await d
      .insert(s.questions)
      .values([
        {
          surveyId: survey.id,
          key: "platform_nps",
          position: 0,
          kind: "nps" as const,
          prompt: "How likely are you to recommend the platform?",
        },
        {
          surveyId: survey.id,
          key: "sat",
          position: 1,
          kind: "likert" as const,
          prompt: "How satisfied are you with your tools?",
          dimension: "space.satisfaction",
        },
        ...(plan.full
          ? [
              {
                surveyId: survey.id,
                key: "flow",
                position: 2,
                kind: "likert" as const,
                prompt: "How often are you in flow?",
                dimension: "devex.flow_state",
              },
              {
                surveyId: survey.id,
                key: "dora_lead_time",
                position: 3,
                kind: "single_choice" as const,
                prompt: "Lead time for changes?",
                dimension: "dora.lead_time",
                options: BANDS.map((b) => ({ id: b, label: b })),
              },
            ]
          : []),
        {
          surveyId: survey.id,
          key: "frustration",
          position: 4,
          kind: "free_text" as const,
          prompt: "What is the most frustrating part of your workflow?",
        },
      ])
      .returning();
    const q = Object.fromEntries(questionRows.map((x) => [x.key, x.id]));
    ids.questions[plan.key] = q;
    for (const [teamIndex, team] of TEAM_NAMES.entries()) {
      const count = plan.respondents[team] ?? 0;
      if (!count) continue;
      const responses = await d
        .insert(s.responses)
        .values(
          Array.from({ length: count }, () => ({
            surveyId: survey.id,
            teamId: ids.teams[team],
            submittedOn: plan.period === Q3 ? "2026-08-03" : "2026-11-02",
          })),
        )
        .returning();
      // Varied but deterministic answers, and a free text unique to each person (to map comments back to them).
      await d.insert(s.answers).values(
        responses.flatMap((r, i) => [
          { responseId: r.id, questionId: q.platform_nps, numberValue: (3 * i + 5 * teamIndex + surveyIndex) % 11 },
          { responseId: r.id, questionId: q.sat, numberValue: 1 + ((i + teamIndex + 2 * surveyIndex) % 5) },
          ...(plan.full
            ? [
                { responseId: r.id, questionId: q.flow, numberValue: 1 + ((2 * i + teamIndex + surveyIndex) % 5) },
                { responseId: r.id, questionId: q.dora_lead_time, choiceValues: [BANDS[(i + teamIndex) % 4]] },
              ]
            : []),
          {
            responseId: r.id,
            questionId: q.frustration,
            textValue: `${plan.title}, ${team} person ${i + 1}: ${team === "Identity" ? "my lead reads every PR I open" : "the build is slow"}`,
          },
        ]),
      );
    }
    // One link per team (and a general one), as "Create team links" would make them.
    await d.insert(s.surveyLinks).values([
      { token: randomBytes(12).toString("base64url"), surveyId: survey.id, teamId: null, kind: "survey" as const },
      ...TEAM_NAMES.map((team) => ({
        token: randomBytes(12).toString("base64url"),
        surveyId: survey.id,
        teamId: ids.teams[team],
        kind: "survey" as const,
      })),
    ]);
  }
});

// ---------------------------------------------------------------------------------------------
// The database truth: who is behind each published figure.

type Measure =
  | { kind: "responses" }
  | { kind: "nps" }
  | { kind: "likert"; dimension: string }
  | { kind: "dora"; metric: string }
  | { kind: "question"; questionId: string };
type Respondent = {
  id: string;
  surveyId: string;
  period: string;
  teamId: string | null;
  onPlatform: boolean | null;
  nps: number | null;
  likert: Record<string, number[]>;
  dora: Record<string, string>;
  answered: Set<string>;
  text: string | null;
};
type Truth = {
  respondents: Respondent[];
  surveys: { id: string; title: string; period: string; status: string }[];
  questions: { id: string; surveyId: string; kind: string; key: string; dimension: string | null }[];
  links: { token: string; surveyId: string | null; teamId: string | null }[];
};

async function loadTruth(): Promise<Truth> {
  const d = db.handle().db;
  const surveys = await d.select().from(s.surveys);
  const questions = await d.select().from(s.questions);
  const teams = await d.select().from(s.teams);
  const changes = await d.select().from(s.teamPlatformChanges);
  const responses = await d.select().from(s.responses);
  const answers = await d.select().from(s.answers);
  const links = await d.select().from(s.surveyLinks);
  const periodOf = new Map(surveys.map((x) => [x.id, x.period]));
  const questionById = new Map(questions.map((q) => [q.id, q]));
  // The platform flag that held for a team in a quarter: its latest change up to then, else today's flag.
  const flag = (teamId: string, period: string) => {
    const latest = changes
      .filter((c) => c.teamId === teamId && c.effectivePeriod <= period)
      .sort((a, b) => b.effectivePeriod.localeCompare(a.effectivePeriod))[0];
    return latest ? latest.onPlatform : (teams.find((t) => t.id === teamId)?.onPlatform ?? null);
  };
  const byId = new Map<string, Respondent>();
  for (const r of responses) {
    const period = periodOf.get(r.surveyId)!;
    byId.set(r.id, {
      id: r.id,
      surveyId: r.surveyId,
      period,
      teamId: r.teamId,
      onPlatform: r.teamId ? flag(r.teamId, period) : null,
      nps: null,
      likert: {},
      dora: {},
      answered: new Set(),
      text: null,
    });
  }
  for (const a of answers) {
    const r = byId.get(a.responseId)!;
    const q = questionById.get(a.questionId)!;
    const text = a.textValue?.trim() ? a.textValue : null;
    if (a.numberValue === null && !a.choiceValues?.length && !text) continue;
    r.answered.add(q.id);
    if (q.kind === "nps" && q.key === "platform_nps") r.nps = a.numberValue;
    if (q.kind === "likert" && q.dimension && a.numberValue !== null)
      (r.likert[q.dimension] ??= []).push(a.numberValue);
    if (q.kind === "single_choice" && q.dimension?.startsWith("dora.") && a.choiceValues?.[0])
      r.dora[q.dimension] = a.choiceValues[0];
    if (q.kind === "free_text" && text) r.text = text;
  }
  return {
    respondents: [...byId.values()],
    surveys: surveys.map((x) => ({ id: x.id, title: x.title, period: x.period, status: x.status })),
    questions: questions.map((q) => ({
      id: q.id,
      surveyId: q.surveyId,
      kind: q.kind,
      key: q.key,
      dimension: q.dimension,
    })),
    links: links.map((l) => ({ token: l.token, surveyId: l.surveyId, teamId: l.teamId })),
  };
}

const answersMeasure = (r: Respondent, m: Measure) =>
  m.kind === "responses"
    ? true
    : m.kind === "nps"
      ? r.nps !== null
      : m.kind === "likert"
        ? Boolean(r.likert[m.dimension]?.length)
        : m.kind === "dora"
          ? Boolean(r.dora[m.metric])
          : r.answered.has(m.questionId);

const surveyAsks = (truth: Truth, surveyId: string, m: Measure) =>
  m.kind === "responses" ||
  truth.questions.some(
    (q) =>
      q.surveyId === surveyId &&
      (m.kind === "nps"
        ? q.kind === "nps"
        : m.kind === "likert"
          ? q.kind === "likert" && q.dimension === m.dimension
          : m.kind === "dora"
            ? q.dimension === m.metric
            : q.id === m.questionId),
  );

/** What a published figure says about its group; compared with the same numbers computed from the database. */
type Signature = {
  n?: number;
  promoters?: number;
  passives?: number;
  detractors?: number;
  score?: number;
  mean?: number;
  counts?: Record<string, number>;
  tolerance?: number;
};
type Scope = { period?: string; surveyId?: string; team?: string | null; adoption?: Adoption };
type Figure = { label: string; scope: Scope; measure: Measure; sig: Signature };

function statsOf(members: Respondent[], m: Measure): Required<Omit<Signature, "tolerance">> {
  const n = members.length;
  const values = members.map((r) => r.nps ?? -1);
  const promoters = values.filter((v) => v >= 9).length;
  const passives = values.filter((v) => v === 7 || v === 8).length;
  const detractors = values.filter((v) => v >= 0 && v <= 6).length;
  const likert = m.kind === "likert" ? members.flatMap((r) => r.likert[m.dimension] ?? []) : [];
  const counts = Object.fromEntries(
    BANDS.map((b) => [b, m.kind === "dora" ? members.filter((r) => r.dora[m.metric] === b).length : 0]),
  );
  return {
    n,
    promoters,
    passives,
    detractors,
    score: n ? ((promoters - detractors) / n) * 100 : 0,
    mean: likert.length ? likert.reduce((a, b) => a + b, 0) / likert.length : 0,
    counts,
  };
}

function matches(sig: Signature, actual: ReturnType<typeof statsOf>) {
  const tol = sig.tolerance ?? 1e-6;
  if (sig.n !== undefined && sig.n !== actual.n) return false;
  for (const key of ["promoters", "passives", "detractors"] as const)
    if (sig[key] !== undefined && sig[key] !== actual[key]) return false;
  if (sig.score !== undefined && Math.abs(sig.score - actual.score) > tol) return false;
  if (sig.mean !== undefined && Math.abs(sig.mean - actual.mean) > tol) return false;
  if (sig.counts) for (const b of BANDS) if ((sig.counts[b] ?? 0) !== actual.counts[b]) return false;
  return true;
}

type Published = { label: string; ids: ReadonlySet<string> };

/**
 * The respondents behind a figure. A dashboard figure for a quarter may cover one of its surveys or add
 * several up, so every combination of the quarter's surveys is tried and the one whose numbers the figure
 * reproduces is taken (on a tie, the fewest surveys, then the most people). A figure that matches nothing is
 * reported: it would be a number no group has. The one exception is a count of an open survey rounded down
 * to a multiple of k, which is no group's exact count and is left out of the differences.
 */
function resolveFigure(truth: Truth, fig: Figure): Published | { unexplained: string } | { rounded: true } {
  const { scope, measure } = fig;
  const inScope = truth.surveys
    .filter((x) => (scope.surveyId ? x.id === scope.surveyId : x.period === scope.period))
    .filter((x) => surveyAsks(truth, x.id, measure));
  const found = new Map<string, { surveys: number; ids: Set<string> }>();
  let roundedOpenCount = false;
  for (let mask = 1; mask < 1 << inScope.length; mask++) {
    const chosenSurveys = inScope.filter((_, i) => mask & (1 << i));
    const chosen = new Set(chosenSurveys.map((x) => x.id));
    const members = truth.respondents.filter(
      (r) =>
        chosen.has(r.surveyId) &&
        (scope.team === undefined || r.teamId === scope.team) &&
        (scope.adoption === undefined || r.onPlatform === (scope.adoption === "on")) &&
        answersMeasure(r, measure),
    );
    const onlyCount = Object.keys(fig.sig).every((key) => key === "n");
    if (onlyCount && chosenSurveys.some((x) => x.status === "open") && fig.sig.n === Math.floor(members.length / K) * K)
      roundedOpenCount = true;
    if (!members.length || !matches(fig.sig, statsOf(members, measure))) continue;
    const key = members
      .map((r) => r.id)
      .sort()
      .join(",");
    if (!found.has(key)) found.set(key, { surveys: chosen.size, ids: new Set(members.map((r) => r.id)) });
  }
  const best = [...found.values()].sort((a, b) => a.surveys - b.surveys || b.ids.size - a.ids.size)[0];
  if (best) return { label: fig.label, ids: best.ids };
  if (roundedOpenCount) return { rounded: true };
  return { unexplained: `${fig.label}: ${JSON.stringify(fig.sig)} matches no group of respondents` };
}

/** "Identity×3 in DX 2026-Q3" — a group of respondents in words, for failure messages. */
function describeRespondents(truth: Truth, respondentIds: Iterable<string>): string {
  const byId = new Map(truth.respondents.map((r) => [r.id, r]));
  const parts = new Map<string, number>();
  for (const id of respondentIds) {
    const r = byId.get(id)!;
    const label = `${teamName(r.teamId)} in ${truth.surveys.find((x) => x.id === r.surveyId)?.title}`;
    parts.set(label, (parts.get(label) ?? 0) + 1);
  }
  return [...parts].map(([label, n]) => `${n}× ${label}`).join(" + ");
}

// ---------------------------------------------------------------------------------------------
// The generic check: nothing under k is derivable from what was published.

/** Exact linear algebra over the integers (BigInt), reduced by gcd: is `vector` a combination of the rows? */
function makeSpan() {
  const basis: { pivot: number; row: bigint[] }[] = [];
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));
  const reduce = (vector: bigint[]) => {
    let v = [...vector];
    for (const { pivot, row } of basis) {
      if (v[pivot] === 0n) continue;
      const factor = v[pivot];
      v = v.map((x, i) => x * row[pivot] - row[i] * factor);
      const g = v.reduce((acc, x) => gcd(acc, x), 0n);
      if (g > 1n) v = v.map((x) => x / g);
    }
    return v;
  };
  return {
    add(vector: bigint[]) {
      const v = reduce(vector);
      const pivot = v.findIndex((x) => x !== 0n);
      if (pivot >= 0) basis.push({ pivot, row: v });
    },
    contains: (vector: bigint[]) => reduce(vector).every((x) => x === 0n),
  };
}

/**
 * Given the published groups (each the set of respondents behind a figure a viewer obtained), returns every
 * way a group of 1..k−1 respondents can be isolated:
 *  - a figure that counts 1..k−1 respondents of one survey (k applies per survey: people are not summed);
 *  - two nested groups that differ by 1..k−1 respondents;
 *  - a group minus a union of disjoint published groups inside it leaving 1..k−1 respondents;
 *  - any other linear combination of the groups equal to a set of 1..k−1 respondents (exact rank test).
 */
function findDerivableGroups(published: Published[], k: number, truth: Truth): string[] {
  const problems: string[] = [];
  const small = (n: number) => n > 0 && n < k;
  const say = (ids: Iterable<string>) => describeRespondents(truth, ids);
  const surveyOf = new Map(truth.respondents.map((r) => [r.id, r.surveyId]));
  const titleOf = new Map(truth.surveys.map((x) => [x.id, x.title]));

  // The same respondents published under several labels are one group.
  const unique = new Map<string, { label: string; ids: Set<string> }>();
  for (const g of published) {
    if (!g.ids.size) continue;
    const key = [...g.ids].sort().join(",");
    if (!unique.has(key)) unique.set(key, { label: g.label, ids: new Set(g.ids) });
  }
  const groups = [...unique.values()];
  const minus = (a: Set<string>, b: Set<string>) => [...a].filter((id) => !b.has(id));

  for (const g of groups) {
    const perSurvey = new Map<string, number>();
    for (const id of g.ids) perSurvey.set(surveyOf.get(id)!, (perSurvey.get(surveyOf.get(id)!) ?? 0) + 1);
    for (const [survey, n] of perSurvey)
      if (small(n)) problems.push(`${g.label} counts ${n} respondent(s) of "${titleOf.get(survey)}": ${say(g.ids)}`);
  }

  for (const [i, a] of groups.entries()) {
    for (const b of groups.slice(i + 1)) {
      const ab = minus(a.ids, b.ids);
      const ba = minus(b.ids, a.ids);
      if (ab.length === 0 || ba.length === 0) {
        const [outer, inner, rest] = ab.length === 0 ? [b, a, ba] : [a, b, ab];
        if (small(rest.length)) problems.push(`${outer.label} − ${inner.label} = ${say(rest)}`);
      } else if (ab.length + ba.length < a.ids.size + b.ids.size && (small(ab.length) || small(ba.length))) {
        problems.push(`${a.label} and ${b.label} overlap and differ by ${say(small(ab.length) ? ab : ba)}`);
      }
    }
  }

  let budget = 200_000;
  for (const total of groups) {
    const parts = groups.filter(
      (g) => g !== total && g.ids.size < total.ids.size && [...g.ids].every((id) => total.ids.has(id)),
    );
    const visit = (start: number, chosen: typeof parts, covered: Set<string>) => {
      if (--budget < 0) return;
      if (chosen.length >= 2 && small(total.ids.size - covered.size)) {
        problems.push(
          `${total.label} − (${chosen.map((c) => c.label).join(" + ")}) = ${say(minus(total.ids, covered))}`,
        );
      }
      for (let j = start; j < parts.length; j++) {
        if ([...parts[j].ids].some((id) => covered.has(id))) continue;
        visit(j + 1, [...chosen, parts[j]], new Set([...covered, ...parts[j].ids]));
      }
    };
    visit(0, [], new Set());
  }

  // Atoms: respondents that belong to exactly the same published groups can never be told apart.
  const atoms = new Map<string, string[]>();
  for (const id of new Set(groups.flatMap((g) => [...g.ids]))) {
    const membership = groups.map((g) => (g.ids.has(id) ? "1" : "0")).join("");
    (atoms.get(membership) ?? atoms.set(membership, []).get(membership)!).push(id);
  }
  const atomList = [...atoms.values()];
  const span = makeSpan();
  for (const g of groups) span.add(atomList.map((atom) => (g.ids.has(atom[0]) ? 1n : 0n)));
  const smallAtoms = atomList.map((atom, index) => ({ atom, index })).filter((a) => a.atom.length < k);
  const tryUnions = (start: number, chosen: typeof smallAtoms, size: number) => {
    if (chosen.length) {
      const vector = atomList.map((_, index) => (chosen.some((c) => c.index === index) ? 1n : 0n));
      if (span.contains(vector))
        problems.push(`a combination of published figures isolates ${say(chosen.flatMap((c) => c.atom))}`);
    }
    for (let j = start; j < smallAtoms.length; j++)
      if (size + smallAtoms[j].atom.length < k)
        tryUnions(j + 1, [...chosen, smallAtoms[j]], size + smallAtoms[j].atom.length);
  };
  tryUnions(0, [], 0);
  return [...new Set(problems)].slice(0, 25);
}

// ---------------------------------------------------------------------------------------------
// The attacker's requests, and the figures each view publishes.

type Query = Record<string, string | undefined>;
const cache = new Map<string, Promise<{ status: number; json: any }>>();

/** A GET as the signed-in viewer. Views are cached until the time attack (the last one) changes the data. */
function viewerGet(
  handler: RouteHandler,
  path: string,
  query: Query = {},
  params: Record<string, string> = {},
  fresh = false,
) {
  const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
  const url = `http://localhost${path}?${search}`;
  if (!fresh && cache.has(url)) return cache.get(url)!;
  const pending = callRoute(handler, { url, params, userId: ids.viewer }).then((res) => {
    expect([200, 422], `${path}?${search} answered ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`).toContain(
      res.status,
    );
    if (res.status === 200 && typeof res.json === "object")
      expectHiddenMarkersCarryNoNumbers(res.json, `${path}?${search}`);
    return { status: res.status, json: res.status === 200 ? res.json : null };
  });
  if (!fresh) cache.set(url, pending);
  return pending;
}

/** Shown as the label of a request in failure messages, with team ids replaced by names. */
const describeQuery = (path: string, query: Query) =>
  `${path}?${Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => `${key}=${key === "team" ? teamName(v) : v}`)
    .join("&")}`;

function expectHiddenMarkersCarryNoNumbers(value: unknown, where: string): void {
  if (Array.isArray(value)) return value.forEach((v) => expectHiddenMarkersCarryNoNumbers(v, where));
  if (!value || typeof value !== "object") return;
  const obj = value as Record<string, unknown>;
  if (obj.hidden === true) {
    // A marker may say what k is, or a count rounded down to a multiple of k; nothing finer.
    const numbers = [...JSON.stringify(obj).matchAll(/"([^"]+)":(-?[\d.]+)/g)]
      .filter(([, , v]) => Number(v) % K !== 0)
      .map(([m]) => m);
    expect(numbers, `${where}: a hidden marker carries numbers ${JSON.stringify(obj)}`).toEqual([]);
  }
  for (const v of Object.values(obj)) expectHiddenMarkersCarryNoNumbers(v, where);
}

const shown = (v: any): boolean => !!v && typeof v === "object" && v.hidden !== true && typeof v.n === "number";
const filterScope = (query: Query): Pick<Scope, "team" | "adoption"> => ({
  ...(query.team ? { team: query.team } : {}),
  ...(query.adoption ? { adoption: query.adoption as Adoption } : {}),
});
const npsSig = (p: any): Signature => ({
  n: p.n,
  promoters: p.promoters,
  passives: p.passives,
  detractors: p.detractors,
});

async function npsView(query: Query): Promise<Figure[]> {
  const { json } = await viewerGet(npsRoute, "/api/analytics/nps", query);
  const label = describeQuery("nps", query);
  return (json?.points ?? []).filter(shown).map((p: any) => ({
    label: `${label} ${p.period}`,
    scope: { period: p.period, ...filterScope(query) },
    measure: { kind: "nps" },
    sig: npsSig(p),
  }));
}

async function dimensionsView(query: Query): Promise<Figure[]> {
  const { json } = await viewerGet(dimensionsRoute, "/api/analytics/dimensions", query);
  const label = describeQuery("dimensions", query);
  return (json?.dimensions ?? []).flatMap((d: any) =>
    (d.points ?? []).filter(shown).map((p: any) => ({
      label: `${label} ${d.key} ${p.period}`,
      scope: { period: p.period, ...filterScope(query) },
      measure: { kind: "likert", dimension: d.key },
      sig: { n: p.n },
    })),
  );
}

async function adoptionView(query: Query): Promise<Figure[]> {
  const { json } = await viewerGet(adoptionRoute, "/api/analytics/adoption", query);
  const label = describeQuery("adoption", query);
  const out: Figure[] = [];
  for (const group of ADOPTION) {
    for (const p of (json?.nps?.[group] ?? []).filter(shown)) {
      out.push({
        label: `${label} ${group} nps ${p.period}`,
        scope: { period: p.period, ...filterScope(query), adoption: group },
        measure: { kind: "nps" },
        sig: npsSig(p),
      });
    }
    for (const d of json?.dimensions ?? []) {
      for (const p of (d[group] ?? []).filter(shown)) {
        out.push({
          label: `${label} ${group} ${d.key} ${p.period}`,
          scope: { period: p.period, ...filterScope(query), adoption: group },
          measure: { kind: "likert", dimension: d.key },
          sig: { n: p.n },
        });
      }
    }
  }
  // A group asked for that contradicts the adoption filter covers nobody; it cannot show figures.
  return out.filter((f) => !query.adoption || f.scope.adoption === query.adoption);
}

async function teamsView(query: Query): Promise<Figure[]> {
  const { json } = await viewerGet(teamsRoute, "/api/analytics/teams", query);
  if (!json?.period) return [];
  const label = describeQuery("teams", query);
  const out: Figure[] = [];
  for (const row of json.teams ?? []) {
    const scope: Scope = {
      period: json.period,
      team: row.teamId ?? null,
      ...(query.adoption ? { adoption: query.adoption as Adoption } : {}),
    };
    const name = `${label} row ${teamName(row.teamId)}`;
    if (shown(row.responses))
      out.push({ label: `${name} responses`, scope, measure: { kind: "responses" }, sig: { n: row.responses.n } });
    if (shown(row.nps)) out.push({ label: `${name} nps`, scope, measure: { kind: "nps" }, sig: npsSig(row.nps) });
    for (const [dimension, v] of Object.entries<any>(row.scores ?? {})) {
      if (shown(v))
        out.push({ label: `${name} ${dimension}`, scope, measure: { kind: "likert", dimension }, sig: { n: v.n } });
    }
  }
  return out;
}

async function doraView(query: Query): Promise<Figure[]> {
  const { json } = await viewerGet(doraRoute, "/api/analytics/dora", query);
  if (!json?.period) return [];
  const label = describeQuery("dora", query);
  const out: Figure[] = [];
  const rows = [
    ...(json.teams ?? []).map((r: any) => ({
      r,
      scope: {
        period: json.period,
        team: r.id ?? null,
        ...(query.adoption ? { adoption: query.adoption as Adoption } : {}),
      },
    })),
    ...(json.adoption ?? []).map((r: any) => ({
      r,
      scope: { period: json.period, ...(query.team ? { team: query.team } : {}), adoption: r.id as Adoption },
    })),
    // The whole group the filter names (the row targets read a DORA band from).
    ...(json.overall ? [{ r: json.overall, scope: { period: json.period, ...filterScope(query) } }] : []),
  ];
  for (const { r, scope } of rows) {
    for (const [metric, v] of Object.entries<any>(r.metrics ?? {})) {
      if (shown(v))
        out.push({
          label: `${label} ${r.name} ${metric}`,
          scope,
          measure: { kind: "dora", metric },
          sig: { n: v.n, counts: v.counts },
        });
    }
  }
  return out;
}

async function ratesView(query: Query): Promise<{ figures: Figure[]; json: any }> {
  const { json } = await viewerGet(ratesRoute, "/api/analytics/response-rates", query);
  const label = describeQuery("response-rates", query);
  const out: Figure[] = [];
  for (const survey of json?.surveys ?? []) {
    const title = `${label} "${survey.title}"`;
    if (shown(survey.total))
      out.push({
        label: `${title} total`,
        scope: { surveyId: survey.surveyId, ...filterScope(query) },
        measure: { kind: "responses" },
        sig: { n: survey.total.n },
      });
    for (const row of survey.teams ?? []) {
      if (shown(row.value)) {
        out.push({
          label: `${title} ${teamName(row.teamId)}`,
          scope: {
            surveyId: survey.surveyId,
            team: row.teamId ?? null,
            ...(query.adoption ? { adoption: query.adoption as Adoption } : {}),
          },
          measure: { kind: "responses" },
          sig: { n: row.value.n },
        });
      }
    }
  }
  return { figures: out, json };
}

async function resultsView(surveyKey: string, query: Query): Promise<Figure[]> {
  const surveyId = ids.surveys[surveyKey];
  const { json } = await viewerGet(resultsRoute, `/api/analytics/surveys/${surveyId}`, query, { surveyId });
  const label = describeQuery(`results "${SURVEYS.find((x) => x.key === surveyKey)!.title}"`, query);
  const scope: Scope = { surveyId, ...filterScope(query) };
  const out: Figure[] = [];
  if (shown(json?.total))
    out.push({ label: `${label} total`, scope, measure: { kind: "responses" }, sig: { n: json.total.n } });
  for (const q of json?.questions ?? []) {
    const r = q.result;
    if (r && r.hidden !== true && typeof r.answered === "number") {
      const sig: Signature = { n: r.answered };
      if (r.nps)
        Object.assign(sig, { promoters: r.nps.promoters, passives: r.nps.passives, detractors: r.nps.detractors });
      out.push({ label: `${label} ${q.key}`, scope, measure: { kind: "question", questionId: q.id }, sig });
    }
  }
  return out;
}

const num = (cell: string | undefined) =>
  cell !== undefined && cell.trim() !== "" && Number.isFinite(Number(cell)) ? Number(cell) : undefined;

async function csvRows(table: string, query: Query): Promise<Record<string, string>[]> {
  const { status, json } = await viewerGet(exportRoute, `/api/analytics/export/${table}`, query, { table });
  if (status !== 200) return [];
  const [header, ...rows]: string[][] = parse(String(json), { bom: true });
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

async function npsCsv(query: Query): Promise<Figure[]> {
  const label = describeQuery("export/nps", query);
  return (await csvRows("nps", query))
    .filter((row) => num(row.responses) !== undefined)
    .map((row) => ({
      label: `${label} ${row.quarter}`,
      scope: { period: row.quarter, ...filterScope(query) },
      measure: { kind: "nps" } as Measure,
      sig: {
        n: num(row.responses),
        promoters: num(row.promoters),
        passives: num(row.passives),
        detractors: num(row.detractors),
      },
    }));
}

/** The heatmap CSV shows a team's response count, its NPS score and each dimension's mean (rounded). */
async function teamsCsv(query: Query): Promise<Figure[]> {
  const label = describeQuery("export/teams", query);
  const out: Figure[] = [];
  for (const row of await csvRows("teams", query)) {
    const team = TEAM_NAMES.find((n) => n === row.team);
    const scope: Scope = {
      period: row.quarter,
      team: team ? ids.teams[team] : null,
      ...(query.adoption ? { adoption: query.adoption as Adoption } : {}),
    };
    const name = `${label} row ${row.team}`;
    if (num(row.responses) !== undefined)
      out.push({ label: `${name} responses`, scope, measure: { kind: "responses" }, sig: { n: num(row.responses) } });
    if (num(row.nps) !== undefined)
      out.push({
        label: `${name} nps`,
        scope,
        measure: { kind: "nps" },
        sig: { score: num(row.nps), tolerance: 0.05 + 1e-9 },
      });
    for (const [column, cell] of Object.entries(row)) {
      const dimension = column.match(/^(.+)_mean$/)?.[1];
      if (dimension && num(cell) !== undefined)
        out.push({
          label: `${name} ${dimension}`,
          scope,
          measure: { kind: "likert", dimension },
          sig: { mean: num(cell), tolerance: 0.005 + 1e-9 },
        });
    }
  }
  return out;
}

/** Every page of a comment list, as the set of respondents who wrote them; null when nothing is shown. */
async function commentsView(truth: Truth, surveyKey: string, query: Query): Promise<Published | null> {
  const surveyId = ids.surveys[surveyKey];
  const question = ids.questions[surveyKey].frustration;
  const label = describeQuery(`comments "${SURVEYS.find((x) => x.key === surveyKey)!.title}"`, query);
  const texts: string[] = [];
  for (let page = 0; page < 20; page++) {
    const { json } = await viewerGet(
      commentsRoute,
      `/api/analytics/surveys/${surveyId}/comments`,
      { question, ...query, ...(texts.length ? { offset: String(texts.length) } : {}) },
      { surveyId },
    );
    const c = json?.comments;
    if (!c || c.hidden === true || !Array.isArray(c.items))
      return texts.length ? commentGroup(truth, label, surveyId, texts) : null;
    texts.push(...c.items.map((item: any) => (typeof item === "string" ? item : item.text)));
    if (!c.items.length || typeof c.total !== "number" || texts.length >= c.total) break;
  }
  return commentGroup(truth, label, surveyId, texts);
}

function commentGroup(truth: Truth, label: string, surveyId: string, texts: string[]): Published {
  const idsOf = texts.map((text) => {
    const author = truth.respondents.find((r) => r.surveyId === surveyId && r.text === text);
    expect(author, `${label} shows a comment no respondent wrote: ${text}`).toBeDefined();
    return author!.id;
  });
  return { label, ids: new Set(idsOf) };
}

/** Resolves figures and runs the check; fails with every derivation found. Returns the groups for further checks. */
async function expectNothingDerivable(figures: Figure[], extraGroups: Published[] = []): Promise<Published[]> {
  const truth = await loadTruth();
  const resolved = figures.map((f) => resolveFigure(truth, f));
  const unexplained = resolved.flatMap((r) => ("unexplained" in r ? [r.unexplained] : []));
  expect(unexplained, unexplained.join("\n")).toEqual([]);
  const groups = [...resolved.filter((r): r is Published => "ids" in r), ...extraGroups];
  const problems = findDerivableGroups(groups, K, truth);
  expect(problems, `derivable groups under k:\n${problems.join("\n")}`).toEqual([]);
  return groups;
}

const teamIds = () => TEAM_NAMES.map((n) => ids.teams[n]);
const quarter = (q: string) => ({ from: q, to: q });

// ---------------------------------------------------------------------------------------------

describe("the check itself", () => {
  it("accepts complementary suppression and finds every way to isolate Identity", async () => {
    const truth = await loadTruth();
    const group = (label: string, survey: string, pick: (r: Respondent) => boolean): Published => ({
      label,
      ids: new Set(truth.respondents.filter((r) => r.surveyId === ids.surveys[survey] && pick(r)).map((r) => r.id)),
    });
    const team = (name: TeamName) => (r: Respondent) => r.teamId === ids.teams[name];
    // 2026-Q3 with Identity (3) hidden and Data Platform (5) hidden beside it: 8 people stay together.
    const safe = [
      group("total", "q3", () => true),
      group("Payments", "q3", team("Payments")),
      group("Checkout", "q3", team("Checkout")),
      group("on", "q3", (r) => r.onPlatform === true),
      group("off", "q3", (r) => r.onPlatform === false),
    ];
    expect(findDerivableGroups(safe, K, truth)).toEqual([]);
    const withDataPlatform = findDerivableGroups(
      [...safe, group("Data Platform", "q3", team("Data Platform"))],
      K,
      truth,
    );
    expect(withDataPlatform.some((p) => p.startsWith("total − (") && p.endsWith("= 3× Identity in DX 2026-Q3"))).toBe(
      true,
    );
    expect(withDataPlatform.some((p) => p.startsWith("off − (") && p.endsWith("= 3× Identity in DX 2026-Q3"))).toBe(
      true,
    );
    // Overlapping groups only a signed combination undoes: total − (Payments + Checkout) − (Checkout + Data Platform) + Checkout.
    const either = (a: TeamName, b: TeamName) => (r: Respondent) => team(a)(r) || team(b)(r);
    const overlapping = [
      safe[0],
      safe[2],
      group("Payments+Checkout", "q3", either("Payments", "Checkout")),
      group("Checkout+Data Platform", "q3", either("Checkout", "Data Platform")),
    ];
    expect(findDerivableGroups(overlapping, K, truth)).toEqual([
      "a combination of published figures isolates 3× Identity in DX 2026-Q3",
    ]);
    // Two surveys of a quarter added up: 3 + 3 people are still 3 people per survey.
    const summed: Published = {
      label: "Identity 2026-Q4",
      ids: new Set([...group("", "q4", team("Identity")).ids, ...group("", "pulse", team("Identity")).ids]),
    };
    expect(findDerivableGroups([summed], K, truth)).toHaveLength(2);
  });
});

describe("differencing by team (total minus every visible team)", () => {
  it("1a. NPS per quarter minus NPS with ?team= for each team", async () => {
    const figures: Figure[] = [];
    for (const q of QUARTERS) {
      figures.push(...(await npsView(quarter(q))));
      for (const team of teamIds()) figures.push(...(await npsView({ ...quarter(q), team })));
    }
    expect(figures.length, "the quarter totals are published").toBeGreaterThan(0);
    await expectNothingDerivable(figures);
  });

  it("1b. dimension scores per quarter minus each team's", async () => {
    const figures: Figure[] = [];
    for (const q of QUARTERS) {
      figures.push(...(await dimensionsView(quarter(q))));
      for (const team of teamIds()) figures.push(...(await dimensionsView({ ...quarter(q), team })));
    }
    expect(figures.length).toBeGreaterThan(0);
    await expectNothingDerivable(figures);
  });

  it("1c. survey results (every question's buckets) minus each team's, for every closed survey", async () => {
    const figures: Figure[] = [];
    for (const survey of CLOSED) {
      figures.push(...(await resultsView(survey, {})));
      for (const team of teamIds()) figures.push(...(await resultsView(survey, { team })));
    }
    expect(figures.length).toBeGreaterThan(0);
    await expectNothingDerivable(figures);
  });

  it("1d. the team heatmap, its CSV and the NPS export with ?team= against the quarter's total", async () => {
    const figures: Figure[] = [];
    for (const q of QUARTERS) {
      figures.push(...(await npsView(quarter(q))));
      figures.push(...(await teamsView({ period: q })), ...(await teamsCsv({ period: q })));
      for (const team of teamIds()) {
        figures.push(...(await teamsView({ period: q, team })), ...(await teamsCsv({ period: q, team })));
        figures.push(...(await npsCsv({ ...quarter(q), team })));
      }
    }
    expect(
      figures.filter((f) => f.label.startsWith("export/")).length,
      "the CSV exports publish figures",
    ).toBeGreaterThan(0);
    await expectNothingDerivable(figures);
  });

  it("1e. DORA bands per team against the adoption groups and ?team=", async () => {
    const figures: Figure[] = [];
    for (const q of QUARTERS) {
      figures.push(...(await doraView({ period: q })));
      for (const team of teamIds()) figures.push(...(await doraView({ period: q, team })));
    }
    expect(figures.length).toBeGreaterThan(0);
    await expectNothingDerivable(figures);
  });
});

describe("differencing by adoption (total − on − off, a group minus its visible teams)", () => {
  it("2. adoption comparison, ?adoption= filters and team ∧ adoption combinations", async () => {
    const figures: Figure[] = [];
    for (const q of QUARTERS) {
      figures.push(...(await npsView(quarter(q))), ...(await dimensionsView(quarter(q))));
      figures.push(...(await adoptionView(quarter(q))));
      for (const adoption of ADOPTION) {
        figures.push(...(await adoptionView({ ...quarter(q), adoption })));
        figures.push(
          ...(await npsView({ ...quarter(q), adoption })),
          ...(await dimensionsView({ ...quarter(q), adoption })),
        );
        figures.push(...(await teamsView({ period: q, adoption })));
        for (const team of teamIds()) {
          figures.push(
            ...(await npsView({ ...quarter(q), team, adoption })),
            ...(await adoptionView({ ...quarter(q), team, adoption })),
          );
        }
      }
      for (const team of teamIds()) figures.push(...(await adoptionView({ ...quarter(q), team })));
    }
    for (const survey of CLOSED) {
      figures.push(...(await resultsView(survey, {})));
      for (const adoption of ADOPTION) {
        figures.push(...(await resultsView(survey, { adoption })));
        for (const team of teamIds()) figures.push(...(await resultsView(survey, { team, adoption })));
      }
    }
    expect(
      figures.some((f) => f.scope.adoption),
      "some adoption group is published",
    ).toBe(true);
    await expectNothingDerivable(figures);
  });
});

/** Numbers of respondents a JSON document shows (n, counts, rates × headcount) that are 1..k−1. */
function countsUnderK(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => countsUnderK(v, `${path}[${i}]`));
  if (!value || typeof value !== "object") return [];
  const obj = value as Record<string, unknown>;
  const out: string[] = [];
  for (const [key, v] of Object.entries(obj)) {
    if (typeof v === "number") {
      if (/^(n|count|total|answered|responses|respondents|responseCount)$/i.test(key) && v > 0 && v < K)
        out.push(`${path}.${key} = ${v}`);
      if (/rate/i.test(key) && typeof obj.headcount === "number") {
        const people = Math.round(v * obj.headcount);
        if (people > 0 && people < K) out.push(`${path}.${key} = ${v} (${people} of ${obj.headcount} people)`);
      }
    } else out.push(...countsUnderK(v, `${path}.${key}`));
  }
  return out;
}

describe("differencing response rates", () => {
  it("3. no count under k anywhere, and a survey's total minus its visible teams is 0 or ≥ k", async () => {
    const figures: Figure[] = [];
    const queries: Query[] = [{}];
    for (const q of QUARTERS) {
      queries.push(quarter(q));
      for (const team of teamIds()) queries.push({ ...quarter(q), team });
      for (const adoption of ADOPTION) {
        queries.push({ ...quarter(q), adoption });
        for (const team of teamIds()) queries.push({ ...quarter(q), team, adoption });
      }
    }
    const small: string[] = [];
    for (const query of queries) {
      const view = await ratesView(query);
      figures.push(...view.figures);
      small.push(...countsUnderK(view.json).map((c) => `${describeQuery("response-rates", query)} ${c}`));
    }
    expect(small, small.join("\n")).toEqual([]);
    expect(figures.length).toBeGreaterThan(0);
    await expectNothingDerivable(figures);
  });
});

describe("comment set difference", () => {
  it("4. all comments of a question minus the union of each visible team's leaves 0 or ≥ k authors", async () => {
    const truth = await loadTruth();
    const groups: Published[] = [];
    for (const survey of CLOSED) {
      const all = await commentsView(truth, survey, {});
      const perTeam = (await Promise.all(teamIds().map((team) => commentsView(truth, survey, { team })))).filter(
        (g): g is Published => g !== null,
      );
      const perGroup = (
        await Promise.all(ADOPTION.map((adoption) => commentsView(truth, survey, { adoption })))
      ).filter((g): g is Published => g !== null);
      const combos = (
        await Promise.all(
          teamIds().flatMap((team) => ADOPTION.map((adoption) => commentsView(truth, survey, { team, adoption }))),
        )
      ).filter((g): g is Published => g !== null);
      if (all) {
        const covered = new Set(perTeam.flatMap((g) => [...g.ids]));
        const leftover = [...all.ids].filter((id) => !covered.has(id));
        expect(
          leftover.length === 0 || leftover.length >= K,
          `${all.label} minus every team's comments leaves ${describeRespondents(truth, leftover)}`,
        ).toBe(true);
        groups.push(all);
      }
      groups.push(...perTeam, ...perGroup, ...combos);
    }
    expect(groups.length, "some comments are published").toBeGreaterThan(0);
    await expectNothingDerivable([], groups);
  });
});

describe("padding", () => {
  it("5. a viewer reading a survey's links learns no link token and no count under k", async () => {
    const truth = await loadTruth();
    const tokens = truth.links.map((l) => l.token);
    expect(tokens.length).toBeGreaterThan(0);
    const reads: [string, RouteHandler, Record<string, string>][] = [["/api/surveys", surveysRoute, {}]];
    for (const plan of SURVEYS) {
      reads.push([`/api/surveys/${plan.key}/links`, linksRoute, { id: ids.surveys[plan.key] }]);
      reads.push([`/api/surveys/${plan.key}`, surveyRoute, { id: ids.surveys[plan.key] }]);
    }
    const leaks: string[] = [];
    for (const [label, handler, params] of reads) {
      const res = await callRoute(handler, { params, userId: ids.viewer });
      // Refusing the viewer altogether also teaches them nothing.
      expect([200, 403, 404], `${label} answered ${res.status}`).toContain(res.status);
      if (res.status !== 200) continue;
      const text = JSON.stringify(res.json);
      const seen = tokens.filter((t) => text.includes(t));
      if (seen.length) leaks.push(`${label} shows ${seen.length} link token(s)`);
      leaks.push(...countsUnderK(res.json).map((c) => `${label} ${c}`));
    }
    expect(leaks, leaks.join("\n")).toEqual([]);
  });
});

describe("two surveys in one quarter", () => {
  it("7. Identity's 3 people in each of two 2026-Q4 surveys never show as one group of 6", async () => {
    const identity = ids.teams.Identity;
    const figures: Figure[] = [
      ...(await npsView({ ...quarter(Q4), team: identity })),
      ...(await npsView({ team: identity })),
      ...(await dimensionsView({ ...quarter(Q4), team: identity })),
      ...(await adoptionView({ ...quarter(Q4), team: identity })),
      ...(await teamsView({ period: Q4 })),
      ...(await teamsView({ period: Q4, team: identity })),
      ...(await teamsCsv({ period: Q4 })),
      ...(await npsCsv({ ...quarter(Q4), team: identity })),
      ...(await doraView({ period: Q4, team: identity })),
      ...(await ratesView({ ...quarter(Q4), team: identity })).figures,
    ];
    const identityFigures = figures.filter((f) => f.scope.team === identity).map((f) => f.label);
    expect(identityFigures, `Identity shows figures:\n${identityFigures.join("\n")}`).toEqual([]);
    await expectNothingDerivable(figures);
  });
});

describe("all the views above together", () => {
  it("no hidden group is derivable from everything a viewer obtained", async () => {
    const truth = await loadTruth();
    const figures: Figure[] = [];
    const comments: Published[] = [];
    for (const q of QUARTERS) {
      for (const query of [
        quarter(q),
        ...teamIds().map((team) => ({ ...quarter(q), team })),
        ...ADOPTION.map((adoption) => ({ ...quarter(q), adoption })),
      ]) {
        figures.push(
          ...(await npsView(query)),
          ...(await dimensionsView(query)),
          ...(await adoptionView(query)),
          ...(await ratesView(query)).figures,
        );
      }
      for (const query of [{ period: q }, ...teamIds().map((team) => ({ period: q, team }))]) {
        figures.push(...(await teamsView(query)), ...(await teamsCsv(query)), ...(await doraView(query)));
      }
    }
    for (const survey of CLOSED) {
      for (const query of [{}, ...teamIds().map((team) => ({ team })), ...ADOPTION.map((adoption) => ({ adoption }))]) {
        figures.push(...(await resultsView(survey, query)));
        const c = await commentsView(truth, survey, query);
        if (c) comments.push(c);
      }
    }
    await expectNothingDerivable(figures, comments);
  });
});

describe("time", () => {
  it("6. one submission to the open survey changes nothing a viewer can see", async () => {
    const open = ids.surveys.open;
    const reads: [string, RouteHandler, Query, Record<string, string>][] = [
      ["results", resultsRoute, {}, { surveyId: open }],
      ["results ?team=Payments", resultsRoute, { team: ids.teams.Payments }, { surveyId: open }],
      ["results ?team=Checkout", resultsRoute, { team: ids.teams.Checkout }, { surveyId: open }],
      ["results ?adoption=on", resultsRoute, { adoption: "on" }, { surveyId: open }],
      ["comments", commentsRoute, { question: ids.questions.open.frustration }, { surveyId: open }],
      [
        "comments ?team=Payments",
        commentsRoute,
        { question: ids.questions.open.frustration, team: ids.teams.Payments },
        { surveyId: open },
      ],
      ["links", linksRoute, {}, { id: open }],
      ["nps", npsRoute, quarter(Q4), {}],
      ["nps ?team=Payments", npsRoute, { ...quarter(Q4), team: ids.teams.Payments }, {}],
      ["dimensions", dimensionsRoute, quarter(Q4), {}],
      ["adoption", adoptionRoute, quarter(Q4), {}],
      ["teams", teamsRoute, { period: Q4 }, {}],
      ["dora", doraRoute, { period: Q4 }, {}],
      ["response-rates", ratesRoute, quarter(Q4), {}],
      ["export/nps", exportRoute, quarter(Q4), { table: "nps" }],
      ["export/teams", exportRoute, { period: Q4 }, { table: "teams" }],
      ["export/response-rates", exportRoute, quarter(Q4), { table: "response-rates" }],
    ];
    const snapshot = async () => {
      const out: Record<string, unknown> = {};
      for (const [label, handler, query, params] of reads) {
        const search = new URLSearchParams(
          Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
        );
        const res = await callRoute(handler, { url: `http://localhost/api?${search}`, params, userId: ids.viewer });
        out[label] = { status: res.status, body: res.json };
      }
      return out;
    };
    const before = await snapshot();

    // One person answers through the Payments link (6 → 7 people; no multiple of k is crossed).
    const truth = await loadTruth();
    const token = truth.links.find((l) => l.surveyId === open && l.teamId === ids.teams.Payments)!.token;
    const page = await callRoute(surveyLinkRoute, { method: "GET", params: { token } });
    expect(page.status).toBe(200);
    const answers = page.json.questions.map((q: { id: string; kind: string; options?: { id: string }[] }) => ({
      questionId: q.id,
      value:
        q.kind === "nps"
          ? 0
          : q.kind === "likert"
            ? 1
            : q.kind === "single_choice"
              ? q.options![0].id
              : q.kind === "multiple_choice"
                ? [q.options![0].id]
                : "the one new answer",
    }));
    const posted = await callRoute(surveyLinkRoute, {
      method: "POST",
      params: { token },
      body: { idempotencyKey: `time-attack-${randomUUID()}`, answers },
      headers: { "x-forwarded-for": "192.0.2.77" },
    });
    expect(posted.status, JSON.stringify(posted.json)).toBe(201);
    expect((await loadTruth()).respondents.length).toBe(truth.respondents.length + 1);

    const after = await snapshot();
    const changed = reads
      .map(([label]) => label)
      .filter((label) => JSON.stringify(after[label]) !== JSON.stringify(before[label]));
    expect(changed, `views that changed after one submission: ${changed.join(", ")}`).toEqual([]);
    expect(JSON.stringify(after)).not.toContain("the one new answer");
  });
});

// ---------------------------------------------------------------------------------------------
// Views added in issue 13: the "collecting" note on the trends (a live count in steps of k) and the
// suppression notice. The open survey is moved to a quarter of its own for these attacks (a quarter whose
// surveys are all collecting is the one the note describes); its cells are Payments, Checkout and Data
// Platform (and whatever the time attack above added).
const LIVE = "2027-Q1";

/** Runs an attack with the open survey alone in LIVE, then puts it back in 2026-Q4. */
async function withLiveQuarter(attack: () => Promise<void>) {
  const d = db.handle().db;
  await d.update(s.surveys).set({ period: LIVE }).where(eq(s.surveys.id, ids.surveys.open));
  try {
    await attack();
  } finally {
    await d.update(s.surveys).set({ period: Q4 }).where(eq(s.surveys.id, ids.surveys.open));
  }
}

/** Every filter a viewer can set for one quarter: everyone, each team, each platform group, each team in each group. */
const everyFilter = (): Query[] => [
  quarter(LIVE),
  ...teamIds().map((team) => ({ ...quarter(LIVE), team })),
  ...ADOPTION.map((adoption) => ({ ...quarter(LIVE), adoption })),
  ...teamIds().flatMap((team) => ADOPTION.map((adoption) => ({ ...quarter(LIVE), team, adoption }))),
];

/** What the collecting note and the response-rates card publish about the open survey under one filter. */
async function liveViews(query: Query) {
  const nps = (await viewerGet(npsRoute, "/api/analytics/nps", query, {}, true)).json;
  const rates = (await viewerGet(ratesRoute, "/api/analytics/response-rates", query, {}, true)).json;
  const note = nps.collecting.find((c: { period: string }) => c.period === LIVE) ?? null;
  const survey = rates.surveys.find((x: { surveyId: string }) => x.surveyId === ids.surveys.open) ?? null;
  return { query, note, survey };
}

/** The open survey's respondents per team, and each filter's group as the cells it adds up. */
async function openSurveyTruth() {
  const truth = await loadTruth();
  const cells = TEAM_NAMES.map((name) => ({
    name,
    n: truth.respondents.filter((r) => r.surveyId === ids.surveys.open && r.teamId === ids.teams[name]).length,
    on: name === "Payments" || name === "Checkout", // the flags that hold from 2026-Q4 on
  }));
  const members = (q: Query) =>
    cells.map((c) => (!q.team || ids.teams[c.name] === q.team) && (!q.adoption || c.on === (q.adoption === "on")));
  return { cells, members };
}

describe("the collecting note against the response rates", () => {
  it("8. across every team and platform filter, the live counts pin no team's count to 1..k−1", () =>
    withLiveQuarter(async () => {
      const { cells, members } = await openSurveyTruth();
      const views = await Promise.all(everyFilter().map(liveViews));
      // Each filter publishes at most a count in steps of k, the same one on the trend and on the card.
      const constraints: { inGroup: boolean[]; check: (sum: number) => boolean; label: string }[] = [];
      for (const { query, note, survey } of views) {
        const label = describeQuery("nps+response-rates", query);
        const total = survey?.total;
        const published = total && total.hidden === false ? total.n : null;
        expect(note, `${label}: no collecting note`).not.toBeNull();
        expect(note.responses, `${label}: the note and the card disagree`).toBe(published);
        if (published !== null) expect(published % K === 0 && published >= K, `${label}: ${published}`).toBe(true);
        const inGroup = members(query);
        if (query.team || query.adoption) {
          // Live counts are for the whole survey only: a filter's is always withheld, so null says nothing.
          expect(published, `${label}: a live count under a filter`).toBeNull();
          expect(note.byGroup, label).toBe(true);
        } else
          constraints.push({
            inGroup,
            label,
            check: (sum) => (published === null ? sum < K : Math.floor(sum / K) * K === published),
          });
        // Whether the survey or a team's row appears at all is published too.
        if (!survey) constraints.push({ inGroup, label: `${label} (absent)`, check: (sum) => sum === 0 });
        for (const row of survey?.teams ?? []) {
          const one = cells.map((c) => ids.teams[c.name] === row.teamId);
          constraints.push({ inGroup: one, label: `${label} row ${teamName(row.teamId)}`, check: (sum) => sum >= 1 });
        }
      }
      // Every count of the four teams from 0 to 3k that fits everything published.
      const max = 3 * K;
      const possible = cells.map(() => new Set<number>());
      const groupValues = views.map(() => new Set<number>());
      const n = [0, 0, 0, 0];
      for (n[0] = 0; n[0] <= max; n[0]++)
        for (n[1] = 0; n[1] <= max; n[1]++)
          for (n[2] = 0; n[2] <= max; n[2]++)
            for (n[3] = 0; n[3] <= max; n[3]++) {
              const sumOf = (inGroup: boolean[]) => inGroup.reduce((sum, m, i) => sum + (m ? n[i] : 0), 0);
              if (!constraints.every((c) => c.check(sumOf(c.inGroup)))) continue;
              n.forEach((v, i) => possible[i].add(v));
              views.forEach((v, i) => groupValues[i].add(sumOf(members(v.query))));
            }
      expect(
        possible.every((p) => p.size > 0),
        "the truth itself fits what was published",
      ).toBe(true);
      const pinned = [
        ...cells.map((c, i) => ({ label: c.name, values: possible[i] })),
        ...views.map((v, i) => ({ label: describeQuery("group", v.query), values: groupValues[i] })),
      ]
        .filter(({ values }) => [...values].every((v) => v > 0 && v < K))
        .map(({ label, values }) => `${label} is known to be ${[...values].join(" or ")}`);
      expect(pinned, pinned.join("\n")).toEqual([]);
    }));

  it("9. answers arriving one by one change the note and the card only when the total crosses a multiple of k", () =>
    withLiveQuarter(async () => {
      const d = db.handle().db;
      const snapshot = async () => JSON.stringify(await Promise.all(everyFilter().map(liveViews)));
      // The whole survey's count in steps of k is the one live figure published (attack 8).
      const stepped = async () => {
        const { cells } = await openSurveyTruth();
        return [Math.floor(cells.reduce((sum, c) => sum + c.n, 0) / K)];
      };
      const added: string[] = [];
      try {
        let before = await snapshot();
        let steps = await stepped();
        // Identity had not answered the open survey: its first answer is the one a viewer must not see.
        for (let i = 0; i < K + 1; i++) {
          const [r] = await d
            .insert(s.responses)
            .values({ surveyId: ids.surveys.open, teamId: ids.teams.Identity, submittedOn: "2026-11-02" })
            .returning();
          added.push(r.id);
          const after = await snapshot();
          const nextSteps = await stepped();
          const crossed = nextSteps.some((v, j) => v !== steps[j]);
          expect(after !== before, `answer ${i + 1} from Identity: views changed = ${after !== before}`).toBe(crossed);
          before = after;
          steps = nextSteps;
        }
      } finally {
        for (const id of added) await d.delete(s.responses).where(eq(s.responses.id, id));
      }
    }));
});

describe("the suppression notice", () => {
  it("10. the notice and the filter choices carry no count, for every filter and survey", async () => {
    const reads: [string, RouteHandler, Query, Record<string, string>][] = [];
    for (const query of [{}, ...everyFilter()]) reads.push([describeQuery("notice", query), noticeRoute, query, {}]);
    for (const survey of [...CLOSED, "open"])
      for (const query of [{}, ...teamIds().map((team) => ({ team })), ...ADOPTION.map((adoption) => ({ adoption }))])
        reads.push([describeQuery(`results/${survey}`, query), resultsRoute, query, { surveyId: ids.surveys[survey] }]);
    const leaks: string[] = [];
    for (const [label, handler, query, params] of reads) {
      const { json } = await viewerGet(handler, "/api/analytics/notice", query, params, true);
      const said = JSON.stringify({ notice: json.notice, options: json.options });
      // Quarters and k are the only numbers a notice may hold.
      const numbers =
        said
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "")
          .replace(/\d{4}-Q[1-4]/g, "")
          .match(/\d+/g) ?? [];
      if (numbers.length) leaks.push(`${label}: ${said}`);
    }
    expect(leaks, leaks.join("\n")).toEqual([]);
  });
});

describe("mention rates of closed quarters", () => {
  it("11. a quarter's (and the scope's) count on the backlog minus the published survey totals of that quarter is 0 or ≥ k", async () => {
    const d = db.handle().db;
    // A second closed 2026-Q3 survey that only 3 Payments people answered: its total is hidden everywhere.
    const [tiny] = await d
      .insert(s.surveys)
      .values({ title: "Tiny 2026-Q3", period: Q3, status: "closed" })
      .returning();
    try {
      const [question] = await d
        .insert(s.questions)
        .values({
          surveyId: tiny.id,
          key: "frustration",
          position: 0,
          kind: "free_text",
          prompt: "What slows you down?",
        })
        .returning();
      const responses = await d
        .insert(s.responses)
        .values(
          Array.from({ length: 3 }, () => ({
            surveyId: tiny.id,
            teamId: ids.teams.Payments,
            submittedOn: "2026-08-03",
          })),
        )
        .returning();
      await d
        .insert(s.answers)
        .values(responses.map((r) => ({ responseId: r.id, questionId: question.id, textValue: "the build is slow" })));
      const scope = quartersScope(Q3, Q3);
      await buildBacklog({ scope, k: 2 });

      const backlog = (await viewerGet(backlogRoute, "/api/backlog", { scope }, {}, true)).json;
      const rates = (await viewerGet(ratesRoute, "/api/analytics/response-rates", quarter(Q3), {}, true)).json;
      const publishedTotal = rates.surveys
        .filter((x: any) => x.period === Q3 && x.total.hidden === false)
        .reduce((sum: number, x: any) => sum + x.total.n, 0);
      const leftovers: string[] = [];
      const check = (label: string, respondents: number | null) => {
        if (respondents === null) return;
        const leftover = respondents - publishedTotal;
        if (leftover > 0 && leftover < K) leftovers.push(`${label}: ${respondents} − ${publishedTotal} = ${leftover}`);
      };
      // The scope's own total: the tiny survey adds nobody to it (a survey under k adds no people or texts).
      check("the scope's respondents", backlog.population.respondents);
      for (const p of backlog.periods) check(`periods ${p.period}`, p.respondents);
      for (const item of backlog.items)
        for (const r of item.mentionRates) {
          check(`"${item.label}" ${r.period}`, r.respondents);
          // A rate is mentioners over respondents: shown, it gives the count back.
          if (r.rate) check(`"${item.label}" ${r.period} (from its rate)`, Math.round(r.mentioners / r.rate));
        }
      expect(backlog.items.length).toBeGreaterThan(0);
      expect(leftovers, leftovers.join("\n")).toEqual([]);
    } finally {
      await d.delete(s.responses).where(eq(s.responses.surveyId, tiny.id));
    }
  });
});

describe("sub-themes against their theme", () => {
  it("12. a theme's respondents minus its shown sub-themes (API and CSV) is 0 or ≥ k; a hidden sub-theme shows no count or quote", async () => {
    const d = db.handle().db;
    const scope = quartersScope(Q3, Q3);
    await buildBacklog({ scope, k: 2 });
    const backlog = (await viewerGet(backlogRoute, "/api/backlog", { scope }, {}, true)).json;
    const item = [...backlog.items].sort((a: any, b: any) => b.respondents - a.respondents)[0];
    expect(item.respondents).toBeGreaterThanOrEqual(2 * K + 2);
    // One free-text answer per person in this fixture: the item's answers are its respondents.
    const members = (
      await d
        .select({ sourceId: s.themeMembers.sourceId })
        .from(s.themeMembers)
        .where(eq(s.themeMembers.backlogItemId, item.id))
    ).map((m) => m.sourceId);
    expect(members.length).toBe(item.respondents);

    // Sub-themes as an analysis could leave them, sized to tempt a subtraction: a group of 2, or people in none.
    const layouts = [
      { name: "a sub-theme of 2", sizes: [members.length - K - 2, K, 2], outside: 0 },
      { name: "3 people in no sub-theme", sizes: [members.length - 3 - 2, 2], outside: 3 },
    ];
    for (const layout of layouts) {
      await d.delete(s.subThemes).where(eq(s.subThemes.backlogItemId, item.id));
      let next = layout.outside;
      for (const [position, size] of layout.sizes.entries()) {
        const [sub] = await d
          .insert(s.subThemes)
          .values({ backlogItemId: item.id, label: `Part ${position + 1}`, terms: [], position })
          .returning();
        await d
          .insert(s.subThemeMembers)
          .values(members.slice(next, next + size).map((sourceId) => ({ subThemeId: sub.id, sourceId })));
        next += size;
      }

      const detail = (await viewerGet(itemRoute, `/api/backlog/items/${item.id}`, {}, { id: item.id }, true)).json;
      expect(detail.subThemes).toHaveLength(layout.sizes.length);
      const leftover =
        detail.item.respondents - detail.subThemes.reduce((n: number, x: any) => n + (x.respondents ?? 0), 0);
      expect(
        leftover === 0 || leftover >= K,
        `${layout.name}: the theme minus its shown sub-themes leaves ${leftover}`,
      ).toBe(true);
      for (const sub of detail.subThemes.filter((x: any) => x.hidden))
        expect(sub, `${layout.name}: ${sub.label}`).toMatchObject({
          respondents: null,
          answers: null,
          share: null,
          quotes: [],
        });
      expect(
        detail.subThemes.some((x: any) => x.hidden),
        layout.name,
      ).toBe(true);

      const csv = await callRoute(backlogExportRoute, {
        url: `http://localhost/api/backlog/export?scope=${encodeURIComponent(scope)}`,
        userId: ids.viewer,
      });
      const [header, ...rows]: string[][] = parse(csv.json as string, { bom: true });
      const col = (name: string) => header.indexOf(name);
      const theme = rows.find((r) => r[col("level")] === "theme" && r[col("rank")] === String(item.rank))!;
      const subs = rows.filter((r) => r[col("level")] === "sub-theme" && r[col("parent")] === theme[col("theme")]);
      expect(subs).toHaveLength(layout.sizes.length);
      const csvLeftover =
        Number(theme[col("respondents")]) -
        subs.reduce((n, r) => n + (r[col("respondents")] === "hidden" ? 0 : Number(r[col("respondents")])), 0);
      expect(csvLeftover === 0 || csvLeftover >= K, `${layout.name}: the CSV leaves ${csvLeftover}`).toBe(true);
      for (const r of subs.filter((x) => x[col("respondents")] === "hidden"))
        expect(r[col("example quotes")]).toMatch(/^\[hidden/);
    }
  });
});

describe("targets", () => {
  it("13. a target publishes only what the dashboards publish for its group: a hidden team's gives no value, baseline or status", async () => {
    const d = db.handle().db;
    const groups = [null, ...teamIds()];
    const measures = [
      { metric: "nps" as const, metricKey: "" },
      { metric: "dimension" as const, metricKey: "space.satisfaction" },
      { metric: "dimension" as const, metricKey: "devex.flow_state" },
      { metric: "dora" as const, metricKey: "" },
    ];
    // Set as an editor would, each with a baseline in 2026-Q3 (the value is the editor's; what matters is
    // whether the quarter's figure may still be shown).
    await d
      .insert(s.targets)
      .values(
        groups.flatMap((teamId) =>
          measures.map((m) => ({ ...m, teamId, goal: 3, due: "2027-Q4", baselinePeriod: Q3, baselineValue: 1 })),
        ),
      );
    const listed = await callRoute(targetsRoute, { userId: ids.viewer });
    expect(listed.status).toBe(200);
    const leaks: string[] = [];
    const closedPoints = (points: any[]) => points.filter((p) => !(p.hidden && p.reason === "collecting"));
    for (const t of listed.json.targets) {
      const where = `${t.metric} ${t.metricKey} ${teamName(t.teamId)}`;
      const query = t.teamId ? { team: t.teamId } : {};
      let points: any[];
      if (t.metric === "nps") {
        const view = (await viewerGet(npsRoute, "/api/analytics/nps", query, {}, true)).json;
        points = closedPoints(view.points).map((p) =>
          p.hidden ? p : { period: p.period, value: p.score, low: p.ciLow, high: p.ciHigh },
        );
      } else if (t.metric === "dimension") {
        const view = (await viewerGet(dimensionsRoute, "/api/analytics/dimensions", query, {}, true)).json;
        const series = view.dimensions.find((x: any) => x.key === t.metricKey)?.points ?? [];
        points = closedPoints(series).map((p) =>
          p.hidden ? p : { period: p.period, value: p.mean, low: p.ciLow, high: p.ciHigh },
        );
      } else {
        const view = (await viewerGet(doraRoute, "/api/analytics/dora", query, {}, true)).json;
        points = [];
        for (const period of view.periods) {
          const row = (await viewerGet(doraRoute, "/api/analytics/dora", { ...query, period }, {}, true)).json.overall;
          if (row) points.push({ period, ...row.classification });
        }
        points = points.map((p) =>
          p.hidden ? p : { ...p, value: { low: 1, medium: 2, high: 3, elite: 4 }[p.band as string] },
        );
      }
      const last = points.at(-1);
      if (!last || last.hidden) {
        if (t.current !== null || t.baseline !== null || t.status !== "no_data" || /\d/.test(t.summary))
          leaks.push(`${where}: the dashboards hide its latest quarter, the target shows ${JSON.stringify(t)}`);
        continue;
      }
      if (t.current.period !== last.period || t.current.value !== last.value)
        leaks.push(`${where}: target reads ${JSON.stringify(t.current)}, the dashboard ${JSON.stringify(last)}`);
      const q3 = points.find((p) => p.period === Q3);
      if (t.baseline && (!q3 || q3.hidden)) leaks.push(`${where}: shows a baseline for a quarter the dashboards hide`);
    }
    const hiddenTeams = listed.json.targets.filter((t: any) => t.teamId === ids.teams.Identity);
    expect(hiddenTeams.length).toBe(measures.length);
    expect(hiddenTeams.every((t: any) => t.hidden && t.current === null)).toBe(true);
    expect(
      listed.json.targets.some((t: any) => t.current !== null),
      "some targets are read",
    ).toBe(true);
    expect(leaks, leaks.join("\n")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 16: the public "You said, we did" page, which anyone can read without signing in, against the
// signed-in views it is built from, before and after answers and edits.

describe("the public “You said, we did” page", () => {
  it("14. publishes only rates the backlog publishes, of themes and quarters of ≥ k people, unmoved by one answer or one moved answer", async () => {
    const scope = quartersScope(Q3, Q4);
    await buildBacklog({ scope, k: 2 });
    await setDashboardBacklog({ scope });
    // Two people's answers split off into a theme of their own, under k.
    const first = (await viewerGet(backlogRoute, "/api/backlog", { scope }, {}, true)).json.items[0];
    const two = await db
      .handle()
      .db.select({ publicId: s.themeMembers.publicId })
      .from(s.themeMembers)
      .where(eq(s.themeMembers.backlogItemId, first.id))
      .limit(2);
    await moveThemeMembers({ id: first.id, memberIds: two.map((m) => m.publicId), newLabel: "Two people" });
    const backlog = (await viewerGet(backlogRoute, "/api/backlog", { scope }, {}, true)).json;
    expect(backlog.items.some((i: any) => !i.quotable)).toBe(true);
    for (const [n, item] of backlog.items.entries()) {
      await saveYouSaidDraft({
        backlogItemId: item.id,
        draft: { title: `Theme ${n + 1}`, note: "", status: n % 2 ? "shipped" : "planned" },
      });
      await publishYouSaidItem({ backlogItemId: item.id });
    }
    const publicPage = async () => (await callRoute(youSaidRoute, { url: "http://localhost/api/you-said" })).json.page;
    const before = await publicPage();
    const themes = [...before.themes, ...before.shipped];
    expect(themes).toHaveLength(backlog.items.length);
    expect(before.latest).toBe(Q3); // 2026-Q4 is still collecting
    expect(themes.filter((t: any) => t.latest).length).toBeGreaterThan(0);

    // Differencing against the signed-in backlog: each public rate is one the backlog shows, over ≥ k
    // mentioners; a theme under k shows none; the respondents are the backlog's quarter counts.
    const rates = (await viewerGet(ratesRoute, "/api/analytics/response-rates", quarter(Q3), {}, true)).json;
    const publishedTotal = rates.surveys
      .filter((x: any) => x.period === Q3 && x.total.hidden === false)
      .reduce((sum: number, x: any) => sum + x.total.n, 0);
    const leaks: string[] = [];
    for (const [n, item] of backlog.items.entries()) {
      const theme = themes.find((t: any) => t.title === `Theme ${n + 1}`);
      for (const rate of [theme.latest, theme.previous].filter(Boolean)) {
        const signedIn = item.mentionRates.find((r: any) => r.period === rate.period);
        if (!item.quotable) leaks.push(`${item.label}: a rate for a theme under k`);
        if (!signedIn || signedIn.rate !== rate.rate || signedIn.low !== rate.low || signedIn.high !== rate.high)
          leaks.push(`${item.label} ${rate.period}: a rate the backlog does not publish`);
        const mentioners = Math.round(rate.rate * signedIn.respondents);
        if (mentioners < K) leaks.push(`${item.label} ${rate.period}: ${mentioners} mentioners`);
        // The count the rate implies, minus the quarter's published survey totals, is 0 or ≥ k.
        const leftover = Math.round(mentioners / rate.rate) - publishedTotal;
        if (leftover > 0 && leftover < K) leaks.push(`${item.label} ${rate.period}: leftover ${leftover}`);
      }
    }
    for (const p of before.respondents) {
      const signedIn = backlog.periods.find((x: any) => x.period === p.period);
      expect(p.respondents).toBe(signedIn?.collecting ? null : (signedIn?.respondents ?? null));
    }
    expect(leaks, leaks.join("\n")).toEqual([]);
    expect(JSON.stringify(before)).not.toMatch(/the build is slow|my lead reads|Identity|Payments/);

    // Time: one more answer to the open (2026-Q4) survey changes nothing on the public page.
    const truth = await loadTruth();
    const token = truth.links.find((l) => l.surveyId === ids.surveys.open && l.teamId === ids.teams.Checkout)!.token;
    const form = await callRoute(surveyLinkRoute, { method: "GET", params: { token } });
    const answers = form.json.questions.map((q: { id: string; kind: string; options?: { id: string }[] }) => ({
      questionId: q.id,
      value:
        q.kind === "nps"
          ? 10
          : q.kind === "likert"
            ? 5
            : q.kind === "free_text"
              ? "the build is slow again"
              : q.kind === "single_choice"
                ? q.options![0].id
                : [q.options![0].id],
    }));
    const posted = await callRoute(surveyLinkRoute, {
      method: "POST",
      params: { token },
      body: { idempotencyKey: `you-said-${randomUUID()}`, answers },
      headers: { "x-forwarded-for": "192.0.2.78" },
    });
    expect(posted.status).toBe(201);
    expect(await publicPage()).toEqual(before);

    // Edits: one answer moved between two themes changes no published figure.
    const [from, to] = backlog.items.filter((i: any) => i.quotable);
    const [member] = await db
      .handle()
      .db.select({ publicId: s.themeMembers.publicId })
      .from(s.themeMembers)
      .where(eq(s.themeMembers.backlogItemId, from.id))
      .limit(1);
    await moveThemeMembers({ id: from.id, memberIds: [member.publicId], targetId: to.id });
    expect(await publicPage()).toEqual(before);
  });
});

describe("invite-only teams", () => {
  it("15. an exact denominator gives back no count under k, and padding through an invite-only team's shared link stores nothing", async () => {
    const d = db.handle().db;
    const q3 = ids.surveys.q3;
    // Payments (9 answered) and Identity (3 answered) invited their people to DX 2026-Q3 and are invite-only.
    const invited = { Payments: 10, Identity: 4 } as const;
    const answered = { Payments: 9, Identity: 3 } as const;
    const teams = Object.keys(invited) as (keyof typeof invited)[];
    await d.insert(s.inviteLists).values(teams.map((t) => ({ teamId: ids.teams[t], inviteOnly: true })));
    await d.insert(s.surveyInvites).values(
      teams.flatMap((t) =>
        Array.from({ length: invited[t] }, (_, i) => ({
          surveyId: q3,
          teamId: ids.teams[t],
          email: `${t}-${i}@example.com`,
          used: i < answered[t],
        })),
      ),
    );
    try {
      const leaks: string[] = [];
      const queries: Query[] = [quarter(Q3), ...teamIds().map((team) => ({ ...quarter(Q3), team }))];
      for (const adoption of ADOPTION) queries.push({ ...quarter(Q3), adoption });
      for (const query of queries) {
        const { json } = await viewerGet(ratesRoute, "/api/analytics/response-rates", query, {}, true);
        leaks.push(...countsUnderK(json).map((c) => `${describeQuery("response-rates", query)} ${c}`));
        for (const survey of json.surveys)
          for (const row of survey.teams) {
            const where = `${describeQuery("response-rates", query)} "${survey.title}" ${teamName(row.teamId)}`;
            if (row.value.hidden) continue;
            const denominator = row.invited ?? row.headcount;
            // The rate times its denominator is the count shown beside it, never a count under k.
            const people = row.value.rate === null ? null : Math.round(row.value.rate * denominator);
            if (people !== null && people !== row.value.n)
              leaks.push(`${where}: rate gives ${people}, shown n ${row.value.n}`);
            if (people !== null && people > 0 && people < K) leaks.push(`${where}: rate gives ${people} people`);
          }
        const identity = json.surveys
          .find((x: any) => x.surveyId === q3)
          ?.teams.find((t: any) => t.teamId === ids.teams.Identity);
        if (identity) expect(identity.value.hidden, `${describeQuery("response-rates", query)} Identity`).toBe(true);
      }
      const payments = (
        await viewerGet(ratesRoute, "/api/analytics/response-rates", quarter(Q3), {}, true)
      ).json.surveys
        .find((x: any) => x.surveyId === q3)
        .teams.find((t: any) => t.teamId === ids.teams.Payments);
      expect(payments).toMatchObject({ invited: 10, value: { hidden: false, n: 9, rate: 0.9 } });
      const links = await callRoute(linksRoute, { params: { id: q3 }, userId: ids.viewer });
      leaks.push(...countsUnderK(links.json).map((c) => `links ${c}`));
      expect(leaks, leaks.join("\n")).toEqual([]);

      // Padding: k − n made-up answers through the team's shared link of the open survey are refused.
      const truth = await loadTruth();
      const link = truth.links.find((l) => l.surveyId === ids.surveys.open && l.teamId === ids.teams.Payments)!;
      const before = await d.$count(s.responses);
      for (let i = 0; i < K; i++) {
        const res = await callRoute(surveyLinkRoute, {
          method: "POST",
          params: { token: link.token },
          body: { idempotencyKey: randomUUID(), answers: [] },
          client: `10.12.0.${i}`,
        });
        expect(res.status).toBe(403);
      }
      expect(await d.$count(s.responses)).toBe(before);
    } finally {
      await d.delete(s.surveyInvites).where(eq(s.surveyInvites.surveyId, q3));
      await d.delete(s.inviteLists);
    }
  });
});
