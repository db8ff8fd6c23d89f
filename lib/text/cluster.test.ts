import { describe, expect, it } from "vitest";
import { clusterAnswers, type AnswerItem } from "./cluster";
import { createRandom } from "./prng";

const GROUPS = {
  ci: [
    "CI builds are slow",
    "the CI pipeline takes forever",
    "slow builds on CI runners",
    "CI queue is slow in the morning",
    "builds are slow, CI needs caching",
    "slow CI pipeline again",
  ],
  flaky: [
    "flaky tests fail randomly",
    "flaky e2e tests block merges",
    "tests are flaky and fail",
    "our flaky test suite",
    "flaky integration tests fail",
    "random flaky test failures",
  ],
  docs: [
    "documentation is outdated",
    "docs are missing and outdated",
    "outdated docs for the api",
    "no docs for onboarding, documentation missing",
    "the docs are outdated",
    "missing documentation everywhere",
  ],
};
const items = Object.entries(GROUPS).flatMap(([group, texts]) =>
  texts.map((text, i) => ({ id: `${group}-${i}`, text })),
);

describe("clusterAnswers", () => {
  it("recovers three obviously separate groups", () => {
    const result = clusterAnswers(items, { k: 3 });
    expect(result.k).toBe(3);
    for (const group of Object.keys(GROUPS)) {
      const themes = new Set(
        items.filter((item) => item.id.startsWith(group)).map((item) => result.assignments.get(item.id)),
      );
      expect(themes.size).toBe(1);
    }
    expect(new Set(result.assignments.values()).size).toBe(3);
  });

  it("gives readable, unstemmed labels and representatives from the theme", () => {
    const result = clusterAnswers(items, { k: 3 });
    const labels = result.themes.map((t) => t.label);
    expect(labels.some((l) => /^Flaky/.test(l))).toBe(true);
    expect(labels.some((l) => /docs|documentation|outdated/i.test(l))).toBe(true);
    for (const label of labels) expect(label).not.toMatch(/\b(flaki|outdat|documentat|pipelin)\b/);
    for (const theme of result.themes) {
      expect(theme.representativeIds).toHaveLength(3);
      for (const id of theme.representativeIds) expect(theme.memberIds).toContain(id);
    }
  });

  it("is deterministic and sorts themes by size with ids 0..k-1", () => {
    const more = [...items, { id: "x", text: "slow CI builds" }, { id: "y", text: "slow CI" }];
    const a = clusterAnswers(more, { seed: 3 });
    const b = clusterAnswers(more, { seed: 3 });
    expect(b.themes).toEqual(a.themes);
    expect([...b.assignments]).toEqual([...a.assignments]);
    a.themes.forEach((t, i) => expect(t.id).toBe(i));
    for (let i = 1; i < a.themes.length; i++)
      expect(a.themes[i - 1].memberIds.length).toBeGreaterThanOrEqual(a.themes[i].memberIds.length);
  });

  it("marks non-answers null and still places very short answers", () => {
    const result = clusterAnswers(
      [
        ...items,
        { id: "na", text: "n/a" },
        { id: "blank", text: "  " },
        { id: "short", text: "flaky" },
        { id: "unknown", text: "zzz" },
      ],
      { k: 3 },
    );
    expect(result.assignments.get("na")).toBeNull();
    expect(result.assignments.get("blank")).toBeNull();
    expect(result.assignments.get("short")).toBe(result.assignments.get("flaky-0"));
    expect(typeof result.assignments.get("unknown")).toBe("number");
  });

  it("opens a theme into sub-themes that cover its members, named apart from it", () => {
    // One theme (deploys) made of three distinct groups of eight answers each.
    const subjects = {
      approvals: [
        "deploy approvals take days",
        "waiting on deploy approvals again",
        "three approvals for every deploy",
      ],
      rollbacks: ["deploy rollbacks are manual", "rollbacks after a bad deploy take hours", "no automatic rollbacks"],
      canaries: ["canary deploys would help", "we have no canary releases", "canary analysis for each deploy"],
    };
    const deploys = Object.entries(subjects).flatMap(([group, texts]) =>
      Array.from({ length: 8 }, (_, i) => ({
        id: `${group}-${i}`,
        text: `${texts[i % 3]} ${i > 2 ? "honestly" : ""}`,
      })),
    );
    const result = clusterAnswers(deploys, { k: 1 });
    const [theme] = result.themes;
    expect(theme.subThemes.length).toBeGreaterThanOrEqual(2);
    const covered = theme.subThemes.flatMap((s) => s.memberIds).sort();
    expect(covered).toEqual([...theme.memberIds].sort());
    for (const sub of theme.subThemes) {
      expect(sub.memberIds.length).toBeGreaterThanOrEqual(5);
      expect(sub.label.toLowerCase()).not.toBe(theme.label.toLowerCase());
      for (const id of sub.representativeIds) expect(sub.memberIds).toContain(id);
    }
    // Each sub-theme is mostly one of the three groups.
    for (const sub of theme.subThemes) {
      const groups = new Map<string, number>();
      for (const id of sub.memberIds) groups.set(id.split("-")[0], (groups.get(id.split("-")[0]) ?? 0) + 1);
      expect(Math.max(...groups.values()) / sub.memberIds.length).toBeGreaterThanOrEqual(0.75);
    }
  });

  it("places every answer when the answers share no word, or all say the same", () => {
    const words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split(" ");
    for (const texts of [
      words,
      words.map((w, i) => `${w} ${words[(i + 1) % words.length]}`),
      Array(60).fill("flaky tests"),
    ]) {
      const result = clusterAnswers(texts.map((text, i) => ({ id: String(i), text })));
      expect(result.themes.reduce((sum, t) => sum + t.memberIds.length, 0)).toBe(texts.length);
      expect(result.k).toBeGreaterThanOrEqual(1);
    }
  });

  it("names a team's main problem by its word even when most answers use it", () => {
    const texts = [
      ...["docs are outdated", "the docs are wrong", "docs missing for the api", "docs never updated"],
      ...["outdated docs", "docs hard to find", "cannot find docs", "docs search is broken", "docs are stale"],
      ...["docs docs docs", "no docs for the deploy tool", "docs are outdated and the wiki is wrong"],
      ...["flaky tests", "tests are flaky", "slow ci builds", "ci is slow", "flaky e2e tests", "slow builds on ci"],
    ];
    const result = clusterAnswers(texts.map((text, i) => ({ id: String(i), text })));
    expect(result.themes[0].label).toMatch(/docs/i);
    expect(result.themes[0].memberIds.length).toBeGreaterThanOrEqual(9);
    expect(result.themes.map((t) => t.label)).not.toContain("Other answers");
  });

  it("returns no themes when every answer is a non-answer", () => {
    const result = clusterAnswers([
      { id: "1", text: "idk" },
      { id: "2", text: "-" },
    ]);
    expect(result.themes).toEqual([]);
    expect(result.k).toBe(0);
  });

  it("chooses about as many themes for 1,000 answers as for 4,000 of the same kind", () => {
    // Eight topics, each with its own words (the first ones used most) and a quarter of filler.
    const topics = [
      "deploy rollback canary release pipeline approval prod outage hotfix freeze window",
      "flaky test suite retry timeout integration e2e mock fixture assertion rerun",
      "docs wiki readme runbook outdated search page example tutorial reference",
      "laptop docker compose local setup database seed hot reload container image",
      "kubernetes helm chart yaml ingress manifest namespace pod cluster values",
      "secret vault token rotation credential password key expiry access policy",
      "review pull request reviewer approval comment nit merge conflict owner",
      "alert dashboard metric log trace grafana noise pager oncall incident",
    ].map((words) => words.split(" "));
    const filler = "really always slow takes hours team every week annoying painful hard".split(" ");
    const answers = (count: number): AnswerItem[] => {
      const random = createRandom(count);
      return Array.from({ length: count }, (_, i) => {
        const words = Array.from({ length: 4 + Math.floor(random() * 6) }, () =>
          random() < 0.25
            ? filler[Math.floor(random() * filler.length)]
            : topics[i % topics.length][Math.floor(topics[0].length * random() ** 2)],
        );
        return { id: String(i), text: words.join(" ") };
      });
    };
    const few = clusterAnswers(answers(1_000)).k;
    const many = clusterAnswers(answers(4_000)).k;
    for (const k of [few, many]) expect(k).toBeGreaterThanOrEqual(7);
    for (const k of [few, many]) expect(k).toBeLessThanOrEqual(10);
    expect(Math.max(few, many) / Math.min(few, many)).toBeLessThanOrEqual(1.3);
  }, 30_000);
});
