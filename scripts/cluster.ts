// Clusters free-text answers from a file, one answer per line:
//   npm run cluster -- --input FILE [--k N] [--seed N] [--format json]
// Prints exactly one theme id per input line ("-" for blank lines and non-answers), or with
// --format json the themes with labels, terms and sizes. Diagnostics go to stderr only.
import { readFileSync } from "node:fs";
import { clusterAnswers } from "../lib/text/cluster";

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run cluster -- --input FILE [--k N] [--seed N] [--format text|json]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const args: { input?: string; k?: number; seed?: number; format: "text" | "json" } = { format: "text" };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--") continue;
    if (value === undefined) usage(`missing value for ${flag}`);
    i++;
    if (flag === "--input") args.input = value;
    else if (flag === "--k" || flag === "--seed") {
      const n = Number(value);
      if (!Number.isInteger(n) || n < (flag === "--k" ? 1 : 0))
        usage(`${flag} must be a ${flag === "--k" ? "positive" : "non-negative"} integer`);
      if (flag === "--k") args.k = n;
      else args.seed = n;
    } else if (flag === "--format") {
      if (value !== "text" && value !== "json") usage("--format must be text or json");
      args.format = value;
    } else usage(`unknown option ${flag}`);
  }
  if (!args.input) usage("--input is required");
  return args as typeof args & { input: string };
}

const args = parseArgs(process.argv.slice(2));
const lines = readFileSync(args.input, "utf8")
  .replace(/^\uFEFF/, "")
  .split(/\r?\n/);
// A final newline ends the last line; it does not start an extra, empty answer.
if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
const started = performance.now();
const result = clusterAnswers(
  lines.map((text, i) => ({ id: String(i), text })),
  { k: args.k, seed: args.seed },
);
process.stderr.write(
  `clustered ${lines.length} lines into ${result.k} themes in ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
);

if (args.format === "json") {
  const nonAnswers = [...result.assignments.values()].filter((t) => t === null).length;
  const themes = result.themes.map((t) => ({
    id: t.id,
    label: t.label,
    size: t.memberIds.length,
    terms: t.terms,
    representatives: t.representativeIds.map((id) => lines[Number(id)]),
  }));
  process.stdout.write(`${JSON.stringify({ k: result.k, lines: lines.length, nonAnswers, themes }, null, 2)}\n`);
} else {
  const out = lines.map((_, i) => {
    const theme = result.assignments.get(String(i));
    return theme === null || theme === undefined ? "-" : String(theme);
  });
  process.stdout.write(out.length > 0 ? `${out.join("\n")}\n` : "");
}
