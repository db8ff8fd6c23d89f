import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { inTransaction, selectRows, type DbClient } from "@/lib/db/client";
import { backlogCarries, backlogItems, subThemes, type BacklogItem } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { chooseCarrySource, planCarry, type CarrySourceCandidate, type CarrySourceItem } from "../carry";
import { parseScope, type BacklogScope } from "../scope";
import { releaseThemes } from "./releases";
import { lockScope, scopeTextsSql, type ScopeText } from "./scope-sql";
import { carrySubThemeNames } from "./sub-themes";

// Carrying curation from another scope into the items an analysis just created (the rule is
// ../carry.ts), and undoing a wrong carry.

/**
 * What a PM sets on an item; the same test as reconcile.ts isCurated, for the rows of another scope, and
 * the names of its sub-themes, which carry with it (carrySubThemeNames).
 */
const curatedSql = sql`(b.custom_label is not null or b.effort is not null or b.status <> 'new' or b.owner <> ''
  or b.notes <> '' or b.merged_into_id is not null
  or exists (select 1 from sub_themes st where st.backlog_item_id = b.id and st.custom_label is not null))`;

const familyOf = (scope: BacklogScope): CarrySourceCandidate["family"] =>
  scope.kind === "friction" || scope.kind === "notes" ? scope.kind : "answers";

export type CarryResult = { from: { scope: string; ranAt: string } | null; carried: number; notCarried: number };

/**
 * Runs inside buildBacklog's transaction, under the scope's lock, before the new items are released.
 * `created` are the items this run created, with their answers.
 */
export async function carryCuration(
  client: DbClient,
  input: {
    scope: BacklogScope;
    scopeKey: string;
    texts: readonly ScopeText[];
    created: readonly { itemId: string; memberIds: readonly string[]; terms: readonly string[] }[];
    k: number;
  },
): Promise<CarryResult> {
  const none: CarryResult = { from: null, carried: 0, notCarried: 0 };
  if (input.created.length === 0) return none;
  const candidates = await selectRows<{ scope: string; ran_at: string; shared: number }>(
    client,
    sql`with curated as (select distinct b.scope from backlog_items b where ${curatedSql} and b.scope <> ${input.scopeKey}),
             runs as (select scope, max(ran_at) as ran_at from backlog_runs group by scope),
             here as (${scopeTextsSql(input.scope)})
        select c.scope, runs.ran_at,
               (select count(distinct m.source_id)::int from theme_members m
                join backlog_items b on b.id = m.backlog_item_id
                where b.scope = c.scope and m.source_id in (select id from here)) as shared
        from curated c join runs on runs.scope = c.scope`,
  );
  const source = chooseCarrySource(
    candidates.flatMap((c) => {
      const parsed = parseScope(c.scope);
      return parsed
        ? [{ scope: c.scope, family: familyOf(parsed), sharedAnswers: Number(c.shared), ranAt: iso(c.ran_at) }]
        : [];
    }),
    { scope: input.scopeKey, family: familyOf(input.scope) },
  );
  if (!source) return none;

  const [sourceRows, declinedRows] = await Promise.all([
    selectRows<{ id: string; terms: string[]; merged_into_id: string | null; curated: boolean; member_ids: string[] }>(
      client,
      sql`select b.id, b.terms, b.merged_into_id, ${curatedSql} as curated,
                 coalesce(array_agg(m.source_id) filter (where m.source_id is not null), '{}') as member_ids
          from backlog_items b left join theme_members m on m.backlog_item_id = b.id
          where b.scope = ${source.scope} group by b.id`,
    ),
    client
      .select({ fromItemId: backlogCarries.fromItemId })
      .from(backlogCarries)
      .where(and(eq(backlogCarries.scope, input.scopeKey), sql`${backlogCarries.undoneAt} is not null`)),
  ]);
  const respondentOf = new Map(input.texts.map((t) => [t.id, t.respondent]));
  const sources: CarrySourceItem[] = sourceRows.map((r) => ({
    id: r.id,
    memberIds: r.member_ids ?? [],
    terms: r.terms ?? [],
    mergedIntoId: r.merged_into_id,
    curated: Boolean(r.curated),
  }));
  const plan = planCarry({
    sources,
    fresh: input.created.map((c) => ({
      id: c.itemId,
      memberIds: c.memberIds,
      terms: c.terms,
      respondents: new Set(c.memberIds.map((id) => respondentOf.get(id) ?? id)).size,
    })),
    scopeSourceIds: new Set(input.texts.map((t) => t.id)),
    k: input.k,
    declined: new Set(declinedRows.flatMap((d) => (d.fromItemId ? [d.fromItemId] : []))),
  });
  if (plan.carries.length === 0) return { from: null, carried: 0, notCarried: plan.notCarried.length };

  const fromIds = [...new Set(plan.carries.map((c) => c.fromItemId))];
  const fromItems = new Map(
    (await client.select().from(backlogItems).where(inArray(backlogItems.id, fromIds))).map((i) => [i.id, i]),
  );
  const fromRanAt = new Date(source.ranAt);
  for (const carry of plan.carries) {
    const from = fromItems.get(carry.fromItemId)!;
    await client
      .update(backlogItems)
      .set({
        ...curatedFields(from),
        mergedIntoId: carry.mergeIntoFreshId,
        updatedAt: new Date(),
      })
      .where(eq(backlogItems.id, carry.freshId));
    await client.insert(backlogCarries).values({
      scope: input.scopeKey,
      itemId: carry.freshId,
      fromItemId: from.id,
      fromScope: source.scope,
      fromRanAt,
      via: carry.via,
      merged: carry.mergeIntoFreshId !== null,
    });
  }
  await carrySubThemeNames(client, {
    carries: plan.carries.map((c) => ({ fromItemId: c.fromItemId, toItemId: c.freshId })),
    respondentOf,
    k: input.k,
  });
  return {
    from: { scope: source.scope, ranAt: source.ranAt },
    carried: plan.carries.length,
    notCarried: plan.notCarried.length,
  };
}

const curatedFields = (from: BacklogItem) => ({
  customLabel: from.customLabel,
  effort: from.effort,
  status: from.status,
  owner: from.owner,
  notes: from.notes,
  statusChangedAt: from.statusChangedAt,
});

const uncurated = {
  customLabel: null,
  effort: null,
  status: "new" as const,
  owner: "",
  notes: "",
  statusChangedAt: null,
};

const iso = (v: string | Date) => new Date(v).toISOString();

/**
 * Undoes a carry: the item and its sub-themes go back to their generated names, with no status, owner,
 * effort or notes; a carried merge is undone, and so are the carries merged into it. The earlier theme
 * is not carried into this scope again. The item's published figures follow the release rule like any
 * curation.
 */
export async function undoCarry(input: { id: string; actor?: AuditActor }, tx?: DbClient): Promise<BacklogItem> {
  return inTransaction(tx, async (client) => {
    const [item] = await client.select().from(backlogItems).where(eq(backlogItems.id, input.id));
    if (!item) throw notFound("Backlog item");
    await lockScope(client, item.scope);
    const [carry] = await client
      .select()
      .from(backlogCarries)
      .where(and(eq(backlogCarries.itemId, item.id), isNull(backlogCarries.undoneAt)));
    if (!carry) throw new AppError("conflict", "This theme's curation was not carried from another analysis");
    // The carries merged into this one go with it: their merge was part of the same carried curation.
    const children = await selectRows<{ item_id: string }>(
      client,
      sql`select c.item_id from backlog_carries c join backlog_items b on b.id = c.item_id
          where c.undone_at is null and c.merged and b.merged_into_id = ${item.id}`,
    );
    const undone = [item.id, ...children.map((c) => c.item_id)];
    for (const id of undone) {
      const wasMergedByCarry = id !== item.id || carry.merged;
      await client
        .update(backlogItems)
        .set({ ...uncurated, ...(wasMergedByCarry ? { mergedIntoId: null } : {}), updatedAt: new Date() })
        .where(eq(backlogItems.id, id));
    }
    await client.update(subThemes).set({ customLabel: null }).where(inArray(subThemes.backlogItemId, undone));
    await client
      .update(backlogCarries)
      .set({ undoneAt: new Date() })
      .where(and(inArray(backlogCarries.itemId, undone), isNull(backlogCarries.undoneAt)));
    const released = await releaseThemes(client, [...undone, ...(item.mergedIntoId ? [item.mergedIntoId] : [])]);
    await recordAudit(
      {
        actor: input.actor ?? null,
        action: "backlog.carry_undo",
        subject: item.customLabel ?? item.label,
        detail: { scope: item.scope, itemId: item.id, fromScope: carry.fromScope, undone: undone.length, released },
      },
      client,
    );
    const [updated] = await client.select().from(backlogItems).where(eq(backlogItems.id, item.id));
    return updated;
  });
}
