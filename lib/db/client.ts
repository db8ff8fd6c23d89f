import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { PgPreparedQuery, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import type postgresJs from "postgres";
import { env, isBuildPhase } from "@/lib/env";
import { toDatabaseError } from "./query-errors";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Write helpers take `tx ?? db`: either the shared database or an open transaction. */
export type DbClient = Database | Transaction;

/**
 * The driver underneath drizzle, for pg-boss (lib/jobs), which sends its own SQL: `values` are
 * positional ($1…), and a text without values may hold several statements (pg-boss's schema and
 * maintenance commands are BEGIN; …; COMMIT; scripts).
 */
export type RawSql = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: any[] }> };

export type DatabaseHandle = {
  db: Database;
  engine: "pglite" | "postgres";
  close: () => Promise<void>;
  raw: RawSql;
  /**
   * Runs `work` while holding a PostgreSQL advisory lock on one reserved connection, so instances
   * starting together take turns (PGlite has one process and one connection: it just runs).
   */
  exclusively: <T>(lockId: number, work: () => Promise<T>) => Promise<T>;
};

// Every statement drizzle runs on either driver passes through PgPreparedQuery.queryWithCache, which
// wraps a failure in a DrizzleQueryError whose message lists the statement's parameters (answers,
// free text). Rethrown without them (lib/db/query-errors.ts), so no log, ours or Next.js's, gets them.
type QueryWithCache = (statement: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;
const prepared = PgPreparedQuery.prototype as unknown as { queryWithCache: QueryWithCache & { scrubbed?: true } };
if (!prepared.queryWithCache.scrubbed) {
  const original = prepared.queryWithCache;
  prepared.queryWithCache = Object.assign(
    async function (this: unknown, statement: string, params: unknown[], query: () => Promise<unknown>) {
      try {
        return await original.call(this, statement, params, query);
      } catch (error) {
        throw toDatabaseError(error, statement);
      }
    },
    { scrubbed: true as const },
  );
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
// Any constant works; it only has to be the same for every instance migrating one database.
const MIGRATION_LOCK_ID = 727_274_001;

/** Opens PostgreSQL when a URL is given, otherwise PGlite (in memory when dataDir is "memory://"). */
export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  migrate?: boolean;
}): Promise<DatabaseHandle> {
  const handle = opts.url ? await openPostgres(opts.url) : await openPglite(opts.dataDir ?? env.PGLITE_DATA_DIR);
  if (opts.migrate !== false) await runMigrations(handle, opts.url);
  return handle;
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // onnotice and debug stay off: notices and debug output can quote statement values.
  // While the server is down, fail fast (a clear 503) and reconnect quickly, instead of
  // postgres.js's default exponential backoff that holds requests for up to 20 s.
  const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 5, backoff: () => 0.25 });
  return {
    db: drizzle(preparing(client), { schema }) as unknown as Database,
    engine: "postgres",
    close: () => client.end({ timeout: 5 }),
    raw: { executeSql: (text, values) => executePostgres(client, text, values) },
    exclusively: async (lockId, work) => {
      const connection = await client.reserve();
      try {
        await connection`select pg_advisory_lock(${lockId})`;
        return await work();
      } finally {
        await connection`select pg_advisory_unlock(${lockId})`.catch(() => {});
        connection.release();
      }
    },
  };
}

/**
 * drizzle sends every query through postgres.js's `unsafe()` unprepared, which costs two round trips
 * per query (Parse/Describe, then Bind/Execute). Prepared, each distinct statement is parsed once
 * per connection and every later run is one round trip. postgres.js keeps them per connection, and
 * connections are recycled (max_lifetime), so the set stays small. A connection pooler in front
 * of PostgreSQL must support prepared statements (PgBouncer 1.21+ with max_prepared_statements).
 */
function preparing<T extends Pick<postgresJs.Sql, "unsafe">>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, params?: unknown[], options?: object) =>
          target.unsafe(query, params as never, { ...options, prepare: true });
      }
      // Transactions and savepoints hand drizzle a client of their own: prepare there too.
      if (property === "begin" || property === "savepoint") {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const body = args.pop() as (tx: postgresJs.Sql) => unknown;
          return open.call(target, ...args, (tx: postgresJs.Sql) => body(preparing(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let client: InstanceType<typeof PGlite>;
  if (dataDir.startsWith("memory://")) client = new PGlite();
  else {
    mkdirSync(path.resolve(dataDir), { recursive: true });
    client = new PGlite(path.resolve(dataDir));
  }
  await client.waitReady;
  return {
    db: drizzle(client, { schema }) as unknown as Database,
    engine: "pglite",
    close: () => client.close(),
    raw: { executeSql: (text, values) => executePglite(client, text, values) },
    exclusively: (_lockId, work) => work(),
  };
}

type PgliteClient = InstanceType<(typeof import("@electric-sql/pglite"))["PGlite"]>;

async function executePglite(client: PgliteClient, text: string, values?: unknown[]) {
  if (values?.length) return { rows: (await client.query(text, values.map(toDriverValue))).rows as any[] };
  try {
    const results = await client.exec(text);
    return { rows: (results.at(-1)?.rows ?? []) as any[] };
  } catch (error) {
    // A failed BEGIN; …; COMMIT; script leaves its transaction open on the one shared connection.
    if (client.isInTransaction()) await client.exec("rollback");
    throw error;
  }
}

async function executePostgres(client: postgresJs.Sql, text: string, values?: unknown[]) {
  if (values?.length) return { rows: [...(await client.unsafe(text, values.map(toDriverValue) as never[]))] };
  // A script runs on a connection of its own, so a failure part-way can be rolled back on that
  // connection before it returns to the pool.
  const connection = await client.reserve();
  try {
    const result = (await connection.unsafe(text)) as unknown as any[];
    // Several statements answer with one result per statement; one statement with its rows.
    const last = Array.isArray(result[0]) ? result.at(-1) : result;
    return { rows: [...(last ?? [])] };
  } catch (error) {
    await connection.unsafe("rollback").catch(() => {});
    throw error;
  } finally {
    connection.release();
  }
}

/** Values as node-postgres would send them, which pg-boss's SQL is written for. */
function toDriverValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map((v) => JSON.stringify(String(v))).join(",")}}`;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

async function runMigrations(handle: DatabaseHandle, url?: string) {
  if (handle.engine === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // Several app instances may start together: one migrates while the others wait on the lock.
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}

/** Runs `work` in the caller's transaction when given one, otherwise in a new transaction. */
export async function inTransaction<T>(tx: DbClient | undefined, work: (client: DbClient) => Promise<T>): Promise<T> {
  if (tx) return work(tx);
  return (await getDb()).transaction((t) => work(t));
}

/** Rows of a raw SQL query, the same shape on both drivers. */
export async function selectRows<T>(client: DbClient, query: SQL): Promise<T[]> {
  const result = (await client.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

// One handle per process, shared across Next.js bundles (instrumentation, pages, route handlers)
// through globalThis: two PGlite instances on one data folder would corrupt it.
const globalForDb = globalThis as unknown as { __dxPulseDb?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (isBuildPhase) throw new Error("The database is not available while `next build` runs.");
  // Opens and migrates only; start-up maintenance and the demo seed run from instrumentation.ts.
  globalForDb.__dxPulseDb ??= openDatabase({ url: env.DATABASE_URL }).catch((error) => {
    globalForDb.__dxPulseDb = undefined;
    throw error;
  });
  return globalForDb.__dxPulseDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Tests swap in their own database (PGlite in memory or a fresh PostgreSQL database). */
export function setDatabaseHandleForTests(handle: DatabaseHandle | undefined) {
  globalForDb.__dxPulseDb = handle ? Promise.resolve(handle) : undefined;
}

export async function pingDatabase(): Promise<{ ok: boolean; engine?: string; error?: string }> {
  try {
    const handle = await getDatabaseHandle();
    await handle.db.execute(sql`select 1`);
    return { ok: true, engine: handle.engine };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
