import "server-only";
import { asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { backlogItems } from "@/lib/db/schema";
import { parseScope } from "../scope";
import { isCurrentRelease, populationSql } from "./scope-sql";

// Backlog themes as other domains read them (journey maps link steps to themes and show their evidence).
// Counts come from each theme's current release, as on the backlog itself.

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

export type OpenTheme = { id: string; label: string; terms: string[]; scope: string };

/** Every theme that has not been merged away, by generated label. */
export async function listOpenThemes(tx?: DbClient): Promise<OpenTheme[]> {
  const client = tx ?? (await getDb());
  const rows = await client
    .select({
      id: backlogItems.id,
      label: sql<string>`coalesce(${backlogItems.customLabel}, ${backlogItems.label})`,
      terms: backlogItems.terms,
      scope: backlogItems.scope,
    })
    .from(backlogItems)
    .where(isNull(backlogItems.mergedIntoId))
    .orderBy(asc(backlogItems.label));
  return rows.map((r) => ({ ...r, terms: r.terms ?? [] }));
}

/** A theme's id and shown label, or null when there is no such theme. */
export async function getThemeLabel(
  { id }: { id: string },
  tx?: DbClient,
): Promise<{ id: string; label: string } | null> {
  const client = tx ?? (await getDb());
  const [theme] = await client
    .select({ id: backlogItems.id, label: sql<string>`coalesce(${backlogItems.customLabel}, ${backlogItems.label})` })
    .from(backlogItems)
    .where(eq(backlogItems.id, id));
  return theme ?? null;
}

/** Shown labels of the given themes, in the order of their generated labels (which curation never changes). */
export async function listThemeLabels(
  { ids }: { ids: readonly string[] },
  tx?: DbClient,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const client = tx ?? (await getDb());
  const rows = await client
    .select({
      id: backlogItems.id,
      label: sql<string>`coalesce(${backlogItems.customLabel}, ${backlogItems.label})`,
    })
    .from(backlogItems)
    .where(inArray(backlogItems.id, [...new Set(ids)]))
    .orderBy(asc(backlogItems.label));
  return new Map(rows.map((r) => [r.id, r.label]));
}

export type ThemeReach = { itemId: string; period: string; respondents: number; population: number };

/**
 * Per theme and quarter: its released respondents (one survey response, however many of its answers
 * are members, or one friction entry) and the population of the theme's scope in that quarter. A
 * quarter appears when either is non-zero; rows come in quarter order.
 */
export async function countThemeReachByPeriod(
  { itemIds }: { itemIds: string[] },
  tx?: DbClient,
): Promise<ThemeReach[]> {
  if (itemIds.length === 0) return [];
  const client = tx ?? (await getDb());
  const [items, members] = await Promise.all([
    selectRows<{ id: string; scope: string }>(
      client,
      sql`select id, scope from backlog_items where id in (${uuidList(itemIds)})`,
    ),
    selectRows<{ item_id: string; period: string; respondents: number }>(
      client,
      sql`select tr.backlog_item_id as item_id, coalesce(sv.period, fe.period, fn.period) as period,
                 count(distinct tr.respondent)::int as respondents
          from theme_releases tr
          left join responses r on 'r:' || r.id::text = tr.respondent
          left join surveys sv on sv.id = r.survey_id
          left join friction_entries fe on 'f:' || fe.id::text = tr.respondent
          left join feedback_notes fn on 'n:' || fn.id::text = tr.respondent
          where tr.backlog_item_id in (${uuidList(itemIds)}) and ${isCurrentRelease}
            and coalesce(sv.period, fe.period, fn.period) is not null
          group by 1, 2`,
    ),
  ]);
  // Themes of one scope share its population: one count per scope.
  const populationByScope = new Map<string, Map<string, number>>();
  for (const scopeKey of new Set(items.map((i) => i.scope))) {
    const scope = parseScope(scopeKey);
    const rows = scope
      ? await selectRows<{ period: string; population: number }>(
          client,
          sql`with pop as (${populationSql(scope)}) select period, count(*)::int as population from pop group by period`,
        )
      : [];
    populationByScope.set(scopeKey, new Map(rows.map((r) => [r.period, Number(r.population)])));
  }
  const out: ThemeReach[] = [];
  for (const item of items) {
    const population = populationByScope.get(item.scope) ?? new Map<string, number>();
    const respondents = new Map(
      members.filter((m) => m.item_id === item.id).map((m) => [m.period, Number(m.respondents)]),
    );
    for (const period of new Set([...population.keys(), ...respondents.keys()])) {
      out.push({
        itemId: item.id,
        period,
        respondents: respondents.get(period) ?? 0,
        population: population.get(period) ?? 0,
      });
    }
  }
  return out.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/**
 * Up to `perItem` quotes per theme (merged themes included), most similar first, at most one per
 * respondent so a talkative person does not fill the list. The caller decides which themes may be quoted.
 */
export async function listThemeQuotes(
  { itemIds, perItem }: { itemIds: string[]; perItem: number },
  tx?: DbClient,
): Promise<{ item_id: string; quote: string }[]> {
  if (itemIds.length === 0) return [];
  const client = tx ?? (await getDb());
  return selectRows<{ item_id: string; quote: string }>(
    client,
    sql`with candidates as (
          select l.id as item_id, coalesce(a.text_value, fe.text, nt.text) as quote, tm.similarity, tm.public_id,
            row_number() over (partition by l.id, coalesce('r:' || a.response_id::text, tm.source_id) order by tm.similarity desc, tm.public_id) as per_respondent
          from backlog_items l
          join backlog_items src on src.id = l.id or src.merged_into_id = l.id
          join theme_members tm on tm.backlog_item_id = src.id
          left join answers a on a.id = tm.answer_id
          left join friction_entries fe on fe.id = tm.friction_entry_id
          left join feedback_notes nt on nt.id = tm.feedback_note_id
          where l.id in (${uuidList(itemIds)})
            and length(trim(coalesce(a.text_value, fe.text, nt.text, ''))) > 0
        ),
        ranked as (
          select item_id, quote, row_number() over (partition by item_id order by similarity desc, public_id) as rank
          from candidates where per_respondent = 1
        )
        select item_id, quote from ranked where rank <= ${perItem} order by item_id, rank`,
  );
}
