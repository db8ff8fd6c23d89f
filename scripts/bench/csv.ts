// CSV export: a large export streams with flat memory (heap growth stays small as rows grow).
import { backlogCsvHeader } from "@/lib/backlog/csv-rows";
import { csvStream } from "@/lib/export/csv";

async function drain(rows: number) {
  async function* generate() {
    for (let i = 0; i < rows; i++) {
      yield [
        i + 1,
        `Theme ${i % 97}`,
        "do_first",
        0.1234,
        42,
        0.56,
        -0.2,
        "M",
        "planned",
        "Priya",
        "ci; build; slow",
        '=SUM(A1) "quoted", text',
        "2026-Q1..2026-Q4",
      ];
    }
  }
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const started = performance.now();
  const reader = csvStream(backlogCsvHeader, generate()).getReader();
  let bytes = 0;
  for (let n = 0; ; n++) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (n % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  return { ms: performance.now() - started, bytes, heapGrowthMb: (peak - heapBefore) / 1024 / 1024 };
}

export async function benchCsv() {
  const small = await drain(20_000);
  const large = await drain(200_000);
  return [
    { name: "20k rows: time", value: small.ms, unit: "ms" },
    { name: "20k rows: peak heap growth", value: small.heapGrowthMb, unit: "MB" },
    { name: "200k rows: time", value: large.ms, unit: "ms" },
    { name: "200k rows: size", value: large.bytes / 1024 / 1024, unit: "MB" },
    { name: "200k rows: peak heap growth (flat ⇒ ~same as 20k)", value: large.heapGrowthMb, unit: "MB" },
  ];
}
