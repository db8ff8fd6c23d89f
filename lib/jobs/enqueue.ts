import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDatabaseHandle, selectRows, type DbClient, type RawSql } from "@/lib/db/client";
import { getJobClient, startedJobClient } from "./boss";
import { jobKinds, type JobKind, type JobPayload } from "./registry";

export type EnqueueOptions = {
  /** Not before this time (a survey's open date). pg-boss keeps the job in the database until then. */
  startAfter?: Date;
  /**
   * At most one unfinished job of this kind per key (queues are "stately": one queued + one running).
   * A second enqueue with the key while one waits gives null; see findUnfinishedJob to join it.
   */
  singletonKey?: string;
  /**
   * Send inside this transaction: the job exists exactly when the transaction commits (a survey closed
   * and its follow-up jobs, or neither). Call `await getJobClient()` before opening the transaction.
   */
  tx?: DbClient;
};

/** Queues a job; its payload is checked against the kind's schema. The job's id, or null when deduplicated. */
export async function enqueue<K extends JobKind>(
  kind: K,
  payload: JobPayload<K>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const data = jobKinds[kind].payload.parse(payload) as object;
  if (jobKinds[kind].policy === "stately" && !options.singletonKey) throw new Error(`${kind} jobs need a singletonKey`);
  const sendOptions = {
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
  };
  if (!options.tx) return (await getJobClient()).send(kind, data, sendOptions);
  const boss = startedJobClient(await getDatabaseHandle());
  if (!boss) throw new Error("Jobs are not started: await getJobClient() before opening the transaction");
  return boss.send(kind, data, { ...sendOptions, db: inTransactionSql(options.tx) });
}

/** pg-boss's statement (positional $n parameters) run through drizzle inside a caller's transaction. */
function inTransactionSql(tx: DbClient): RawSql {
  return {
    executeSql: async (text, values = []) => {
      const chunks: SQL[] = [];
      let last = 0;
      for (const match of text.matchAll(/\$(\d+)/g)) {
        chunks.push(sql.raw(text.slice(last, match.index)), sql`${toParam(values[Number(match[1]) - 1])}`);
        last = match.index + match[0].length;
      }
      chunks.push(sql.raw(text.slice(last)));
      return { rows: await selectRows(tx, sql.join(chunks)) };
    },
  };
}

// As node-postgres would send them (pg-boss's SQL casts its parameters itself).
function toParam(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/** Starts this process's job client if needed; call it before a transaction that will enqueue. */
export async function jobsReady(): Promise<void> {
  await getJobClient();
}
