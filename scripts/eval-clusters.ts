// Scores clusterAnswers against the labelled development sets in ../shared/data:
//   npm run eval:clusters [-- --only dx|snippets] [--seed N | --seeds 1,2,3,42] [--true-only] [--auto-only] [--labels]
// ACC (Hungarian-matched), NMI and ARI, with the true number of themes and with k chosen
// automatically. In dx-feedback, gold "none" answers and answers we flag as non-answers are
// scored as one extra class ("non-answer") in both label sets: detecting them is part of the job.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { clusterAnswers, type AnswerItem } from "../lib/text/cluster";
import { adjustedRandIndex, clusteringAccuracy, normalizedMutualInformation } from "../lib/text/metrics";

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared/data");
const NON_ANSWER = "non-answer";

interface Dataset {
  name: string;
  items: AnswerItem[];
  gold: string[];
  trueK: number;
}

function loadDxFeedback(): Dataset {
  const rows = readFileSync(resolve(DATA_DIR, "dx-feedback.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { text: string; theme: string });
  const gold = rows.map((r) => (r.theme === "none" ? NON_ANSWER : r.theme));
  return {
    name: "dx-feedback",
    items: rows.map((r, i) => ({ id: String(i), text: r.text })),
    gold,
    trueK: new Set(gold.filter((g) => g !== NON_ANSWER)).size,
  };
}

function loadSearchSnippets(): Dataset {
  const read = (file: string) =>
    readFileSync(resolve(DATA_DIR, "searchsnippets", file), "utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/);
  const texts = read("texts.txt");
  const labels = read("labels.txt");
  const n = Math.min(texts.length, labels.length);
  const items: AnswerItem[] = [];
  const gold: string[] = [];
  for (let i = 0; i < n; i++) {
    if (labels[i].trim() === "") continue;
    items.push({ id: String(i), text: texts[i] });
    gold.push(labels[i].trim());
  }
  return { name: "searchsnippets", items, gold, trueK: new Set(gold).size };
}

function score(dataset: Dataset, k: number | undefined, seed: number) {
  const started = performance.now();
  const result = clusterAnswers(dataset.items, { k, seed });
  const seconds = (performance.now() - started) / 1000;
  const predicted = dataset.items.map((item) => {
    const theme = result.assignments.get(item.id);
    return theme === null || theme === undefined ? NON_ANSWER : String(theme);
  });
  const pct = (x: number) => (100 * x).toFixed(1);
  return {
    set: dataset.name,
    seed,
    k: k === undefined ? `auto → ${result.k}` : `true ${k}`,
    ACC: pct(clusteringAccuracy(predicted, dataset.gold)),
    NMI: pct(normalizedMutualInformation(predicted, dataset.gold)),
    ARI: pct(adjustedRandIndex(predicted, dataset.gold)),
    nonAnswers: predicted.filter((p) => p === NON_ANSWER).length,
    seconds: seconds.toFixed(2),
    labels: result.themes.map((t) => `${t.label} (${t.memberIds.length})`),
  };
}

const argValue = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const seeds = (argValue("--seeds") ?? argValue("--seed") ?? "42").split(",").map(Number);
const only = argValue("--only");
const datasets = [
  ...(only === undefined || only === "dx" ? [loadDxFeedback()] : []),
  ...(only === undefined || only === "snippets" ? [loadSearchSnippets()] : []),
];
const modes = (d: Dataset): (number | undefined)[] =>
  process.argv.includes("--true-only")
    ? [d.trueK]
    : process.argv.includes("--auto-only")
      ? [undefined]
      : [d.trueK, undefined];
const rows = datasets.flatMap((d) => modes(d).flatMap((k) => seeds.map((seed) => score(d, k, seed))));
console.log("Scores in % (ACC Hungarian-matched, NMI arithmetic, ARI).");
console.log(
  `dx-feedback: gold "none" and predicted non-answers form one extra class "${NON_ANSWER}"; true k counts themes only.`,
);
console.table(rows.map(({ labels: _labels, ...row }) => row));
if (seeds.length > 1) {
  // Mean over seeds per set and mode; for auto k, the chosen k per seed.
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.set} ${row.k.startsWith("auto") ? "auto" : row.k}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const mean = (xs: string[]) => (xs.reduce((a, x) => a + Number(x), 0) / xs.length).toFixed(1);
  console.table(
    [...groups].map(([key, group]) => ({
      "set / k": key,
      ACC: mean(group.map((r) => r.ACC)),
      NMI: mean(group.map((r) => r.NMI)),
      ARI: mean(group.map((r) => r.ARI)),
      "chosen k": group.map((r) => r.k.replace(/^(auto → |true )/, "")).join(","),
      seconds: mean(group.map((r) => r.seconds)),
    })),
  );
}
if (process.argv.includes("--labels"))
  for (const row of rows) console.log(`${row.set} ${row.k}:`, row.labels.join(" | "));
