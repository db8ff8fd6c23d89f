import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb, type DbClient } from "@/lib/db/client";
import { users, workspaceSettings, type Role } from "@/lib/db/schema";
import { AppError, notFound, pgErrorCode } from "@/lib/errors";
import { hashPassword } from "./password";
import type { CreateUserInput, SetupOwnerInput } from "./schemas";

export type PublicUser = { id: string; email: string; name: string; role: Role; createdAt: Date };
const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt };

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

export async function countUsers(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(users);
  return row.n;
}

export async function listUsers(): Promise<PublicUser[]> {
  const db = await getDb();
  return db.select(publicColumns).from(users).orderBy(asc(users.createdAt));
}

export async function createUser(input: CreateUserInput & { passwordHash?: string | null }, tx?: DbClient): Promise<PublicUser> {
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
      throw new AppError("conflict", "A user with this email already exists", { email: ["A user with this email already exists"] });
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
export async function upsertSsoUser({ email, name, role }: { email: string; name: string; role: Role }): Promise<PublicUser> {
  const existing = await getUserByEmail({ email });
  if (existing) return { id: existing.id, email: existing.email, name: existing.name, role: existing.role, createdAt: existing.createdAt };
  return createUser({ email, name, role, password: "", passwordHash: null });
}

export async function updateUserRole({ id, role, actor = null }: { id: string; role: Role; actor?: AuditActor }): Promise<PublicUser> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select(publicColumns).from(users).where(eq(users.id, id)).for("update");
    if (!current) throw notFound("User");
    if (current.role === "owner" && role !== "owner") {
      const [{ n }] = await tx.select({ n: count() }).from(users).where(eq(users.role, "owner"));
      if (n <= 1) throw new AppError("conflict", "The workspace needs at least one owner", { role: ["Keep at least one owner"] });
    }
    const [updated] = await tx.update(users).set({ role }).where(eq(users.id, id)).returning(publicColumns);
    if (current.role !== role) await recordAudit({ actor, action: "user.role", subject: current.email, detail: { userId: id, from: current.role, to: role } }, tx);
    return updated;
  });
}
