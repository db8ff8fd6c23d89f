// Benchmark for clusterAnswers on synthetic survey answers: 20k beside scikit-learn's TF-IDF →
// SVD(100) → k-means (10 starts) on the same answers (Debian's python3-sklearn, installed when
// missing), and 100k with its peak memory. Each run is a child process, so peak RSS is its own.
//   npx tsx scripts/bench/cluster.ts
// Answers are recombined from phrase pools with a seeded PRNG, so every run clusters the same text.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { clusterAnswers, type AnswerItem } from "../../lib/text/cluster";
import { createRandom } from "../../lib/text/prng";

const TOPICS: { subjects: string[]; complaints: string[] }[] = [
  {
    subjects: ["CI", "the pipeline", "our builds", "the android build", "npm ci"],
    complaints: [
      "takes 40 minutes",
      "is so slow",
      "queues for ages in the morning",
      "has no remote cache",
      "runs every job from scratch",
    ],
  },
  {
    subjects: ["deploys", "releasing to prod", "the deploy bot", "rollbacks", "the release train"],
    complaints: [
      "need three approvals",
      "take an hour",
      "fail halfway with no logs",
      "are manual and scary",
      "only happen on tuesdays",
    ],
  },
  {
    subjects: ["the docs", "documentation", "the wiki", "the readme", "API reference pages"],
    complaints: [
      "are outdated",
      "are missing examples",
      "are impossible to search",
      "contradict each other",
      "nobody updates after changes",
    ],
  },
  {
    subjects: ["flaky tests", "the e2e suite", "integration tests", "snapshot tests", "retries"],
    complaints: ["fail randomly", "block merges", "time out on the runners", "need three reruns", "hide real failures"],
  },
  {
    subjects: ["my local environment", "docker compose", "the dev setup", "running services locally", "env vars"],
    complaints: [
      "breaks every week",
      "takes a day to set up",
      "never matches staging",
      "eats all my RAM",
      "needs tribal knowledge",
    ],
  },
  {
    subjects: ["k8s yaml", "helm charts", "kubectl", "pod configs", "ingress manifests"],
    complaints: [
      "are copy pasted everywhere",
      "are hard to debug",
      "need a platform expert",
      "drift between clusters",
      "have no validation",
    ],
  },
  {
    subjects: ["access requests", "permissions", "IAM roles", "getting repo access", "prod access"],
    complaints: [
      "need a ticket",
      "take days to approve",
      "are granted by hand",
      "expire without warning",
      "go through three teams",
    ],
  },
  {
    subjects: ["logs", "dashboards", "tracing", "alerts", "metrics"],
    complaints: [
      "are scattered across tools",
      "are noisy",
      "miss half the services",
      "are hard to find during incidents",
      "have short retention",
    ],
  },
];
const OPENERS = ["", "honestly ", "tbh ", "biggest pain: ", "i think ", "", "really "];
const CLOSERS = ["", ".", "!", " and it kills my flow", " every single day", " :(", ""];
const FILLERS = ["n/a", "idk", "nothing", "-", "all good"];

export function syntheticAnswers(count: number, seed = 7): AnswerItem[] {
  const random = createRandom(seed);
  const choose = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  return Array.from({ length: count }, (_, i) => {
    if (random() < 0.03) return { id: String(i), text: choose(FILLERS) };
    const topic = choose(TOPICS);
    let text = `${choose(OPENERS)}${choose(topic.subjects)} ${choose(topic.complaints)}${choose(CLOSERS)}`;
    // One answer in five mentions a second theme in passing, as real answers do.
    if (random() < 0.2) {
      const other = choose(TOPICS);
      text += `, also ${choose(other.subjects)} ${choose(other.complaints)}`;
    }
    return { id: String(i), text };
  });
}

const SKLEARN_SCRIPT = fileURLToPath(new URL("./sklearn-cluster.py", import.meta.url));
/** Debian's interpreter: python3-sklearn installs there, whatever python3 comes first on PATH. */
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const ROUNDS = 3;

/** Installs Debian's python3-sklearn when it is missing (the bench machine is Debian); false if it cannot. */
function ensureSklearn(): boolean {
  const has = () => spawnSync(PYTHON, ["-c", "import sklearn"], { stdio: "ignore" }).status === 0;
  if (has()) return true;
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) return false;
  spawnSync("apt-get", ["install", "-y", "-q", "python3-sklearn"], { stdio: "ignore" });
  return has();
}

/** One clustering run in a child process, so its peak memory is its own. */
function runChild(size: number, k?: number): { seconds: number; peakMiB: number; k: number } {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--child", String(size), ...(k ? [String(k)] : [])],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split("\n").pop()!) as { seconds: number; peakMiB: number; k: number };
}

const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchCluster(): Promise<{ name: string; value: number; unit: string }[]> {
  const results: { name: string; value: number; unit: string }[] = [];
  // 20k: ours and scikit-learn's TF-IDF → SVD(100) → k-means (10 starts) on the same answers and
  // the same k, alternating, median of three rounds each (the machine is shared and noisy).
  const dir = mkdtempSync(path.join(tmpdir(), "dxp-bench-cluster-"));
  try {
    const file = path.join(dir, "answers.txt");
    writeFileSync(
      file,
      syntheticAnswers(20_000)
        .map((a) => a.text.replace(/\n/g, " "))
        .join("\n"),
    );
    const sklearn = ensureSklearn();
    // Ours in full both times: themes, names, sub-themes and quotes; once choosing k (the
    // product's default), once given scikit-learn's k (the same task as the reference).
    const ours: ReturnType<typeof runChild>[] = [];
    const given: ReturnType<typeof runChild>[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(runChild(20_000));
      given.push(runChild(20_000, ours[0].k));
      if (sklearn)
        theirs.push(Number(execFileSync(PYTHON, [SKLEARN_SCRIPT, file, String(ours[0].k)], { encoding: "utf8" })));
    }
    const oursSeconds = median(ours.map((r) => r.seconds));
    const givenSeconds = median(given.map((r) => r.seconds));
    results.push(
      { name: `cluster 20k answers (auto k → ${ours[0].k})`, value: oursSeconds, unit: "s" },
      { name: `cluster 20k answers (k = ${ours[0].k} given)`, value: givenSeconds, unit: "s" },
      { name: "cluster 20k peak RSS", value: median(ours.map((r) => r.peakMiB)), unit: "MiB" },
    );
    if (sklearn) {
      const sk = median(theirs);
      results.push(
        { name: `scikit-learn TF-IDF → SVD(100) → k-means ×10, same 20k, k = ${ours[0].k}`, value: sk, unit: "s" },
        { name: "cluster 20k, k given ÷ scikit-learn (≤ 1 is faster)", value: ratio(givenSeconds, sk), unit: "×" },
        { name: "cluster 20k, auto k ÷ scikit-learn", value: ratio(oursSeconds, sk), unit: "×" },
      );
    } else
      results.push({ name: "scikit-learn reference (python3-sklearn missing, not installable)", value: 0, unit: "-" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const large = runChild(100_000);
  results.push(
    { name: `cluster 100k answers (auto k → ${large.k}; target < 10 s)`, value: large.seconds, unit: "s" },
    { name: "cluster 100k peak RSS (target < 500 MB)", value: large.peakMiB, unit: "MiB" },
  );
  return results;
}

if (process.argv[2] === "--child") {
  const items = syntheticAnswers(Number(process.argv[3]));
  const started = performance.now();
  const result = clusterAnswers(items, process.argv[4] ? { k: Number(process.argv[4]) } : {});
  const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  // The kernel's high-water mark for this process: answers, model and result included.
  const peakMiB = Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20);
  console.log(JSON.stringify({ seconds, peakMiB, k: result.k }));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const { name, value, unit } of await benchCluster()) console.log(`${name}: ${value} ${unit}`);
}
