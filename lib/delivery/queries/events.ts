import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, inTransaction, selectRows, type DbClient } from "@/lib/db/client";
import { deliveryChanges, deliveryDeployments, deliveryIncidents, deliveryReceipts } from "@/lib/db/schema";
import type { NormalizedEvents } from "../events";
import { mergeEvents } from "../merge-events";

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters at 11 columns a row.
const ROWS_PER_STATEMENT = 2000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/**
 * Stores normalised events, merging with what is stored by the rules of ../merge-events.ts:
 * a commit keeps its earliest times, a deployment's "pending" never undoes its success or failure,
 * an incident takes the newest state its source reported and is forgotten when withdrawn.
 */
export async function storeDeliveryEvents(events: NormalizedEvents, tx?: DbClient): Promise<void> {
  const merged = mergeEvents(events);
  await inTransaction(tx, async (db) => {
    for (const rows of chunks(merged.changes))
      await db
        .insert(deliveryChanges)
        .values(rows)
        .onConflictDoUpdate({
          target: [deliveryChanges.repo, deliveryChanges.sha],
          set: {
            committedAt: sql`least(${deliveryChanges.committedAt}, excluded.committed_at)`,
            pushedAt: sql`least(${deliveryChanges.pushedAt}, excluded.pushed_at)`,
          },
        });
    for (const rows of chunks(merged.deployments))
      await db
        .insert(deliveryDeployments)
        .values(rows)
        .onConflictDoUpdate({
          target: [deliveryDeployments.origin, deliveryDeployments.repo, deliveryDeployments.externalId],
          set: {
            environment: sql`excluded.environment`,
            production: sql`excluded.production`,
            sha: sql`coalesce(excluded.sha, ${deliveryDeployments.sha})`,
            startedAt: sql`least(${deliveryDeployments.startedAt}, excluded.started_at)`,
            status: sql`case when excluded.status = 'pending' then ${deliveryDeployments.status} else excluded.status end`,
            finishedAt: sql`case when excluded.status = 'pending' then ${deliveryDeployments.finishedAt} else excluded.finished_at end`,
            rollback: sql`${deliveryDeployments.rollback} or excluded.rollback`,
          },
        });
    const incidents = merged.incidents.filter((i) => !i.withdrawn);
    for (const rows of chunks(incidents))
      await db
        .insert(deliveryIncidents)
        .values(rows.map(({ updatedAt, withdrawn: _withdrawn, ...i }) => ({ ...i, sourceUpdatedAt: updatedAt })))
        .onConflictDoUpdate({
          target: [deliveryIncidents.origin, deliveryIncidents.repo, deliveryIncidents.externalId],
          set: {
            openedAt: sql`excluded.opened_at`,
            resolvedAt: sql`excluded.resolved_at`,
            sourceUpdatedAt: sql`excluded.source_updated_at`,
          },
          setWhere: sql`excluded.source_updated_at >= ${deliveryIncidents.sourceUpdatedAt}`,
        });
    for (const i of merged.incidents.filter((x) => x.withdrawn))
      await db
        .delete(deliveryIncidents)
        .where(
          and(
            eq(deliveryIncidents.origin, i.origin),
            eq(deliveryIncidents.repo, i.repo),
            eq(deliveryIncidents.externalId, i.externalId),
          ),
        );
  });
}

/**
 * Takes a delivery id for a source: true the first time, false for a delivery already stored. Call
 * it in the transaction that stores the delivery's events, so a failed store frees the id for a retry.
 */
export async function claimDelivery({ sourceId, deliveryId }: { sourceId: string; deliveryId: string }, tx: DbClient) {
  const rows = await tx
    .insert(deliveryReceipts)
    .values({ sourceId, deliveryId })
    .onConflictDoNothing()
    .returning({ deliveryId: deliveryReceipts.deliveryId });
  return rows.length === 1;
}

/** How many of each kind are stored, and how many deliveries were taken (tests and the settings page). */
export async function countDeliveryEvents(client?: DbClient) {
  const db = client ?? (await getDb());
  const [row] = await selectRows<{ changes: number; deployments: number; incidents: number; receipts: number }>(
    db,
    sql`select (select count(*) from delivery_changes)::int as changes,
          (select count(*) from delivery_deployments)::int as deployments,
          (select count(*) from delivery_incidents)::int as incidents,
          (select count(*) from delivery_receipts)::int as receipts`,
  );
  return {
    changes: Number(row.changes),
    deployments: Number(row.deployments),
    incidents: Number(row.incidents),
    receipts: Number(row.receipts),
  };
}
