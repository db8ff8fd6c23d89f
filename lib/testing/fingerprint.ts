import { sql } from "drizzle-orm";
import { selectRows, type DbClient } from "@/lib/db/client";

/** Row count and an md5 over the sorted rows of every table in the public schema. */
export type DatabaseFingerprint = Record<string, { rows: number; md5: string }>;

const tableCache = new WeakMap<object, string[]>();

async function listTables(db: DbClient): Promise<string[]> {
  const cached = tableCache.get(db);
  if (cached) return cached;
  const rows = await selectRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const tables = rows.map((r) => r.table_name);
  tableCache.set(db, tables);
  return tables;
}

/**
 * Fingerprints the whole database in one query, for "a rejected request stored nothing" checks. Every
 * column takes part (through the row's text form), so any insert, update or delete changes it. Meant
 * for small fixtures: it reads every row.
 */
export async function fingerprintDatabase(
  db: DbClient,
  { exclude = [] }: { exclude?: string[] } = {},
): Promise<DatabaseFingerprint> {
  const tables = (await listTables(db)).filter((t) => !exclude.includes(t));
  const parts = tables.map((t) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(t)) throw new Error(`Unexpected table name ${t}`);
    return `select '${t}' as t, count(*)::int as n, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as h from "${t}" x`;
  });
  const rows = await selectRows<{ t: string; n: number; h: string }>(db, sql.raw(parts.join(" union all ")));
  return Object.fromEntries(rows.map((r) => [r.t, { rows: Number(r.n), md5: r.h }]));
}

/** Tables whose fingerprint differs, for a readable assertion message. */
export function changedTables(before: DatabaseFingerprint, after: DatabaseFingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((t) => before[t]?.rows !== after[t]?.rows || before[t]?.md5 !== after[t]?.md5).sort();
}
