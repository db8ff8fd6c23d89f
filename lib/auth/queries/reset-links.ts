import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb } from "@/lib/db/client";
import { passwordResetTokens, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { hashPassword } from "../password";
import { lockUser } from "./users";

export const RESET_LINK_TTL_MS = 24 * 60 * 60_000;
const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A fresh one-time reset link for a person, replacing any earlier unused one. Only the token's
 * SHA-256 is stored; the token itself is returned once, for the owner to pass on.
 */
export async function issuePasswordResetLink({
  userId,
  actor = null,
  now = new Date(),
}: {
  userId: string;
  actor?: AuditActor;
  now?: Date;
}): Promise<{ token: string; expiresAt: Date }> {
  const db = await getDb();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_LINK_TTL_MS);
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.deactivatedAt) throw new AppError("conflict", "Reactivate this person before sending them a reset link.");
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
    await tx
      .insert(passwordResetTokens)
      .values({ tokenHash: hashResetToken(token), userId, expiresAt, createdAt: now });
    await recordAudit({ actor, action: "user.reset_link", subject: user.email, detail: { userId } }, tx);
  });
  return { token, expiresAt };
}

/** Whose password a reset link would set, while it is unused, unexpired and its person active. */
export async function findUsableResetLink({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<{ email: string } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashResetToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
        isNull(users.deactivatedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Sets a new password through a reset link, once; every existing session of that person ends. */
export async function resetPasswordWithLink({
  token,
  password,
  now = new Date(),
}: {
  token: string;
  password: string;
  now?: Date;
}): Promise<{ email: string }> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Marking the link used in the same statement that checks it makes it single-use under concurrency.
    const [link] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashResetToken(token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    const invalid = new AppError(
      "gone",
      "This reset link has expired or was already used. Ask an owner for a new one.",
    );
    if (!link) throw invalid;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, link.userId), isNull(users.deactivatedAt)))
      .returning({ email: users.email });
    if (!user) throw invalid;
    return user;
  });
}
