// Respondent-side measurements against a running server (`next start`):
//  - first-load JavaScript of /s/<token>: gzip size of every script chunk the HTML references;
//  - submission latency: median and p95 of sequential POSTs of a complete, valid response.
// Note: the POSTs store real responses in the target survey — point it at a bench database.
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";

export type BenchResult = { name: string; value: number; unit: string };

type Question = { id: string; kind: string; required: boolean; options: { id: string }[] | null };

function scriptSources(html: string): string[] {
  const sources = new Set<string>();
  for (const m of html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)) {
    // noModule polyfills are skipped by every browser that runs modules, i.e. every current one.
    if (!/nomodule/i.test(m[1] + m[3])) sources.add(m[2]);
  }
  // Chunks preloaded for the page are part of its first load too.
  for (const m of html.matchAll(
    /<link[^>]*rel="(?:preload|modulepreload)"[^>]*as="script"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="(?:preload|modulepreload)"[^>]*as="script"/g,
  )) {
    sources.add(m[1] ?? m[2]);
  }
  return [...sources].map((s) => s.replace(/&amp;/g, "&"));
}

function answerFor(q: Question): unknown {
  switch (q.kind) {
    case "likert":
      return 4;
    case "nps":
      return 9;
    case "single_choice":
      return q.options![0].id;
    case "multiple_choice":
      return [q.options![0].id];
    default:
      return "Deploys are slow and the staging environment is often broken.";
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

export async function benchRespondent(
  baseUrl: string,
  token: string,
  { submissions = 200 }: { submissions?: number } = {},
): Promise<BenchResult[]> {
  const pageUrl = new URL(`/s/${token}`, baseUrl);
  const html = await (await fetch(pageUrl)).text();
  const scripts = scriptSources(html);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    rawBytes += body.byteLength;
    gzipBytes += gzipSync(body, { level: 9 }).byteLength;
  }

  const survey = await (await fetch(new URL(`/api/s/${token}`, baseUrl))).json();
  const questions: Question[] = survey.questions;
  const answers = questions.map((q) => ({ questionId: q.id, value: answerFor(q) }));
  const timings: number[] = [];
  for (let i = 0; i < submissions; i++) {
    const body = JSON.stringify({ idempotencyKey: randomBytes(16).toString("hex"), answers });
    const started = performance.now();
    const res = await fetch(new URL(`/api/s/${token}`, baseUrl), {
      method: "POST",
      // A distinct client address per request keeps the per-client limiter out of the measurement.
      headers: { "Content-Type": "application/json", "X-Forwarded-For": `198.18.${(i >> 8) & 255}.${i & 255}` },
      body,
    });
    await res.arrayBuffer();
    timings.push(performance.now() - started);
    if (res.status !== 201) throw new Error(`Submission ${i} failed with ${res.status}`);
  }
  timings.sort((a, b) => a - b);
  return [
    { name: "respondent page first-load JS (gzip)", value: Math.round((gzipBytes / 1024) * 10) / 10, unit: "KB" },
    { name: "respondent page first-load JS (raw)", value: Math.round((rawBytes / 1024) * 10) / 10, unit: "KB" },
    { name: "respondent page script files", value: scripts.length, unit: "files" },
    {
      name: `submission latency median (${submissions} sequential POSTs)`,
      value: Math.round(quantile(timings, 0.5) * 100) / 100,
      unit: "ms",
    },
    { name: "submission latency p95", value: Math.round(quantile(timings, 0.95) * 100) / 100, unit: "ms" },
  ];
}

// `npx tsx scripts/bench/respondent.ts http://localhost:3000 demo-q4`
if (process.argv[1]?.endsWith("respondent.ts")) {
  const [baseUrl = "http://localhost:3000", token = "demo-q4"] = process.argv.slice(2);
  benchRespondent(baseUrl, token).then((results) => console.table(results));
}
