import "server-only";
import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { loginThrottle } from "@/lib/db/schema";

/** The latest time any of the keys is blocked until, if later than now. */
export async function getSignInBlock({ keys, now }: { keys: string[]; now: Date }): Promise<Date | null> {
  const db = await getDb();
  const rows = await db
    .select({ blockedUntil: loginThrottle.blockedUntil })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), gt(loginThrottle.blockedUntil, now)));
  const until = rows.map((r) => r.blockedUntil!.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

/** Counts one failure against a key and returns the consecutive failures, forgetting stale ones. */
export async function recordSignInFailure({
  key,
  now,
  forgetBefore,
}: {
  key: string;
  now: Date;
  forgetBefore: Date;
}): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        // Dates inside raw SQL go as ISO text: postgres.js (unlike PGlite) will not bind a Date there.
        failures: sql`case when ${loginThrottle.updatedAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
        updatedAt: now,
      },
    })
    .returning({ failures: loginThrottle.failures });
  return row.failures;
}

export async function blockSignIn({ key, until }: { key: string; until: Date }): Promise<void> {
  const db = await getDb();
  await db.update(loginThrottle).set({ blockedUntil: until }).where(eq(loginThrottle.key, key));
}

export async function clearSignInFailures({ key }: { key: string }): Promise<void> {
  const db = await getDb();
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/** Drops counters nobody has failed against for a while, so the table holds only recent keys. */
export async function pruneSignInThrottle({ forgetBefore }: { forgetBefore: Date }): Promise<void> {
  const db = await getDb();
  await db
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.updatedAt, forgetBefore),
        sql`coalesce(${loginThrottle.blockedUntil} < ${forgetBefore.toISOString()}::timestamptz, true)`,
      ),
    );
}
