import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type DbClient } from "@/lib/db/client";
import { workspaceSettings, type WorkspaceSettings } from "@/lib/db/schema";
import type { UpdateSettingsInput } from "./schemas";

/** The workspace row, created with defaults (k = 5) the first time it is read. */
export async function getWorkspaceSettings(tx?: DbClient): Promise<WorkspaceSettings> {
  const client = tx ?? (await getDb());
  const [row] = await client.select().from(workspaceSettings).where(eq(workspaceSettings.id, 1));
  if (row) return row;
  const [created] = await client.insert(workspaceSettings).values({ id: 1 }).onConflictDoNothing().returning();
  return created ?? (await client.select().from(workspaceSettings).where(eq(workspaceSettings.id, 1)))[0];
}

export async function updateWorkspaceSettings(input: UpdateSettingsInput): Promise<WorkspaceSettings> {
  const db = await getDb();
  await getWorkspaceSettings(db);
  const [row] = await db.update(workspaceSettings).set(input).where(eq(workspaceSettings.id, 1)).returning();
  return row;
}
