import { describe, expect, it } from "vitest";
import { describeThemeWords } from "./labels";
import { analyzeTerms } from "./tokenize";

function describe3(groups: string[][]) {
  const docs = groups.flatMap((texts) => texts.map(analyzeTerms));
  const labels = groups.flatMap((texts, c) => texts.map(() => c));
  return describeThemeWords(docs, labels, groups.length);
}

const FLAKY = [
  "flaky tests fail randomly",
  "Flaky tests block merges",
  "rerun flaky tests again",
  "quarantine flaky tests",
  "flaky tests in CI",
  "the e2e suite is flaky",
];
const ENV = [
  "getting a test environment takes three days",
  "staging environment took a day",
  "staging env is always broken",
  "waiting days for staging",
  "staging env takes days to get",
  "shared staging environment is down",
];
const REVIEW = [
  "PRs sit for days without code review",
  "pull requests sit waiting for review",
  "code review takes days",
  "waiting on code review for hours",
  "PR sits a day before code review",
  "code review turnaround is slow",
];
const GENERIC_ONLY =
  /^(takes?|took|sits?|run|get|make|need|want|use|work|days?|hours?|minutes?|time|missing|waiting|per)$/i;

describe("theme labels", () => {
  it("names a flaky-test theme after its phrase, in the written form", () => {
    const [flaky] = describe3([FLAKY, ENV, REVIEW]);
    expect(flaky.label).toMatch(/^Flaky tests/);
    expect(flaky.terms).toContain("flaky tests");
  });

  it("never builds a label or term from generic verbs and time words alone", () => {
    const words = describe3([FLAKY, ENV, REVIEW]);
    for (const { label, terms } of words) {
      expect(label.split(/ and | /).every((w) => GENERIC_ONLY.test(w))).toBe(false);
      for (const term of terms) expect(term).not.toMatch(GENERIC_ONLY);
    }
    expect(words[1].label.toLowerCase()).toContain("staging");
    expect(words[2].label.toLowerCase()).toContain("review");
    expect(words[2].label).not.toMatch(/\bsits?$/i);
  });

  it("uses acronym casing and capitalises the first word", () => {
    const [ci] = describe3([
      ["CI builds are slow", "slow CI builds", "CI builds take forever", "CI builds time out"],
      FLAKY,
    ]);
    expect(ci.label).toMatch(/^(Slow )?CI builds?$/);
  });

  it("never gives two themes the same label", () => {
    const words = describe3([FLAKY, FLAKY.map((t) => `${t} on main`), FLAKY.map((t) => `${t} again`)]);
    const labels = words.map((w) => w.label.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).not.toMatch(/\b(\w+) \1\b/);
  });

  it("falls back to a neutral label when nothing is distinctive", () => {
    const words = describe3([["it takes days"], ["it takes days"]]);
    expect(words.map((w) => w.label)).toEqual(["Other answers", "Other answers 2"]);
  });
});

// Held-out phrasings of the fragments the demo showed ("Local setup takes", "Slow push kills",
// "Approvals and line"): the label must read as a finished name.
const WORKSTATION = [
  "workstation setup takes a whole morning",
  "workstation setup takes forever",
  "the dev container breaks after every OS update",
  "workstation setup takes two days",
  "rebuilding the dev container after a dependency bump",
  "workstation setup takes too long",
];
const MERGE_QUEUE = [
  "merge queue hurts my focus, 20 minutes for a typo",
  "slow merges: every queue hurts",
  "merge queue hurts on Mondays",
  "a three-word fix waits in the queue",
  "slow merges block the release",
  "slow merge queue",
];
const APPROVALS = [
  "approvals for prod access",
  "manual approvals for every deploy",
  "two approvals for a two-line fix",
  "approvals block a one-line fix",
  "waiting for approvals on a single-line fix",
  "security approvals for each release",
];
const VERB_OR_ADVERB_END = /\b(takes?|took|hurts?|kills?|sits?|runs?|gets?|needs?|alone|again|forever)$/i;

describe("theme labels read as finished names", () => {
  it("never ends on a verb or adverb: the subject is the name", () => {
    const [setup, queue] = describe3([WORKSTATION, MERGE_QUEUE, FLAKY]);
    expect(setup.label).toBe("Workstation setup");
    expect(queue.label).toBe("Merge queue");
    for (const { label } of describe3([WORKSTATION, MERGE_QUEUE, APPROVALS, FLAKY, ENV, REVIEW]))
      expect(label).not.toMatch(VERB_OR_ADVERB_END);
  });

  it("joins a second topic only when it stands alone, not a word that is mostly part of a phrase", () => {
    const [approvals] = describe3([APPROVALS, FLAKY]);
    expect(approvals.label).not.toMatch(/\band line\b|\bline$/i);
    expect(approvals.label).toMatch(/^Approvals\b/);
  });

  it("keeps the noun a phrase runs on into", () => {
    const OFFICE = [
      "the infra platform office hours are great",
      "infra platform office hours answer everything",
      "love the infra platform office hours",
      "infra platform office hours save me days",
      "blameless postmortems",
      "blameless postmortems work",
      "the golden path template",
      "trunk based development",
    ];
    const [office] = describe3([OFFICE, FLAKY]);
    expect(office.label).not.toMatch(/office$/i);
  });

  it("still joins two topics that each stand alone", () => {
    const OBSERVABILITY = [
      "logs are scattered",
      "alerts are noisy",
      "cannot find logs",
      "too many alerts at night",
      "logs and alerts in different tools",
      "alerts without context",
      "logs expire after a week",
    ];
    const [obs] = describe3([OBSERVABILITY, FLAKY]);
    expect(obs.label).toMatch(/^(Logs and alerts|Alerts and logs)$/);
  });
});
