// Benchmark for clusterAnswers on synthetic survey answers (20k and 100k):
//   npx tsx scripts/bench/cluster.ts
// Answers are recombined from phrase pools with a seeded PRNG, so every run clusters the same text.
import { pathToFileURL } from "node:url";
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

export async function benchCluster(): Promise<{ name: string; value: number; unit: string }[]> {
  const results: { name: string; value: number; unit: string }[] = [];
  for (const size of [20_000, 100_000]) {
    const items = syntheticAnswers(size);
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = clusterAnswers(items);
    const seconds = (performance.now() - started) / 1000;
    // clusterAnswers is synchronous, so a sampling timer could not observe it; the kernel's
    // high-water mark can (process-wide, so the 100k figure includes the 20k run).
    const peakRss = process.resourceUsage().maxRSS * 1024;
    const label = size === 20_000 ? "20k" : "100k";
    results.push(
      { name: `cluster ${label} answers (auto k → ${result.k})`, value: Number(seconds.toFixed(2)), unit: "s" },
      {
        name: `cluster ${label} heap growth`,
        value: Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20),
        unit: "MiB",
      },
      { name: `cluster ${label} peak RSS`, value: Math.round(peakRss / 2 ** 20), unit: "MiB" },
    );
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const { name, value, unit } of await benchCluster()) console.log(`${name}: ${value} ${unit}`);
}
