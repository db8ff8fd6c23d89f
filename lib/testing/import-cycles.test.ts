import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildImportGraph, findCycles, runtimeImports, type ImportGraph } from "./import-graph";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("import graph", () => {
  it("has no cycle in lib/, app/, components/, pages/ or instrumentation.ts", () => {
    const graph = buildImportGraph(root, ["lib", "app", "components", "pages", "instrumentation.ts"]);
    expect(graph.size).toBeGreaterThan(200);
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => path.relative(root, file)).join(" → "));
    expect(cycles).toEqual([]);
  }, 60_000); // parses every source file: a few seconds on a busy machine

  it("counts static, re-exported and dynamic imports, and ignores type-only ones", () => {
    const text = [
      'import a from "./a";',
      'import { b, type B } from "./b";',
      'import type { C } from "./c";',
      'import { type D } from "./d";',
      'export { e } from "./e";',
      'export type { F } from "./f";',
      'import "./g";',
      'const h = () => import("./h");',
    ].join("\n");
    expect(runtimeImports("x.ts", text)).toEqual(["./a", "./b", "./e", "./g", "./h"]);
  });

  it("reports a loop as a path that returns to its start", () => {
    const graph: ImportGraph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
      ["e", ["e"]],
    ]);
    expect(findCycles(graph)).toEqual([
      ["a", "b", "c", "a"],
      ["e", "e"],
    ]);
    expect(
      findCycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });
});
