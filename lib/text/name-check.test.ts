import { describe, expect, it } from "vitest";
import { checkThemeName, checkThemeNames, nameWords } from "./name-check";

describe("checkThemeName", () => {
  it("passes complete noun phrases, with or without the answers", () => {
    for (const name of ["Flaky tests", "Logs and alerts", "Staging env", "Onboarding", "Docs outdated", "k8s YAML"])
      expect(checkThemeName(name)).toBeNull();
    expect(checkThemeName("Flaky tests", ["flaky tests fail randomly", "our flaky test suite"])).toBeNull();
  });

  it("fails names that end or start on a function word", () => {
    expect(checkThemeName("Waiting for")).toBe("dangling function word");
    expect(checkThemeName("And deploys")).toBe("dangling function word");
    expect(checkThemeName("Logs and")).toBe("dangling function word");
  });

  it("fails a name ending on a verb its answers go on from", () => {
    expect(checkThemeName("Local setup takes", ["local setup takes 2 days", "local setup takes forever"])).toBe(
      "dangling verb or adverb",
    );
    expect(checkThemeName("Waiting")).toBeNull();
    expect(checkThemeName("Tests often")).toBe("dangling verb or adverb");
    const answers = ["slow push kills my flow", "the slow push kills my focus", "slow push kills the afternoon"];
    expect(checkThemeName("Slow push kills", answers)).toBe("dangling verb or adverb");
    // The same shape passes when the answers use it as a subject: "CI builds are slow".
    expect(checkThemeName("CI builds", ["CI builds are slow", "our CI builds fail", "CI builds"])).toBeNull();
  });

  it("fails stems and phrases its answers never wrote", () => {
    expect(checkThemeName("Comput softwar", ["computer software downloads", "free computer software"])).toBe(
      "not written in its answers",
    );
    expect(checkThemeName("Flaky test", ["flaky tests everywhere", "flaky tests again"])).toBeNull();
  });

  it("fails a part cut from the compound its answers write", () => {
    const answers = ["approvals and a one line change", "one line change takes a day", "approvals block us"];
    expect(checkThemeName("Approvals and line", answers)).toBe("cut from a longer phrase");
  });

  it("fails a lone adjective", () => {
    expect(checkThemeName("Slow")).toBe("lone adjective");
  });
});

describe("checkThemeNames", () => {
  it("counts passing names and flags repeats", () => {
    const report = checkThemeNames(["Flaky tests", "flaky tests", "Local setup often"]);
    expect(report.passing).toBe(1);
    expect(report.failures).toEqual([
      { name: "flaky tests", reason: "duplicate" },
      { name: "Local setup often", reason: "dangling verb or adverb" },
    ]);
  });

  it("keeps hyphenated words whole", () => {
    expect(nameWords("One-line change, PR's")).toEqual(["one-line", "change", "pr's"]);
  });
});
