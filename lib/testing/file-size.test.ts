import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// A file in lib/ past ~400 lines usually holds two concepts; one that truly belongs together says why at its top.
const LIMIT = 400;
const REASON = "Over 400 lines on purpose:";
const root = join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("file size in lib/", () => {
  it("keeps every file under 400 lines or gives the reason in its first lines", () => {
    const unexplained = sourceFiles(join(root, "lib")).flatMap((path) => {
      const lines = readFileSync(path, "utf8").split("\n");
      if (lines.length <= LIMIT) return [];
      const explained = lines.slice(0, 3).some((line) => line.includes(REASON));
      return explained ? [] : [`${relative(root, path)} (${lines.length} lines)`];
    });
    expect(unexplained).toEqual([]);
  });
});
