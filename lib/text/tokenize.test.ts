import { describe, expect, it } from "vitest";
import { canonicalizeTokens, conceptsFor } from "./lexicon";
import { normalizeText } from "./normalize";
import { analyzeTerms, tokenizeWords } from "./tokenize";

describe("normalizeText", () => {
  it("folds case and compatibility forms and reduces URLs to the site name", () => {
    expect(normalizeText("\uFEFFＣＩ is SLOW, see https://github.com/acme/repo/actions")).toBe(
      "ci is slow, see github",
    );
  });
  it("drops versions and flag dashes and splits paths", () => {
    expect(normalizeText("bump to v1.2.3 with --no-verify in src/app/page.tsx")).toBe(
      "bump to with no-verify in src app page tsx",
    );
  });
});

describe("tokenizing", () => {
  it("keeps code-ish tokens and splits slash lists", () => {
    expect(tokenizeWords("nvm/pyenv and node_modules on arm64")).toEqual([
      "nvm",
      "pyenv",
      "and",
      "node_modules",
      "on",
      "arm64",
    ]);
  });
  it("removes stop words and survey filler, stems, and builds bigrams", () => {
    const terms = analyzeTerms("I really just think the flaky tests would make me cry");
    expect(terms.tokens).toEqual(["flaky", "tests", "cry"]);
    expect(terms.stems).toEqual(["flaki", "test", "cry"]);
    expect(terms.bigrams).toEqual(["flaki test", "test cry"]);
  });
});

describe("DX lexicon", () => {
  it("maps abbreviations and multi-word synonyms to one canonical term", () => {
    expect(canonicalizeTokens(["k8s", "env", "pull", "requests", "docs", "repo", "infra", "perms"])).toEqual([
      "kubernetes",
      "environment",
      "pull_request",
      "documentation",
      "repository",
      "infrastructure",
      "permission",
    ]);
    expect(analyzeTerms("PRs wait on the CI/CD pipeline").tokens).toEqual(["pull_request", "wait", "ci", "ci"]);
  });
  it("adds broader concepts for specific tools, once and only when absent", () => {
    expect(conceptsFor(["helm", "pods"])).toEqual(["kubernetes"]);
    expect(conceptsFor(["kubernetes", "helm"])).toEqual([]);
    expect(analyzeTerms("Helm.").concepts).toEqual(["kubernet"]);
  });
});
