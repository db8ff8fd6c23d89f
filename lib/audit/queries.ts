import "server-only";
import { desc } from "drizzle-orm";
import { getDb, type DbClient } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import type { AuditAction } from "./actions";
import { AUDIT_PAGE_SIZE } from "./schemas";

/** Who made an edit; null for the system itself (the demo seed, start-up maintenance). */
export type AuditActor = { id: string; email: string } | null;

/**
 * Records one edit, in the transaction that makes it (so an edit is never without its entry, nor an
 * entry without its edit). `detail` holds ids, counts and before/after values of settings — never
 * answer text or anything about a respondent.
 */
export async function recordAudit(
  entry: { actor: AuditActor; action: AuditAction; subject: string; detail?: Record<string, unknown> },
  tx: DbClient,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? "",
    action: entry.action,
    subject: entry.subject,
    detail: entry.detail ?? {},
  });
}

export type AuditEntryView = {
  id: string;
  at: string;
  actorEmail: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
};
export type AuditPage = { entries: AuditEntryView[]; offset: number; pageSize: number; nextOffset: number | null };

/** Newest first, a page at a time. */
export async function listAuditEntries({ offset = 0 }: { offset?: number } = {}, tx?: DbClient): Promise<AuditPage> {
  const client = tx ?? (await getDb());
  const rows = await client
    .select()
    .from(auditLog)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset(offset);
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorEmail: r.actorEmail,
      action: r.action,
      subject: r.subject,
      detail: r.detail,
    })),
    offset,
    pageSize: AUDIT_PAGE_SIZE,
    nextOffset: rows.length > AUDIT_PAGE_SIZE ? offset + AUDIT_PAGE_SIZE : null,
  };
}
