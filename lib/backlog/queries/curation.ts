import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { inTransaction, type DbClient } from "@/lib/db/client";
import { backlogItems, themeMembers, type BacklogItem } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { MoveMembersInput, UpdateBacklogItemInput } from "../schemas";
import { releaseThemes } from "./releases";
import { lockScope, memberRefs } from "./scope-sql";

// Curation: a PM's edits to items (rename, status, merge, move answers). Every change that alters who
// an item describes goes through the release rule (releases.ts) under the scope's lock.

/** Loads an item that can be curated: it exists and has not been merged away. */
async function getOpenItem(client: DbClient, id: string, field = "id"): Promise<BacklogItem> {
  const [item] = await client.select().from(backlogItems).where(eq(backlogItems.id, id));
  if (!item)
    throw new AppError("not_found", "That theme no longer exists", { [field]: ["That theme no longer exists"] });
  if (item.mergedIntoId) {
    throw new AppError("conflict", "That theme was merged into another one", {
      [field]: ["That theme was merged into another one"],
    });
  }
  return item;
}

const itemName = (item: Pick<BacklogItem, "label" | "customLabel">) => item.customLabel ?? item.label;

/** Rename, effort, status, owner, notes. `statusChangedAt` lets the demo seed back-date a status. */
export async function updateBacklogItem(
  input: { id: string; patch: UpdateBacklogItemInput; statusChangedAt?: Date; actor?: AuditActor },
  tx?: DbClient,
): Promise<BacklogItem> {
  return inTransaction(tx, async (client) => {
    const item = await getOpenItem(client, input.id);
    const statusChanged = input.patch.status !== undefined && input.patch.status !== item.status;
    const [updated] = await client
      .update(backlogItems)
      .set({
        ...input.patch,
        ...(statusChanged || input.statusChangedAt ? { statusChangedAt: input.statusChangedAt ?? new Date() } : {}),
        updatedAt: new Date(),
      })
      .where(eq(backlogItems.id, item.id))
      .returning();
    if (statusChanged) {
      await recordAudit(
        {
          actor: input.actor ?? null,
          action: "backlog.status",
          subject: itemName(updated),
          detail: { itemId: item.id, from: item.status, to: updated.status },
        },
        client,
      );
    }
    return updated;
  });
}

/**
 * Merges `id` into `targetId`. The merged item stays (pointing at the target) so its answers keep
 * following the merge when the scope is re-clustered; items merged into it move along. The target's
 * published figures follow only if the merge changed its respondents by at least k.
 */
export async function mergeBacklogItems(
  input: { id: string; targetId: string; actor?: AuditActor },
  tx?: DbClient,
): Promise<BacklogItem> {
  return inTransaction(tx, async (client) => {
    const source = await getOpenItem(client, input.id);
    await lockScope(client, source.scope);
    const target = await getOpenItem(client, input.targetId, "targetId");
    if (source.id === target.id)
      throw new AppError("validation", "A theme cannot be merged into itself", { targetId: ["Pick another theme"] });
    if (source.scope !== target.scope) {
      throw new AppError("validation", "Both themes must come from the same analysis", {
        targetId: ["Pick a theme from this backlog"],
      });
    }
    await client
      .update(backlogItems)
      .set({ mergedIntoId: target.id, updatedAt: new Date() })
      .where(eq(backlogItems.mergedIntoId, source.id));
    await client
      .update(backlogItems)
      .set({ mergedIntoId: target.id, updatedAt: new Date() })
      .where(eq(backlogItems.id, source.id));
    await client.update(backlogItems).set({ updatedAt: new Date() }).where(eq(backlogItems.id, target.id));
    const released = await releaseThemes(client, [target.id]);
    await recordAudit(
      {
        actor: input.actor ?? null,
        action: "backlog.merge",
        subject: `${itemName(source)} → ${itemName(target)}`,
        detail: { scope: source.scope, itemId: source.id, targetId: target.id, released },
      },
      client,
    );
    return target;
  });
}

/** Undoes a merge: the item shows on its own again with the answers it had (and its own release rule). */
export async function unmergeBacklogItem(
  input: { id: string; actor?: AuditActor },
  tx?: DbClient,
): Promise<BacklogItem> {
  return inTransaction(tx, async (client) => {
    const [item] = await client.select().from(backlogItems).where(eq(backlogItems.id, input.id));
    if (!item) throw notFound("Backlog item");
    if (!item.mergedIntoId) throw new AppError("conflict", "That theme is not merged");
    await lockScope(client, item.scope);
    const [updated] = await client
      .update(backlogItems)
      .set({ mergedIntoId: null, updatedAt: new Date() })
      .where(eq(backlogItems.id, item.id))
      .returning();
    const released = await releaseThemes(client, [item.id, item.mergedIntoId]);
    await recordAudit(
      {
        actor: input.actor ?? null,
        action: "backlog.unmerge",
        subject: itemName(item),
        detail: { scope: item.scope, itemId: item.id, targetId: item.mergedIntoId, released },
      },
      client,
    );
    return updated;
  });
}

/**
 * Moves answers out of an item (or the items merged into it) to another item of the same scope, or
 * into a new item (a split). Moved answers are pinned: re-clustering leaves them where they are, and
 * keep their public ids. Quotes and the list of answers change at once; each item's published figures
 * follow only when its respondents changed by at least k (a new item from a split: once it has k).
 */
export async function moveThemeMembers(
  input: { id: string; actor?: AuditActor } & MoveMembersInput,
  tx?: DbClient,
): Promise<{ targetId: string; moved: number }> {
  return inTransaction(tx, async (client) => {
    const source = await getOpenItem(client, input.id);
    await lockScope(client, source.scope);
    const group = await client
      .select({ id: backlogItems.id })
      .from(backlogItems)
      .where(sql`${backlogItems.id} = ${source.id} or ${backlogItems.mergedIntoId} = ${source.id}`);
    const groupIds = group.map((g) => g.id);
    const memberIds = [...new Set(input.memberIds)];
    const present = await client
      .select({ sourceId: themeMembers.sourceId, sentiment: themeMembers.sentiment, publicId: themeMembers.publicId })
      .from(themeMembers)
      .where(and(inArray(themeMembers.backlogItemId, groupIds), inArray(themeMembers.publicId, memberIds)));
    if (present.length !== memberIds.length) {
      throw new AppError("validation", "Some of those answers are not in this theme", {
        memberIds: ["Some of those answers are not in this theme"],
      });
    }
    let targetId: string;
    let targetName: string;
    if (input.targetId) {
      const target = await getOpenItem(client, input.targetId, "targetId");
      if (target.id === source.id)
        throw new AppError("validation", "Those answers are already in this theme", {
          targetId: ["Pick another theme"],
        });
      if (target.scope !== source.scope) {
        throw new AppError("validation", "Both themes must come from the same analysis", {
          targetId: ["Pick a theme from this backlog"],
        });
      }
      targetId = target.id;
      targetName = itemName(target);
    } else {
      const [created] = await client
        .insert(backlogItems)
        .values({ scope: source.scope, label: input.newLabel!, customLabel: input.newLabel!, terms: [] })
        .returning({ id: backlogItems.id });
      targetId = created.id;
      targetName = input.newLabel!;
    }
    const sourceIds = present.map((p) => p.sourceId);
    await client
      .delete(themeMembers)
      .where(and(inArray(themeMembers.backlogItemId, groupIds), inArray(themeMembers.sourceId, sourceIds)));
    await client.insert(themeMembers).values(
      present.map((p) => ({
        backlogItemId: targetId,
        sourceId: p.sourceId,
        ...memberRefs(p.sourceId),
        sentiment: p.sentiment,
        publicId: p.publicId,
        pinned: 1,
      })),
    );
    await client
      .update(backlogItems)
      .set({ updatedAt: new Date() })
      .where(inArray(backlogItems.id, [source.id, targetId]));
    const released = await releaseThemes(client, [source.id, targetId]);
    await recordAudit(
      {
        actor: input.actor ?? null,
        action: input.targetId ? "backlog.move" : "backlog.split",
        subject: `${itemName(source)} → ${targetName}`,
        detail: { scope: source.scope, itemId: source.id, targetId, answers: present.length, released },
      },
      client,
    );
    return { targetId, moved: present.length };
  });
}
