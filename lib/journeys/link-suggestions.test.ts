import { describe, expect, it } from "vitest";
import { MIN_SUGGESTION_SCORE, scoreOverlap, suggestThemeLinks, termSet } from "./link-suggestions";

const themes = [
  { id: "t-ci", label: "Slow CI builds", terms: ["ci", "build", "slow", "minutes", "queue"] },
  { id: "t-deploy", label: "Waiting for deploy approval", terms: ["deploy", "approval", "release", "wait"] },
  { id: "t-docs", label: "Docs are out of date", terms: ["documentation", "outdated", "find"] },
];

describe("termSet", () => {
  it("meets inflections and synonyms on one stem", () => {
    expect([...termSet("Deployments").keys()]).toEqual([...termSet("deploy").keys()]);
    expect([...termSet("docs").keys()]).toEqual([...termSet("documentation").keys()]);
  });
});

describe("the words shown for a match", () => {
  it("are the words the step wrote, or a concept's name, never a stem", () => {
    const shown = [...termSet("Request IAM access and wait for approvals on PRs; Helm values").values()];
    expect(shown).toEqual(expect.arrayContaining(["IAM", "access", "approvals", "PRs", "Helm", "permission"]));
    expect(shown).toContain("Kubernetes");
    for (const word of shown) expect(["permiss", "kubernet", "approv", "pull_request"]).not.toContain(word);
  });
});

describe("scoreOverlap", () => {
  it("is 1 for the same terms, 0 for none shared, and shrinks with unrelated extra terms", () => {
    const a = termSet("slow ci build");
    expect(scoreOverlap(a, termSet("slow CI builds")).score).toBeCloseTo(1);
    expect(scoreOverlap(a, termSet("database provisioning")).score).toBe(0);
    const diluted = scoreOverlap(a, termSet("slow ci build kubernetes helm manifests yaml terraform"));
    expect(diluted.score).toBeLessThan(1);
    expect(diluted.matched).toEqual(["slow", "CI", "build"]);
  });
  it("ignores words every step and complaint share", () => {
    expect(scoreOverlap(termSet("Two days of waiting for the team"), termSet("takes two days, team")).score).toBe(0);
  });
  it("is 0 for empty text", () => {
    expect(scoreOverlap(termSet(""), termSet("ci")).score).toBe(0);
  });
});

describe("suggestThemeLinks", () => {
  const steps = [
    { id: "s1", name: "Request a CI pipeline from the build team", notes: "" },
    { id: "s2", name: "First production deploy with release approval", notes: "Needs a change ticket" },
    { id: "s3", name: "Design the service's data model", notes: "" },
  ];

  it("suggests the theme whose terms the step shares, with the words that matched", () => {
    const suggestions = suggestThemeLinks(steps, themes);
    expect(suggestions.find((s) => s.stepId === "s1")).toMatchObject({ themeId: "t-ci" });
    const deploy = suggestions.find((s) => s.stepId === "s2")!;
    expect(deploy.themeId).toBe("t-deploy");
    expect(deploy.matchedTerms).toEqual(expect.arrayContaining(["deploy", "release", "approval"]));
    expect(deploy.score).toBeGreaterThanOrEqual(MIN_SUGGESTION_SCORE);
  });

  it("suggests nothing for a step without shared terms", () => {
    expect(suggestThemeLinks(steps, themes).filter((s) => s.stepId === "s3")).toEqual([]);
  });

  it("never suggests a pair that was already linked or dismissed", () => {
    const suggestions = suggestThemeLinks(steps, themes, new Set(["s2:t-deploy"]));
    expect(suggestions.some((s) => s.stepId === "s2" && s.themeId === "t-deploy")).toBe(false);
  });

  it("ranks the stronger overlap first and caps suggestions per step", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({
      id: `t${i}`,
      label: `ci build ${i === 0 ? "" : "x".repeat(i + 2)}`,
      terms: ["ci"],
    }));
    const result = suggestThemeLinks([{ id: "s", name: "ci build", notes: "" }], many);
    expect(result).toHaveLength(3);
    expect(result[0].themeId).toBe("t0");
    expect(result[0].score).toBeGreaterThanOrEqual(result[1].score);
  });
});
