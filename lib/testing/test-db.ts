import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, setDatabaseHandleForTests, type DatabaseHandle } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * Gives the calling test file its own migrated database: PGlite in memory by default, or a fresh
 * database on the PostgreSQL server at TEST_DATABASE_URL when TEST_ENGINE=postgres. Real engines only.
 */
export function withTestDatabase(): { handle: () => DatabaseHandle; url: () => string | undefined } {
  let handle: DatabaseHandle | undefined;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (env.TEST_ENGINE === "postgres") {
      if (!env.TEST_DATABASE_URL) throw new Error("TEST_ENGINE=postgres needs TEST_DATABASE_URL");
      const { default: postgres } = await import("postgres");
      const admin = postgres(env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      const name = `dxp_test_${randomBytes(5).toString("hex")}`;
      await admin.unsafe(`create database ${name}`);
      const url = new URL(env.TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      handle = await openDatabase({ url: databaseUrl });
      dropDatabase = async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
    } else {
      handle = await openDatabase({ dataDir: "memory://" });
    }
    setDatabaseHandleForTests(handle);
  });

  afterAll(async () => {
    setDatabaseHandleForTests(undefined);
    await handle?.close();
    await dropDatabase?.();
  });

  return {
    handle: () => {
      if (!handle) throw new Error("The test database is opened in beforeAll");
      return handle;
    },
    /** The throwaway database's URL on PostgreSQL (a second instance can connect to it); undefined on PGlite. */
    url: () => databaseUrl,
  };
}
