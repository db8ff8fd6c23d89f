// One row of the benchmark table; `reference` is the figure it is compared with in the same run.
export type BenchRow = {
  section: string;
  name: string;
  value: number;
  unit: string;
  reference?: number;
  referenceName?: string;
};

const fmt = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)) : "n/a");

export function formatTable(rows: BenchRow[]): string {
  const lines: string[] = [];
  let section = "";
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push("", `## ${section}`);
    }
    const ref =
      r.reference !== undefined
        ? `   vs ${r.referenceName ?? "reference"} ${fmt(r.reference)} → ratio ${fmt(r.value / r.reference)}`
        : "";
    lines.push(`  ${r.name.padEnd(52)} ${fmt(r.value).padStart(10)} ${r.unit}${ref}`);
  }
  return lines.join("\n");
}
