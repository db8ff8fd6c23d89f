import "server-only";
import { asc, eq, isNull, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
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
import { periodOfDate } from "@/lib/period";
import {
  onPlatformIn,
  periodsChangingGroup,
  surveysExposedByMove,
  withPlatformChange,
  type TeamSurveyResponses,
} from "./platform-history";
import type {
  CreateDimensionInput,
  CreateTeamInput,
  UpdateDimensionInput,
  UpdateSettingsInput,
  UpdateTeamInput,
} from "./schemas";

/** The workspace row, created with defaults (k = 5) the first time it is read. */
export async function getWorkspaceSettings(tx?: DbClient): Promise<WorkspaceSettings> {
  const client = tx ?? (await getDb());
  const [row] = await client.select().from(workspaceSettings).where(eq(workspaceSettings.id, 1));
  if (row) return row;
  const [created] = await client.insert(workspaceSettings).values({ id: 1 }).onConflictDoNothing().returning();
  return created ?? (await client.select().from(workspaceSettings).where(eq(workspaceSettings.id, 1)))[0];
}

export async function updateWorkspaceSettings(
  input: UpdateSettingsInput,
  actor: AuditActor = null,
): Promise<WorkspaceSettings> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await getWorkspaceSettings(tx);
    const [row] = await tx.update(workspaceSettings).set(input).where(eq(workspaceSettings.id, 1)).returning();
    if (row.anonymityThreshold !== before.anonymityThreshold) {
      await recordAudit(
        {
          actor,
          action: "settings.anonymity_threshold",
          subject: "Workspace",
          detail: { from: before.anonymityThreshold, to: row.anonymityThreshold },
        },
        tx,
      );
    }
    return row;
  });
}

// ── Teams ────────────────────────────────────────────────────────────────────────────────────

export type TeamWithHistory = Team & { platformChanges: { effectivePeriod: string; onPlatform: boolean }[] };

export async function listTeams({ includeArchived = true }: { includeArchived?: boolean } = {}): Promise<
  TeamWithHistory[]
> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(teams)
    .where(includeArchived ? undefined : isNull(teams.archivedAt))
    .orderBy(asc(sql`${teams.archivedAt} is not null`), asc(teams.name));
  const changes = await db.select().from(teamPlatformChanges).orderBy(asc(teamPlatformChanges.effectivePeriod));
  return rows.map((t) => ({
    ...t,
    platformChanges: changes
      .filter((c) => c.teamId === t.id)
      .map((c) => ({ effectivePeriod: c.effectivePeriod, onPlatform: c.onPlatform })),
  }));
}

function teamNameTaken(error: unknown): never {
  if (pgErrorCode(error) === "23505")
    throw new AppError("conflict", "A team with this name already exists", {
      name: ["A team with this name already exists"],
    });
  throw error;
}

export async function createTeam({
  input,
  today = new Date(),
  actor = null,
}: {
  input: CreateTeamInput;
  today?: Date;
  actor?: AuditActor;
}): Promise<Team> {
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
      await recordAudit(
        {
          actor,
          action: "team.create",
          subject: team.name,
          detail: { teamId: team.id, onPlatform: input.onPlatform, effectivePeriod },
        },
        tx,
      );
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

/** The team's responses per survey; only compared with k here, never returned to a client. */
async function teamSurveyResponses(client: DbClient, teamId: string): Promise<TeamSurveyResponses[]> {
  const rows = await selectRows<{ survey_id: string; title: string; period: string; respondents: number }>(
    client,
    sql`select s.id as survey_id, s.title, s.period, count(*)::int as respondents
        from responses r join surveys s on s.id = r.survey_id
        where r.team_id = ${teamId} group by s.id, s.title, s.period order by s.period, s.title`,
  );
  return rows.map((r) => ({
    surveyId: r.survey_id,
    title: r.title,
    period: r.period,
    respondents: Number(r.respondents),
  }));
}

/**
 * Refuses an adoption edit that would move between 1 and k − 1 of the team's respondents in some
 * survey from one adoption group to the other: the adoption view before and after would differ by
 * exactly those people's answers. Quarters without the team's responses can always change.
 */
async function assertAdoptionEditIsSafe(
  client: DbClient,
  input: { team: Team; change: { effectivePeriod: string; onPlatform: boolean }; today: string; field: string },
): Promise<string[]> {
  const changes = await client.select().from(teamPlatformChanges).where(eq(teamPlatformChanges.teamId, input.team.id));
  const before = { changes, current: input.team.onPlatform };
  const after = withPlatformChange(before, input.change, input.today);
  const surveys = await teamSurveyResponses(client, input.team.id);
  const moved = periodsChangingGroup(before, after, [...new Set(surveys.map((s) => s.period))]);
  const { anonymityThreshold: k } = await getWorkspaceSettings(client);
  const exposed = surveysExposedByMove({ surveys, periods: moved, k });
  if (exposed.length) {
    const quarters = [...new Set(exposed.map((s) => s.period))].join(", ");
    const message =
      `This would move ${input.team.name}'s answers in ${quarters} to the other adoption group. Fewer than ${k} people from the team answered ` +
      `there, so comparing the adoption results before and after would show how they answered. Record the change from a quarter without their responses.`;
    throw new AppError("validation", message, { [input.field]: [message] });
  }
  return moved;
}

export async function updateTeam({
  id,
  input,
  today = new Date(),
  actor = null,
}: {
  id: string;
  input: UpdateTeamInput;
  today?: Date;
  actor?: AuditActor;
}): Promise<Team> {
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
      if (input.archived !== undefined && input.archived !== (current.archivedAt !== null)) {
        await recordAudit(
          {
            actor,
            action: input.archived ? "team.archive" : "team.restore",
            subject: patch.name ?? current.name,
            detail: { teamId: id },
          },
          tx,
        );
      }
      if (input.onPlatform !== undefined) {
        const effectivePeriod = input.effectivePeriod ?? periodOfDate(today);
        const change = { effectivePeriod, onPlatform: input.onPlatform };
        const field = input.effectivePeriod !== undefined ? "effectivePeriod" : "onPlatform";
        const movedPeriods = await assertAdoptionEditIsSafe(tx, {
          team: current,
          change,
          today: periodOfDate(today),
          field,
        });
        await tx
          .insert(teamPlatformChanges)
          .values({ teamId: id, ...change })
          .onConflictDoUpdate({
            target: [teamPlatformChanges.teamId, teamPlatformChanges.effectivePeriod],
            set: { onPlatform: input.onPlatform },
          });
        await recordAudit(
          {
            actor,
            action: "team.platform",
            subject: patch.name ?? current.name,
            detail: { teamId: id, ...change, movedPeriods },
          },
          tx,
        );
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

/**
 * Deletes a team added by mistake. A team with responses or friction reports is refused: its people
 * would fall into "no team", and comparing views before and after would isolate them. Archive it.
 */
export async function deleteTeam({ id, actor = null }: { id: string; actor?: AuditActor }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, id)).for("update");
    if (!team) throw notFound("Team");
    const [used] = await selectRows<{ used: boolean }>(
      tx,
      sql`select exists (select 1 from responses where team_id = ${id}) or exists (select 1 from friction_entries where team_id = ${id}) as used`,
    );
    if (used.used) {
      throw new AppError(
        "conflict",
        `${team.name} has answers, which would move to “no team” and could be told apart. Archive the team instead.`,
      );
    }
    await tx.delete(teams).where(eq(teams.id, id));
    await recordAudit({ actor, action: "team.delete", subject: team.name, detail: { teamId: id } }, tx);
  });
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
  const [row] = await db
    .insert(customDimensions)
    .values({ key, name: input.name, description: input.description })
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw new AppError("conflict", "A dimension with this name already exists", {
      name: ["A dimension with this name already exists"],
    });
  return row;
}

export async function updateCustomDimension({
  id,
  input,
}: {
  id: string;
  input: UpdateDimensionInput;
}): Promise<CustomDimension> {
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
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(questions)
      .where(eq(questions.dimension, dim.key));
    if (Number(n) > 0)
      throw new AppError(
        "conflict",
        `${Number(n)} question(s) are tagged with “${dim.name}”; rename it instead of deleting`,
      );
    await tx.delete(customDimensions).where(eq(customDimensions.id, id));
  });
}
