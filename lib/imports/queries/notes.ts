import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb, inTransaction, type DbClient } from "@/lib/db/client";
import { feedbackNotes, teams } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { NoteRow } from "../notes-csv";
import type { NoteInput } from "../schemas";

// Feedback notes from interviews, shadowing, office hours and support channels. Signed-in readers only:
// a note may quote a person, so no public page, share link or webhook carries its text.

const ROWS_PER_STATEMENT = 2000;

export async function createNote(input: { note: NoteInput; userId: string | null }, tx?: DbClient) {
  const client = tx ?? (await getDb());
  const [row] = await client
    .insert(feedbackNotes)
    .values({ ...input.note, createdBy: input.userId })
    .returning({ id: feedbackNotes.id });
  return row;
}

export async function importNotes(input: { rows: NoteRow[]; actor: NonNullable<AuditActor> }, tx?: DbClient) {
  await inTransaction(tx, async (client) => {
    for (let i = 0; i < input.rows.length; i += ROWS_PER_STATEMENT)
      await client
        .insert(feedbackNotes)
        .values(
          input.rows
            .slice(i, i + ROWS_PER_STATEMENT)
            .map((r) => ({ ...r, source: "support" as const, createdBy: input.actor.id })),
        );
    await recordAudit(
      {
        actor: input.actor,
        action: "feedback.import",
        subject: "Support channel",
        detail: { rows: input.rows.length },
      },
      client,
    );
  });
}

export async function listNotes({ period }: { period?: string } = {}, tx?: DbClient) {
  const client = tx ?? (await getDb());
  const rows = await client
    .select({
      id: feedbackNotes.id,
      text: feedbackNotes.text,
      source: feedbackNotes.source,
      teamId: feedbackNotes.teamId,
      team: teams.name,
      period: feedbackNotes.period,
      loop: feedbackNotes.loop,
    })
    .from(feedbackNotes)
    .leftJoin(teams, eq(teams.id, feedbackNotes.teamId))
    .where(period ? eq(feedbackNotes.period, period) : undefined)
    .orderBy(desc(feedbackNotes.period), desc(feedbackNotes.id))
    .limit(500);
  const [{ n }] = await client.select({ n: sql<number>`count(*)::int` }).from(feedbackNotes);
  return { notes: rows, total: Number(n) };
}

export async function deleteNote({ id }: { id: number }, tx?: DbClient) {
  const client = tx ?? (await getDb());
  const deleted = await client
    .delete(feedbackNotes)
    .where(eq(feedbackNotes.id, id))
    .returning({ id: feedbackNotes.id });
  if (deleted.length === 0) throw notFound("Note");
}
