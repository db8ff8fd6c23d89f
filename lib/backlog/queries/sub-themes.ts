import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { AuditActor } from "@/lib/audit/queries";
import { jsonBatches } from "@/lib/db/batching";
import { inTransaction, selectRows, type DbClient } from "@/lib/db/client";
import { backlogItems, subThemeMembers, subThemes } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { SubTheme } from "@/lib/text/cluster";
import { matchThemes } from "../match-themes";
import type { SubThemeCountRow, SubThemeQuoteRow } from "../sub-theme-view";
import { moveThemeMembers } from "./curation";
import { lockScope, scopeCtes } from "./scope-sql";
import type { BacklogScope } from "../scope";

// Sub-themes of backlog items: stored by the analysis (replacing the previous ones), counted in SQL
// over the item's released respondents, renamed and promoted to items of their own by editors. What a
// viewer may see of the counts is lib/backlog/sub-theme-view.ts.

/**
 * Replaces the sub-themes of the scope's items with the analysis's. A new sub-theme that continues an
 * earlier one of the same item (by shared answers, the theme rule) keeps the PM's name for it.
 * `members`: the answers each item holds after reconciliation (a sub-theme keeps only those).
 */
export async function replaceSubThemes(
  client: DbClient,
  input: { itemIds: string[]; themes: { itemId: string; members: ReadonlySet<string>; subThemes: SubTheme[] }[] },
): Promise<void> {
  if (input.itemIds.length === 0) return;
  const previous = await subThemeMembersOf(client, input.itemIds, { renamedOnly: true });
  await client.delete(subThemes).where(inArray(subThemes.backlogItemId, input.itemIds));

  const members: (typeof subThemeMembers.$inferInsert)[] = [];
  for (const { itemId, members: inItem, subThemes: fresh } of input.themes) {
    const kept = fresh
      .map((s) => ({ ...s, memberIds: s.memberIds.filter((id) => inItem.has(id)) }))
      .filter((s) => s.memberIds.length > 0);
    if (kept.length < 2) continue; // one sub-theme is the theme again
    const renamed = renamesOf(
      previous.filter((p) => p.item_id === itemId),
      kept,
    );
    const inserted = await client
      .insert(subThemes)
      .values(
        kept.map((s, position) => ({
          backlogItemId: itemId,
          label: s.label,
          customLabel: renamed.get(position) ?? null,
          terms: s.terms,
          position,
        })),
      )
      .returning({ id: subThemes.id, position: subThemes.position });
    for (const { id, position } of inserted) {
      const sub = kept[position];
      const rank = new Map(sub.representativeIds.map((sourceId, i) => [sourceId, i + 1]));
      for (const sourceId of sub.memberIds)
        members.push({ subThemeId: id, sourceId, representativeRank: rank.get(sourceId) ?? null });
    }
  }
  for (const batch of jsonBatches(members))
    await client.execute(sql`
      insert into sub_theme_members (sub_theme_id, source_id, representative_rank)
      select r."subThemeId", r."sourceId", r."representativeRank"
      from jsonb_to_recordset(${batch}::jsonb)
        as r("subThemeId" uuid, "sourceId" text, "representativeRank" integer)`);
}

/**
 * Carries the PM's sub-theme names with a theme's curation into another scope (./carry.ts): a sub-theme
 * of the new item that continues a renamed one of the earlier item (by shared answers, the theme rule)
 * takes its name, when at least k people are behind it; a name carried to fewer would tell which earlier
 * sub-theme their answers came from (lib/backlog/carry.ts, rule 1).
 */
export async function carrySubThemeNames(
  client: DbClient,
  input: {
    carries: readonly { fromItemId: string; toItemId: string }[];
    respondentOf: ReadonlyMap<string, string>;
    k: number;
  },
): Promise<void> {
  if (input.carries.length === 0) return;
  const [previous, fresh] = await Promise.all([
    subThemeMembersOf(
      client,
      input.carries.map((c) => c.fromItemId),
      { renamedOnly: true },
    ),
    subThemeMembersOf(
      client,
      input.carries.map((c) => c.toItemId),
      { renamedOnly: false },
    ),
  ]);
  for (const { fromItemId, toItemId } of input.carries) {
    const earlier = previous.filter((p) => p.item_id === fromItemId);
    if (earlier.length === 0) continue;
    const subs = new Map<string, string[]>();
    for (const f of fresh) {
      if (f.item_id !== toItemId) continue;
      const members = subs.get(f.id) ?? [];
      members.push(f.source_id);
      subs.set(f.id, members);
    }
    const ids = [...subs.keys()];
    const names = renamesOf(
      earlier,
      ids.map((id) => ({ memberIds: subs.get(id)! })),
    );
    for (const [position, name] of names) {
      const people = new Set(subs.get(ids[position])!.map((id) => input.respondentOf.get(id) ?? id));
      if (people.size < input.k) continue;
      await client.update(subThemes).set({ customLabel: name }).where(eq(subThemes.id, ids[position]));
    }
  }
}

/** The answers in the sub-themes of these items (only the renamed sub-themes, if asked). */
function subThemeMembersOf(client: DbClient, itemIds: readonly string[], { renamedOnly }: { renamedOnly: boolean }) {
  return selectRows<{ id: string; item_id: string; custom_label: string | null; source_id: string }>(
    client,
    sql`select s.id, s.backlog_item_id as item_id, s.custom_label, m.source_id
        from sub_themes s join sub_theme_members m on m.sub_theme_id = s.id
        where ${renamedOnly ? sql`s.custom_label is not null and ` : sql``}s.backlog_item_id in (${sql.join(
          itemIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by s.position, m.source_id`,
  );
}

/** New sub-theme position → the PM's name of the earlier sub-theme it continues. */
function renamesOf(
  previous: { id: string; custom_label: string | null; source_id: string }[],
  fresh: { memberIds: string[] }[],
): Map<number, string> {
  const byId = new Map<string, { id: string; memberIds: string[]; label: string }>();
  for (const p of previous) {
    const entry = byId.get(p.id) ?? { id: p.id, memberIds: [], label: p.custom_label ?? "" };
    entry.memberIds.push(p.source_id);
    byId.set(p.id, entry);
  }
  const matches = matchThemes(
    [...byId.values()],
    fresh.map((s, i) => ({ id: String(i), memberIds: s.memberIds })),
  );
  return new Map(matches.map((m) => [Number(m.nextId), byId.get(m.previousId)!.label]));
}

/**
 * Per sub-theme of the given items: its answers still in the item, and its respondents among the
 * item's released ones (who its published figures describe). Each released respondent is counted in
 * one sub-theme only — the one holding most of their answers (ties: the larger sub-theme) — so the
 * cells partition the item's respondents and the anonymity rule can reason about subtraction;
 * `rest` rows (sub_id null) count the released respondents in no sub-theme.
 */
export async function listSubThemeCounts(
  client: DbClient,
  input: { scope: BacklogScope; scopeKey: string; itemIds: string[] },
): Promise<SubThemeCountRow[]> {
  if (input.itemIds.length === 0) return [];
  const ids = sql.join(
    input.itemIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return selectRows<SubThemeCountRow>(
    client,
    sql`with ${scopeCtes(input.scope, input.scopeKey)},
        st as (select id, backlog_item_id, label, custom_label, terms, position from sub_themes where backlog_item_id in (${ids})),
        sm as (
          select st.backlog_item_id as eff_id, st.id as sub_id, st.position,
                 case when s.source_id like 'f:%' then s.source_id else 'r:' || a.response_id::text end as respondent
          from sub_theme_members s join st on st.id = s.sub_theme_id
          left join answers a on s.source_id like 'a:%' and a.id = substr(s.source_id, 3)::bigint),
        votes as (
          select sm.eff_id, sm.respondent, sm.sub_id, count(*) as n, min(sm.position) as position
          from sm join rel on rel.eff_id = sm.eff_id and rel.respondent = sm.respondent
          group by 1, 2, 3),
        chosen as (
          select distinct on (eff_id, respondent) eff_id, respondent, sub_id
          from votes order by eff_id, respondent, n desc, position),
        placed as (
          select r.eff_id, c.sub_id from rel r
          left join chosen c on c.eff_id = r.eff_id and c.respondent = r.respondent
          where r.eff_id in (${ids})),
        answers_in as (
          select s.sub_theme_id as sub_id, count(*)::int as answers
          from sub_theme_members s join st on st.id = s.sub_theme_id
          where exists (select 1 from theme_members m join items i on i.id = m.backlog_item_id
                        where m.source_id = s.source_id and i.eff_id = st.backlog_item_id)
          group by 1)
        select st.backlog_item_id as item_id, st.id as sub_id, st.label, st.custom_label, st.terms, st.position,
               coalesce(p.respondents, 0)::int as respondents, coalesce(ai.answers, 0)::int as answers
        from st
        left join (select sub_id, count(*) as respondents from placed where sub_id is not null group by 1) p on p.sub_id = st.id
        left join answers_in ai on ai.sub_id = st.id
        union all
        select eff_id as item_id, null, null, null, null, null, count(*)::int, 0
        from placed where sub_id is null group by eff_id
        order by item_id, position nulls last`,
  );
}

/** Up to `perSub` quotes of each sub-theme that are still in its item, representative ones first. */
export async function listSubThemeQuotes(
  client: DbClient,
  input: { subIds: string[]; perSub: number },
): Promise<SubThemeQuoteRow[]> {
  if (input.subIds.length === 0) return [];
  return selectRows<SubThemeQuoteRow>(
    client,
    sql`select sub_id, public_id, friction, text, pinned, representative_rank from (
          select s.sub_theme_id as sub_id, m.public_id, m.friction_entry_id is not null as friction,
                 coalesce(a.text_value, f.text) as text, m.pinned, s.representative_rank,
                 row_number() over (partition by s.sub_theme_id
                                    order by s.representative_rank asc nulls last, length(coalesce(a.text_value, f.text)) desc, m.public_id) as n
          from sub_theme_members s
          join sub_themes st on st.id = s.sub_theme_id
          join backlog_items b on b.id = st.backlog_item_id
          join backlog_items mb on coalesce(mb.merged_into_id, mb.id) = b.id
          join theme_members m on m.backlog_item_id = mb.id and m.source_id = s.source_id
          left join answers a on a.id = m.answer_id
          left join friction_entries f on f.id = m.friction_entry_id
          where s.sub_theme_id in (${sql.join(
            input.subIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        ) q where n <= ${input.perSub} order by sub_id, n`,
  );
}

async function getSubTheme(client: DbClient, id: string) {
  const [row] = await client
    .select({ sub: subThemes, item: backlogItems })
    .from(subThemes)
    .innerJoin(backlogItems, eq(backlogItems.id, subThemes.backlogItemId))
    .where(eq(subThemes.id, id));
  if (!row) throw new AppError("not_found", "That sub-theme no longer exists");
  return row;
}

/** A PM's name for a sub-theme (null: back to the generated one); kept when re-analysis continues it. Not audited, like a theme's rename. */
export async function renameSubTheme(
  input: { id: string; customLabel: string | null; actor?: AuditActor },
  tx?: DbClient,
): Promise<{ id: string; label: string; customLabel: string | null }> {
  return inTransaction(tx, async (client) => {
    const { sub } = await getSubTheme(client, input.id);
    const [updated] = await client
      .update(subThemes)
      .set({ customLabel: input.customLabel })
      .where(eq(subThemes.id, sub.id))
      .returning();
    return { id: updated.id, label: updated.customLabel ?? updated.label, customLabel: updated.customLabel };
  });
}

/**
 * Promotes a sub-theme to a backlog item of its own: a split of the item (moveThemeMembers) of the
 * sub-theme's answers still in it, named after the sub-theme. The moved answers are pinned, so the new
 * item survives re-analysis like any split; the sub-theme itself is gone.
 */
export async function promoteSubTheme(
  input: { id: string; actor?: AuditActor },
  tx?: DbClient,
): Promise<{ targetId: string; moved: number }> {
  return inTransaction(tx, async (client) => {
    const { sub, item } = await getSubTheme(client, input.id);
    if (item.mergedIntoId) throw new AppError("conflict", "That theme was merged into another one");
    await lockScope(client, item.scope);
    const rows = await selectRows<{ public_id: string }>(
      client,
      sql`select m.public_id from sub_theme_members s
          join backlog_items mb on coalesce(mb.merged_into_id, mb.id) = ${item.id}
          join theme_members m on m.backlog_item_id = mb.id and m.source_id = s.source_id
          where s.sub_theme_id = ${sub.id}`,
    );
    if (rows.length === 0) throw new AppError("conflict", "None of this sub-theme's answers are left in its theme");
    const moved = await moveThemeMembers(
      {
        id: item.id,
        memberIds: rows.map((r) => r.public_id),
        newLabel: sub.customLabel ?? sub.label,
        actor: input.actor,
      },
      client,
    );
    await client.delete(subThemes).where(eq(subThemes.id, sub.id));
    return moved;
  });
}
