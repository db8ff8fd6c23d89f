// Redocly CLI's lint of the built document, with the committed redocly.yaml: 0 errors, 0 warnings.
// Run in the unit suite and by `npm run lint:openapi`. The document is built here rather than by a
// script because it imports every route, and only vitest's resolution loads them outside Next.js.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { buildOpenApiDocument } from ".";

const redocly = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")),
  "bin/cli.js",
);

type Problem = { ruleId: string; severity: string; message: string; location: { pointer: string }[] };

it("passes Redocly's lint with no errors and no warnings", { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dx-pulse-openapi-"));
  try {
    const file = path.join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(buildOpenApiDocument(), null, 2));
    const config = path.join(process.cwd(), "redocly.yaml");
    // Exit code 1 means errors; the JSON report on stdout says what they are either way.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [redocly, "lint", file, "--config", config, "--format", "json"],
      { maxBuffer: 32 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`redocly did not run: ${error.stderr}`);
      return { stdout: error.stdout };
    });
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: Problem[] };
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
