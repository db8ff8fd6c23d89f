import "server-only";
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb, type DbClient } from "@/lib/db/client";
import { passwordResetTokens, users, workspaceSettings, type Role } from "@/lib/db/schema";
import { AppError, notFound, pgErrorCode } from "@/lib/errors";
import { hashPassword, verifyPassword } from "../password";
import type { CreateUserInput, SetupOwnerInput } from "../schemas";

export type PublicUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  deactivatedAt: Date | null;
  createdAt: Date;
};
const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
};

export async function getUserByEmail({ email }: { email: string }) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return user ?? null;
}

export async function getUserById({ id }: { id: string }): Promise<PublicUser | null> {
  const db = await getDb();
  const [user] = await db.select(publicColumns).from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/**
 * The person behind a session, only while the session is still valid: the account is active and the
 * session carries the account's current session version (sign-out, password changes and
 * deactivation bump it). One primary-key lookup per request. `sessionVersion` undefined skips the
 * version check (integration tests that name a user directly).
 */
export async function getSessionUser({
  id,
  sessionVersion,
}: {
  id: string;
  sessionVersion: number | undefined;
}): Promise<PublicUser | null> {
  const db = await getDb();
  const [user] = await db
    .select(publicColumns)
    .from(users)
    .where(
      and(
        eq(users.id, id),
        isNull(users.deactivatedAt),
        sessionVersion === undefined ? undefined : eq(users.sessionVersion, sessionVersion),
      ),
    )
    .limit(1);
  return user ?? null;
}

/** Whether the person signs in with a password here (false for SSO-only accounts). */
export async function hasPassword({ id }: { id: string }): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ set: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row?.set ?? false;
}

export async function countUsers(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(users);
  return row.n;
}

export async function listUsers(): Promise<PublicUser[]> {
  const db = await getDb();
  return db.select(publicColumns).from(users).orderBy(asc(users.createdAt));
}

export async function createUser(
  input: CreateUserInput & { passwordHash?: string | null },
  tx?: DbClient,
): Promise<PublicUser> {
  const client = tx ?? (await getDb());
  const passwordHash = input.passwordHash !== undefined ? input.passwordHash : await hashPassword(input.password);
  try {
    const [user] = await client
      .insert(users)
      .values({ email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash })
      .returning(publicColumns);
    return user;
  } catch (error) {
    if (pgErrorCode(error) === "23505") {
      throw new AppError("conflict", "A user with this email already exists", {
        email: ["A user with this email already exists"],
      });
    }
    throw error;
  }
}

/** First run: creates the owner and names the workspace, only while no user exists. */
export async function setupOwner(input: SetupOwnerInput): Promise<PublicUser> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Serialises concurrent first-run requests so only one owner is ever created.
    await tx.execute(sql`lock table users in exclusive mode`);
    const [{ n }] = await tx.select({ n: count() }).from(users);
    if (n > 0) throw new AppError("conflict", "This workspace is already set up. Sign in instead.");
    await tx
      .insert(workspaceSettings)
      .values({ id: 1, name: input.workspaceName })
      .onConflictDoUpdate({ target: workspaceSettings.id, set: { name: input.workspaceName } });
    return createUser({ ...input, role: "owner", passwordHash }, tx);
  });
}

/** Finds or creates the account of someone signing in through SSO. */
export async function upsertSsoUser({
  email,
  name,
  role,
}: {
  email: string;
  name: string;
  role: Role;
}): Promise<PublicUser> {
  const existing = await getUserByEmail({ email });
  if (existing) return pickPublic(existing);
  return createUser({ email, name, role, password: "", passwordHash: null });
}

const pickPublic = ({ id, email, name, role, deactivatedAt, createdAt }: PublicUser): PublicUser => ({
  id,
  email,
  name,
  role,
  deactivatedAt,
  createdAt,
});

// The last active owner is protected: without one, nobody could manage people or settings again.
// Locking every active owner's row serialises two owners demoting or deactivating each other at once.
async function assertAnotherActiveOwner(tx: DbClient, leavingId: string) {
  const owners = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "owner"), isNull(users.deactivatedAt)))
    .for("update");
  if (!owners.some((o) => o.id !== leavingId)) {
    throw new AppError("conflict", "The workspace needs at least one active owner. Make someone else an owner first.", {
      role: ["Keep at least one active owner"],
    });
  }
}

/** Reads a person inside a transaction and locks the row until it ends. */
export async function lockUser(tx: DbClient, id: string) {
  const [current] = await tx.select(publicColumns).from(users).where(eq(users.id, id)).for("update");
  if (!current) throw notFound("User");
  return current;
}

export async function updateUserRole({
  id,
  role,
  actor = null,
}: {
  id: string;
  role: Role;
  actor?: AuditActor;
}): Promise<PublicUser> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockUser(tx, id);
    if (current.role === "owner" && role !== "owner" && !current.deactivatedAt) await assertAnotherActiveOwner(tx, id);
    const [updated] = await tx.update(users).set({ role }).where(eq(users.id, id)).returning(publicColumns);
    if (current.role !== role)
      await recordAudit(
        { actor, action: "user.role", subject: current.email, detail: { userId: id, from: current.role, to: role } },
        tx,
      );
    return updated;
  });
}

/** Stops a person from signing in and ends their sessions at once. */
export async function deactivateUser({
  id,
  actor,
}: {
  id: string;
  actor: NonNullable<AuditActor>;
}): Promise<PublicUser> {
  const actorId = actor.id;
  if (id === actorId) throw new AppError("conflict", "You cannot deactivate your own account. Ask another owner.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockUser(tx, id);
    if (current.deactivatedAt) return current;
    if (current.role === "owner") await assertAnotherActiveOwner(tx, id);
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, id));
    const [updated] = await tx
      .update(users)
      .set({ deactivatedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id))
      .returning(publicColumns);
    await recordAudit({ actor, action: "user.deactivate", subject: current.email, detail: { userId: id } }, tx);
    return updated;
  });
}

/** Lets a deactivated person sign in again (with their existing password or SSO). */
export async function reactivateUser({ id, actor = null }: { id: string; actor?: AuditActor }): Promise<PublicUser> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ deactivatedAt: null })
      .where(eq(users.id, id))
      .returning(publicColumns);
    if (!updated) throw notFound("User");
    await recordAudit({ actor, action: "user.reactivate", subject: updated.email, detail: { userId: id } }, tx);
    return updated;
  });
}

/** Removes an account for good; their surveys stay (created_by becomes empty). */
export async function deleteUser({ id, actor }: { id: string; actor: NonNullable<AuditActor> }): Promise<PublicUser> {
  const actorId = actor.id;
  if (id === actorId) throw new AppError("conflict", "You cannot remove your own account. Ask another owner.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockUser(tx, id);
    if (current.role === "owner" && !current.deactivatedAt) await assertAnotherActiveOwner(tx, id);
    await tx.delete(users).where(eq(users.id, id));
    await recordAudit({ actor, action: "user.delete", subject: current.email, detail: { userId: id } }, tx);
    return current;
  });
}

/** Ends every session of a person (sign-out ends them on all devices). */
export async function endAllSessions({ id, sessionVersion }: { id: string; sessionVersion?: number }): Promise<void> {
  const db = await getDb();
  // Only bump from the version the signing-out session carries: replaying an old sign-out is a no-op.
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, id), sessionVersion === undefined ? undefined : eq(users.sessionVersion, sessionVersion)));
}

/** The signed-in person's own password change; every session ends, and the caller re-issues its own. */
export async function changeOwnPassword({
  id,
  currentPassword,
  newPassword,
}: {
  id: string;
  currentPassword: string;
  newPassword: string;
}): Promise<{ sessionVersion: number; user: PublicUser }> {
  const db = await getDb();
  const [stored] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id)).limit(1);
  if (!stored) throw notFound("User");
  if (!stored.passwordHash)
    throw new AppError("conflict", "You sign in through single sign-on, so there is no password to change here.");
  if (!(await verifyPassword(currentPassword, stored.passwordHash))) {
    throw new AppError("validation", "The current password is not right", {
      currentPassword: ["That is not your current password"],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  const [updated] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    // Compare-and-set on the hash we verified, so two concurrent changes cannot both pass the check.
    .where(and(eq(users.id, id), eq(users.passwordHash, stored.passwordHash), isNull(users.deactivatedAt)))
    .returning({ ...publicColumns, sessionVersion: users.sessionVersion });
  if (!updated) throw new AppError("conflict", "Your password was changed elsewhere a moment ago. Sign in again.");
  const { sessionVersion, ...user } = updated;
  return { sessionVersion, user };
}
