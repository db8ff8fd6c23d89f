import "server-only";
import { asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type DbClient } from "@/lib/db/client";
import {
  customDimensions,
  questions,
  teamPlatformChanges,
  teams,
  workspaceSettings,
  type CustomDimension,
  type Team,
  type WorkspaceSettings,
} from "@/lib/db/schema";
import { AppError, notFound, pgErrorCode } from "@/lib/errors";
import { builtInDimensions, customDimensionKey } from "@/lib/surveys/dimensions";
import { periodOfDate } from "@/lib/surveys/period";
import { onPlatformIn } from "./platform-history";
import type { CreateDimensionInput, CreateTeamInput, UpdateDimensionInput, UpdateSettingsInput, UpdateTeamInput } from "./schemas";

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

// ── Teams ────────────────────────────────────────────────────────────────────────────────────

export type TeamWithHistory = Team & { platformChanges: { effectivePeriod: string; onPlatform: boolean }[] };

export async function listTeams({ includeArchived = true }: { includeArchived?: boolean } = {}): Promise<TeamWithHistory[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(teams)
    .where(includeArchived ? undefined : isNull(teams.archivedAt))
    .orderBy(asc(sql`${teams.archivedAt} is not null`), asc(teams.name));
  const changes = await db.select().from(teamPlatformChanges).orderBy(asc(teamPlatformChanges.effectivePeriod));
  return rows.map((t) => ({
    ...t,
    platformChanges: changes.filter((c) => c.teamId === t.id).map((c) => ({ effectivePeriod: c.effectivePeriod, onPlatform: c.onPlatform })),
  }));
}

function teamNameTaken(error: unknown): never {
  if (pgErrorCode(error) === "23505") throw new AppError("conflict", "A team with this name already exists", { name: ["A team with this name already exists"] });
  throw error;
}

export async function createTeam({ input, today = new Date() }: { input: CreateTeamInput; today?: Date }): Promise<Team> {
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const effectivePeriod = input.effectivePeriod ?? periodOfDate(today);
      const holdsNow = effectivePeriod <= periodOfDate(today);
      const [team] = await tx
        .insert(teams)
        .values({ name: input.name, headcount: input.headcount, onPlatform: holdsNow ? input.onPlatform : false })
        .returning();
      await tx.insert(teamPlatformChanges).values({ teamId: team.id, effectivePeriod, onPlatform: input.onPlatform });
      return refreshCurrentFlag(tx, team.id, today);
    })
    .catch(teamNameTaken);
}

/** teams.on_platform mirrors the change that holds in the current quarter (a future-dated change waits). */
async function refreshCurrentFlag(client: DbClient, teamId: string, today: Date): Promise<Team> {
  const changes = await client.select().from(teamPlatformChanges).where(eq(teamPlatformChanges.teamId, teamId));
  const [current] = await client.select().from(teams).where(eq(teams.id, teamId));
  const flag = onPlatformIn(changes, periodOfDate(today), current.onPlatform);
  if (flag === current.onPlatform) return current;
  const [row] = await client.update(teams).set({ onPlatform: flag }).where(eq(teams.id, teamId)).returning();
  return row;
}

export async function updateTeam({ id, input, today = new Date() }: { id: string; input: UpdateTeamInput; today?: Date }): Promise<Team> {
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const [current] = await tx.select().from(teams).where(eq(teams.id, id)).for("update");
      if (!current) throw notFound("Team");
      const patch: Partial<typeof teams.$inferInsert> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.headcount !== undefined) patch.headcount = input.headcount;
      if (input.archived !== undefined) patch.archivedAt = input.archived ? (current.archivedAt ?? new Date()) : null;
      if (Object.keys(patch).length) await tx.update(teams).set(patch).where(eq(teams.id, id));
      if (input.onPlatform !== undefined) {
        const effectivePeriod = input.effectivePeriod ?? periodOfDate(today);
        await tx
          .insert(teamPlatformChanges)
          .values({ teamId: id, effectivePeriod, onPlatform: input.onPlatform })
          .onConflictDoUpdate({ target: [teamPlatformChanges.teamId, teamPlatformChanges.effectivePeriod], set: { onPlatform: input.onPlatform } });
        if (effectivePeriod <= periodOfDate(today)) {
          // The newest change at or before today decides the current flag.
          return refreshCurrentFlag(tx, id, today);
        }
      }
      const [row] = await tx.select().from(teams).where(eq(teams.id, id));
      return row;
    })
    .catch(teamNameTaken);
}

// ── Dimensions ──────────────────────────────────────────────────────────────────────────────

export async function listCustomDimensions(tx?: DbClient): Promise<CustomDimension[]> {
  const client = tx ?? (await getDb());
  return client.select().from(customDimensions).orderBy(asc(customDimensions.name));
}

/** Every dimension key a question may be tagged with: the built-in sets and the workspace's own. */
export async function listKnownDimensionKeys(tx?: DbClient): Promise<string[]> {
  return [...builtInDimensions.map((d) => d.key), ...(await listCustomDimensions(tx)).map((d) => d.key)];
}

export async function createCustomDimension({ input }: { input: CreateDimensionInput }): Promise<CustomDimension> {
  const db = await getDb();
  const key = customDimensionKey(input.name);
  const [row] = await db.insert(customDimensions).values({ key, name: input.name, description: input.description }).onConflictDoNothing().returning();
  if (!row) throw new AppError("conflict", "A dimension with this name already exists", { name: ["A dimension with this name already exists"] });
  return row;
}

export async function updateCustomDimension({ id, input }: { id: string; input: UpdateDimensionInput }): Promise<CustomDimension> {
  const db = await getDb();
  // The key stays: questions and trends refer to it.
  const [row] = await db.update(customDimensions).set(input).where(eq(customDimensions.id, id)).returning();
  if (!row) throw notFound("Dimension");
  return row;
}

export async function deleteCustomDimension({ id }: { id: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [dim] = await tx.select().from(customDimensions).where(eq(customDimensions.id, id));
    if (!dim) throw notFound("Dimension");
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(questions).where(eq(questions.dimension, dim.key));
    if (Number(n) > 0) throw new AppError("conflict", `${Number(n)} question(s) are tagged with “${dim.name}”; rename it instead of deleting`);
    await tx.delete(customDimensions).where(eq(customDimensions.id, id));
  });
}
