import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb, inTransaction, type DbClient } from "@/lib/db/client";
import { backlogDashboard } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { pickDashboardScope } from "../dashboard-scope";
import { formatScope } from "../scope";
import { listBacklogScopeOptions } from "./pickers";
import { requireScope } from "./scope-sql";

// The backlog the dashboard's "Top backlog items" shows: an editor's pick, else the widest range of
// quarters analysed (the rule is ../dashboard-scope.ts). Never "whatever was analysed last".

export type DashboardBacklog = {
  scope: string;
  /** When that scope was last analysed (ISO). */
  ranAt: string;
  /** True when an editor picked it; false when it is the default. */
  chosen: boolean;
};

export async function getDashboardBacklog(tx?: DbClient): Promise<DashboardBacklog | null> {
  const client = tx ?? (await getDb());
  const [{ analysed }, [row]] = await Promise.all([
    listBacklogScopeOptions(client),
    client.select({ scope: backlogDashboard.scope }).from(backlogDashboard).where(eq(backlogDashboard.id, 1)),
  ]);
  const picked = pickDashboardScope(row?.scope ?? null, analysed);
  return picked ? { scope: picked.scope, ranAt: picked.ranAt, chosen: picked.scope === row?.scope } : null;
}

/** An editor picks the backlog the dashboard shows; it must have been analysed. */
export async function setDashboardBacklog(
  input: { scope: string; actor?: AuditActor },
  tx?: DbClient,
): Promise<DashboardBacklog> {
  return inTransaction(tx, async (client) => {
    const scopeKey = formatScope(requireScope(input.scope));
    const { analysed } = await listBacklogScopeOptions(client);
    const run = analysed.find((a) => a.scope === scopeKey);
    if (!run)
      throw new AppError("validation", "Analyse these answers before showing them on the dashboard", {
        scope: ["Analyse these answers first"],
      });
    const values = { id: 1, scope: scopeKey, chosenBy: input.actor?.id ?? null, chosenAt: new Date() };
    await client
      .insert(backlogDashboard)
      .values(values)
      .onConflictDoUpdate({
        target: backlogDashboard.id,
        set: { scope: sql`excluded.scope`, chosenBy: sql`excluded.chosen_by`, chosenAt: sql`excluded.chosen_at` },
      });
    await recordAudit(
      { actor: input.actor ?? null, action: "backlog.dashboard", subject: scopeKey, detail: { scope: scopeKey } },
      client,
    );
    return { scope: scopeKey, ranAt: run.ranAt, chosen: true };
  });
}
