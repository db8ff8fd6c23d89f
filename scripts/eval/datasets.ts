// The labelled development sets in ../shared/data (see its README), loaded for eval and bench.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AnswerItem } from "../../lib/text/cluster";
import { createRandom, sampleIndices } from "../../lib/text/prng";

export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/data");
export const NON_ANSWER = "non-answer";

export interface Dataset {
  name: string;
  items: AnswerItem[];
  gold: string[];
  trueK: number;
}

export function loadDxFeedback(): Dataset {
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

/** A folder with texts.txt and labels.txt, one line each (searchsnippets, clinc150). */
export function loadLines(name: string): Dataset {
  const read = (file: string) =>
    readFileSync(resolve(DATA_DIR, name, file), "utf8")
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
  return { name, items, gold, trueK: new Set(gold).size };
}

export function loadAll(only?: string): Dataset[] {
  const want = (key: string) => only === undefined || only.split(",").includes(key);
  return [
    ...(want("dx") ? [loadDxFeedback()] : []),
    ...(want("snippets") ? [loadLines("searchsnippets")] : []),
    ...(want("clinc") ? [loadLines("clinc150")] : []),
  ];
}

/** A seeded random subset of `size` answers (the whole set when it is not larger). */
export function subset(dataset: Dataset, size: number, seed = 11): Dataset {
  if (size >= dataset.items.length) return dataset;
  const rows = sampleIndices(dataset.items.length, size, createRandom(seed));
  const gold = Array.from(rows, (i) => dataset.gold[i]);
  return {
    name: `${dataset.name} ${size}`,
    items: Array.from(rows, (i) => dataset.items[i]),
    gold,
    trueK: new Set(gold.filter((g) => g !== NON_ANSWER)).size,
  };
}
