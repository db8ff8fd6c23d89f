import { getTableName, sql, type Table } from "drizzle-orm";
import type { DbClient } from "./client";

/**
 * Refreshes the query planner's statistics after a bulk write (all tables when none are named).
 * PostgreSQL's autovacuum does this eventually; the embedded PGlite runs no autovacuum at all, so a
 * table it has never analysed looks nearly empty to the planner, which then joins 20,000 theme
 * memberships by nested loops: a backlog CSV took 26 s and opening a theme 3.4 s at 20k answers,
 * against 0.5 s and 0.3 s once analysed. ANALYZE samples, so it costs a fraction of the write.
 */
export async function refreshPlannerStatistics(client: DbClient, tables: Table[] = []): Promise<void> {
  await client.execute(
    tables.length === 0
      ? sql`analyze`
      : sql`analyze ${sql.join(
          tables.map((t) => sql.identifier(getTableName(t))),
          sql`, `,
        )}`,
  );
}
