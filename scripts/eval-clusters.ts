// Scores clusterAnswers against the labelled development sets in ../shared/data:
//   npm run eval:clusters [-- --only dx,snippets,clinc] [--seed N | --seeds 1,2,3,42] [--no-ladder] [--labels]
// For every set: ACC (Hungarian-matched), NMI and ARI with the true number of themes and with k
// chosen automatically; then a size ladder (seeded random subsets of 1k, 3k, 10k and all answers)
// of the automatic count and NMI beside the NMI with the subset's true k; then the share of theme
// names that pass lib/text/name-check.ts, and dx-feedback's names beside its gold labels. In
// dx-feedback, gold "none" answers and answers we flag as non-answers are scored as one extra class
// ("non-answer") in both label sets: detecting them is part of the job.
import { clusterAnswers, type ClusterResult } from "../lib/text/cluster";
import { adjustedRandIndex, clusteringAccuracy, normalizedMutualInformation } from "../lib/text/metrics";
import { checkThemeNames } from "../lib/text/name-check";
import { loadAll, NON_ANSWER, subset, type Dataset } from "./eval/datasets";

/** Above this many true groups a backlog shows coarser themes (the automatic cap); see lib/text/cluster.ts. */
const LADDER = [1_000, 3_000, 10_000];

const argValue = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const seeds = (argValue("--seeds") ?? argValue("--seed") ?? "42").split(",").map(Number);
const pct = (x: number) => (100 * x).toFixed(1);

function run(dataset: Dataset, k: number | undefined, seed: number) {
  const started = performance.now();
  const result = clusterAnswers(dataset.items, { k, seed });
  const seconds = (performance.now() - started) / 1000;
  const predicted = dataset.items.map((item) => {
    const theme = result.assignments.get(item.id);
    return theme === null || theme === undefined ? NON_ANSWER : String(theme);
  });
  return {
    result,
    predicted,
    seconds,
    acc: clusteringAccuracy(predicted, dataset.gold),
    nmi: normalizedMutualInformation(predicted, dataset.gold),
    ari: adjustedRandIndex(predicted, dataset.gold),
  };
}

const datasets = loadAll(argValue("--only"));
const namesChecked: { set: string; result: ClusterResult; dataset: Dataset }[] = [];
const scores: Record<string, string | number>[] = [];
const ladder: Record<string, string | number>[] = [];
for (const dataset of datasets) {
  for (const seed of seeds) {
    const truth = run(dataset, dataset.trueK, seed);
    const auto = run(dataset, undefined, seed);
    namesChecked.push(
      { set: `${dataset.name} true k`, result: truth.result, dataset },
      { set: `${dataset.name} auto`, result: auto.result, dataset },
    );
    for (const [mode, r] of [
      [`true ${dataset.trueK}`, truth],
      [`auto → ${auto.result.k}`, auto],
    ] as const)
      scores.push({
        set: dataset.name,
        seed,
        k: mode,
        ACC: pct(r.acc),
        NMI: pct(r.nmi),
        ARI: pct(r.ari),
        seconds: r.seconds.toFixed(2),
      });
    if (process.argv.includes("--labels"))
      for (const [mode, r] of [
        ["true k", truth],
        ["auto", auto],
      ] as const)
        console.log(
          `${dataset.name} ${mode}:`,
          r.result.themes.map((t) => `${t.label} (${t.memberIds.length})`).join(" | "),
        );
    if (process.argv.includes("--no-ladder")) continue;
    const sizes = [...LADDER.filter((size) => size < dataset.items.length), dataset.items.length];
    for (const size of sizes) {
      const part = subset(dataset, size, seed);
      const autoPart = size === dataset.items.length ? auto : run(part, undefined, seed);
      const truePart = size === dataset.items.length ? truth : run(part, part.trueK, seed);
      ladder.push({
        set: dataset.name,
        seed,
        answers: size,
        "true k": part.trueK,
        "auto k": autoPart.result.k,
        "NMI auto": pct(autoPart.nmi),
        "NMI true k": pct(truePart.nmi),
        "Δ NMI": (100 * (autoPart.nmi - truePart.nmi)).toFixed(1),
        "auto s": autoPart.seconds.toFixed(2),
      });
    }
  }
}

console.log("Scores in % (ACC Hungarian-matched, NMI arithmetic, ARI).");
console.log(
  `dx-feedback: gold "none" and predicted non-answers form one extra class "${NON_ANSWER}"; true k counts themes only.`,
);
console.table(scores);
if (ladder.length) {
  console.log(
    "Size ladder: seeded random subsets; automatic theme count and NMI beside the NMI with the subset's true k.",
  );
  console.table(ladder);
}

const nameRows = namesChecked.map(({ set, result, dataset }) => {
  const text = new Map(dataset.items.map((item) => [item.id, item.text]));
  const report = checkThemeNames(
    result.themes.map((t) => t.label),
    result.themes.map((t) => t.memberIds.map((id) => text.get(id)!)),
  );
  return {
    set,
    themes: result.themes.length,
    "names passing %": pct(report.passing / Math.max(1, result.themes.length)),
    failing: report.failures.map((f) => `${f.name} (${f.reason})`).join("; "),
  };
});
console.log("Theme names passing lib/text/name-check.ts:");
console.table(nameRows);

const dx = datasets.find((d) => d.name === "dx-feedback");
if (dx) {
  // Each theme beside the gold label most of its answers carry, and that label's share of the theme.
  const { result, predicted } = run(dx, undefined, seeds[0]);
  console.log(`dx-feedback, automatic k (${result.k}): theme name | size | majority gold label (share)`);
  console.table(
    result.themes.map((t) => {
      const counts = new Map<string, number>();
      predicted.forEach((p, i) => p === String(t.id) && counts.set(dx.gold[i], (counts.get(dx.gold[i]) ?? 0) + 1));
      const [gold, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ["-", 0];
      const subThemes = (t as { subThemes?: { label: string }[] }).subThemes ?? [];
      return {
        name: t.label,
        size: t.memberIds.length,
        gold: `${gold} (${pct(count / Math.max(1, t.memberIds.length))})`,
        "sub-themes": subThemes.map((s) => s.label).join(" | "),
      };
    }),
  );
}
