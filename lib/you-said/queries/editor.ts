import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb, inTransaction, type DbClient } from "@/lib/db/client";
import { backlogItems, youSaidItems, type YouSaidItem } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { BacklogStatus } from "@/lib/backlog/constants";
import { defaultYouSaidStatus, type YouSaidStatus } from "../constants";
import { toYouSaidPage, type YouSaidPage } from "../page";
import type { YouSaidDraftInput } from "../schemas";
import { draftWords, loadPageSource, publishedWords } from "./source";

// The editors' side: drafts, preview, publish and unpublish. Publishing copies the draft as it is, so
// what goes live is exactly what the preview showed.

type Words = { title: string; note: string; status: YouSaidStatus };
export type YouSaidEditorItem = {
  backlogItemId: string;
  /** The theme's name on the backlog, and its rank there. */
  label: string;
  rank: number;
  backlogStatus: BacklogStatus;
  /** False for a theme traced to fewer than k people: the page shows its words but no figure. */
  quotable: boolean;
  /** What the editor would publish: the saved draft, or a starting point from the backlog item. */
  draft: Words;
  saved: boolean;
  published: (Words & { publishedAt: string }) | null;
  /** The draft differs from what is live. */
  unpublishedChanges: boolean;
};
export type YouSaidEditor = {
  scope: string | null;
  ranAt: string | null;
  anonymityThreshold: number;
  items: YouSaidEditorItem[];
  /** The page as it would read with every draft published. */
  preview: YouSaidPage;
  /** The page as developers read it now. */
  live: YouSaidPage;
};

const wordsOf = (r: YouSaidItem): Words => ({ title: r.draftTitle, note: r.draftNote, status: r.draftStatus });
const publishedOf = (r: YouSaidItem | undefined) =>
  r?.publishedAt && r.publishedTitle !== null && r.publishedStatus !== null
    ? {
        title: r.publishedTitle,
        note: r.publishedNote ?? "",
        status: r.publishedStatus,
        publishedAt: r.publishedAt.toISOString(),
      }
    : null;
const differs = (a: Words, b: Words | null) => !b || a.title !== b.title || a.note !== b.note || a.status !== b.status;

export async function getYouSaidEditor(tx?: DbClient): Promise<YouSaidEditor> {
  const client = tx ?? (await getDb());
  const source = await loadPageSource(client);
  const rowsById = new Map(source.rows.map((r) => [r.backlogItemId, r]));
  const items = (source.view?.items ?? []).map((item): YouSaidEditorItem => {
    const row = rowsById.get(item.id);
    const draft = row ? wordsOf(row) : { title: item.label, note: "", status: defaultYouSaidStatus(item.status) };
    const published = publishedOf(row);
    return {
      backlogItemId: item.id,
      label: item.label,
      rank: item.rank,
      backlogStatus: item.status,
      quotable: item.quotable,
      draft,
      saved: Boolean(row),
      published,
      unpublishedChanges: Boolean(row) && differs(draft, published),
    };
  });
  return {
    scope: source.scope,
    ranAt: source.ranAt,
    anonymityThreshold: source.k,
    items,
    preview: toYouSaidPage(source.view, draftWords(source.rows), source.k),
    live: toYouSaidPage(source.view, publishedWords(source.rows), source.k),
  };
}

export type YouSaidItemState = Pick<YouSaidEditorItem, "backlogItemId" | "draft" | "published" | "unpublishedChanges">;
const stateOf = (r: YouSaidItem): YouSaidItemState => {
  const draft = wordsOf(r);
  const published = publishedOf(r);
  return { backlogItemId: r.backlogItemId, draft, published, unpublishedChanges: differs(draft, published) };
};

async function requireOpenItem(client: DbClient, id: string) {
  const [item] = await client
    .select({ id: backlogItems.id, mergedIntoId: backlogItems.mergedIntoId })
    .from(backlogItems)
    .where(eq(backlogItems.id, id));
  if (!item) throw notFound("Backlog item");
  if (item.mergedIntoId) throw new AppError("conflict", "This theme was merged into another; publish that one");
}

/** Saves an editor's draft; nothing changes on the public page until it is published. */
export async function saveYouSaidDraft(
  input: { backlogItemId: string; draft: YouSaidDraftInput },
  tx?: DbClient,
): Promise<YouSaidItemState> {
  return inTransaction(tx, async (client) => {
    await requireOpenItem(client, input.backlogItemId);
    const values = {
      draftTitle: input.draft.title,
      draftNote: input.draft.note,
      draftStatus: input.draft.status,
      updatedAt: new Date(),
    };
    const [row] = await client
      .insert(youSaidItems)
      .values({ backlogItemId: input.backlogItemId, ...values })
      .onConflictDoUpdate({ target: youSaidItems.backlogItemId, set: values })
      .returning();
    return stateOf(row);
  });
}

async function getRow(client: DbClient, id: string) {
  const [row] = await client.select().from(youSaidItems).where(eq(youSaidItems.backlogItemId, id));
  if (!row) throw notFound("Draft");
  return row;
}

/** Puts the saved draft live, exactly as previewed. */
export async function publishYouSaidItem(
  input: { backlogItemId: string; actor?: AuditActor },
  tx?: DbClient,
): Promise<YouSaidItemState> {
  return inTransaction(tx, async (client) => {
    await requireOpenItem(client, input.backlogItemId);
    await getRow(client, input.backlogItemId);
    const [row] = await client
      .update(youSaidItems)
      .set({
        publishedTitle: sql`${youSaidItems.draftTitle}`,
        publishedNote: sql`${youSaidItems.draftNote}`,
        publishedStatus: sql`${youSaidItems.draftStatus}`,
        publishedAt: new Date(),
        publishedBy: input.actor?.id ?? null,
      })
      .where(eq(youSaidItems.backlogItemId, input.backlogItemId))
      .returning();
    await recordAudit({ actor: input.actor ?? null, action: "you_said.publish", subject: input.backlogItemId }, client);
    return stateOf(row);
  });
}

/** Takes an item off the public page; its draft stays for next time. */
export async function unpublishYouSaidItem(
  input: { backlogItemId: string; actor?: AuditActor },
  tx?: DbClient,
): Promise<YouSaidItemState> {
  return inTransaction(tx, async (client) => {
    await getRow(client, input.backlogItemId);
    const [row] = await client
      .update(youSaidItems)
      .set({ publishedTitle: null, publishedNote: null, publishedStatus: null, publishedAt: null, publishedBy: null })
      .where(eq(youSaidItems.backlogItemId, input.backlogItemId))
      .returning();
    await recordAudit(
      { actor: input.actor ?? null, action: "you_said.unpublish", subject: input.backlogItemId },
      client,
    );
    return stateOf(row);
  });
}
