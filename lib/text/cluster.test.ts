import { describe, expect, it } from "vitest";
import { clusterAnswers } from "./cluster";

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

  it("returns no themes when every answer is a non-answer", () => {
    const result = clusterAnswers([
      { id: "1", text: "idk" },
      { id: "2", text: "-" },
    ]);
    expect(result.themes).toEqual([]);
    expect(result.k).toBe(0);
  });
});
