// A CSV of deployments and incidents exported from another tool → normalised events, or the
// errors of every row that cannot be taken, named by line. Pure; the import stores all or nothing.
import { parse } from "csv-parse/sync";
import { CSV_IMPORT_MAX_ROWS } from "./constants";

export { CSV_COLUMNS, CSV_EXAMPLE } from "./constants";
import { isProductionEnvironment, noEvents, repoKey, type NormalizedEvents } from "./events";

export type CsvRowError = { line: number; message: string };
export type CsvImport = {
  events: NormalizedEvents;
  deployments: number;
  incidents: number;
  changes: number;
  errors: CsvRowError[];
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const BOOLEANS: Record<string, boolean> = {
  "": false,
  false: false,
  no: false,
  "0": false,
  true: true,
  yes: true,
  "1": true,
};

function time(value: string | undefined, column: string, problems: string[]): Date | null {
  if (!value) return null;
  if (!ISO.test(value)) {
    problems.push(`${column} is not a date and time such as 2026-04-02T10:00:00Z`);
    return null;
  }
  return new Date(value);
}

export function parseDeliveryCsv(text: string): CsvImport {
  const out: CsvImport = { events: noEvents(), deployments: 0, incidents: 0, changes: 0, errors: [] };
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    out.errors.push({ line, message: "The file is not readable as CSV (check quotes and the number of columns)" });
    return out;
  }
  if (records.length > CSV_IMPORT_MAX_ROWS) {
    out.errors.push({ line: 1, message: `At most ${CSV_IMPORT_MAX_ROWS} rows per import` });
    return out;
  }
  const header = records.length ? Object.keys(records[0].record) : [];
  for (const required of ["kind", "id", "service"])
    if (records.length && !header.includes(required))
      out.errors.push({ line: 1, message: `Missing column ${required}` });
  if (out.errors.length) return out;
  const seen = new Map<string, number>();
  for (const { record: r, info } of records) {
    const line = info.lines;
    const problems: string[] = [];
    const kind = (r.kind ?? "").toLowerCase();
    const service = repoKey(r.service ?? "");
    const id = r.id ?? "";
    if (!id) problems.push("id is empty");
    if (!service) problems.push("service is empty");
    const key = `${kind}\u0000${service}\u0000${id}`;
    if (id && service && seen.has(key)) problems.push(`the same ${kind} as line ${seen.get(key)}`);
    seen.set(key, line);
    if (kind === "deployment") {
      const status = (r.status || "success").toLowerCase();
      if (status !== "success" && status !== "failure") problems.push("status must be success or failure");
      const finishedAt = time(r.finished_at, "finished_at", problems);
      const startedAt = time(r.started_at, "started_at", problems) ?? finishedAt;
      if (!r.finished_at) problems.push("finished_at is empty");
      if (startedAt && finishedAt && startedAt > finishedAt) problems.push("started_at is after finished_at");
      const rollback = BOOLEANS[(r.rollback ?? "").toLowerCase()];
      if (rollback === undefined) problems.push("rollback must be true or false");
      const commitTimes = (r.commit_times ?? "")
        .split(";")
        .map((t) => t.trim())
        .filter(Boolean)
        .map((t) => time(t, "commit_times", problems));
      if (startedAt && commitTimes.some((t) => t && t > startedAt))
        problems.push("a commit time is after the deployment started");
      if (problems.length || !startedAt || !finishedAt) {
        out.errors.push({ line, message: problems.join("; ") });
        continue;
      }
      const environment = r.environment || "production";
      out.events.deployments.push({
        origin: "csv",
        externalId: id,
        repo: service,
        environment,
        production: isProductionEnvironment(environment),
        status: status as "success" | "failure",
        sha: commitTimes.length ? `csv:${id}:${commitTimes.length - 1}` : null,
        startedAt,
        finishedAt,
        rollback: Boolean(rollback),
      });
      // The deployment's own commits: they reached the default branch no later than it started.
      commitTimes.forEach((t, i) =>
        out.events.changes.push({ repo: service, sha: `csv:${id}:${i}`, committedAt: t!, pushedAt: startedAt }),
      );
      out.deployments++;
      out.changes += commitTimes.length;
    } else if (kind === "incident") {
      const openedAt = time(r.opened_at, "opened_at", problems);
      const resolvedAt = time(r.resolved_at, "resolved_at", problems);
      if (!r.opened_at) problems.push("opened_at is empty");
      if (openedAt && resolvedAt && resolvedAt < openedAt) problems.push("resolved_at is before opened_at");
      if (problems.length || !openedAt) {
        out.errors.push({ line, message: problems.join("; ") });
        continue;
      }
      out.events.incidents.push({
        origin: "csv",
        externalId: id,
        repo: service,
        openedAt,
        resolvedAt,
        updatedAt: resolvedAt ?? openedAt,
      });
      out.incidents++;
    } else {
      out.errors.push({ line, message: [`kind must be deployment or incident`, ...problems].join("; ") });
    }
  }
  return out;
}
