import "server-only";
import { sql } from "drizzle-orm";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import type { CsvCell } from "@/lib/export/csv";
import { toBacklogCsvRow, toSubThemeCsvRow } from "../csv-rows";
import { toSubThemeViews, type SubThemeCountRow } from "../sub-theme-view";
import { formatScope } from "../scope";
import { requireScope } from "./scope-sql";
import { listSubThemeCounts, listSubThemeQuotes } from "./sub-themes";
import { getBacklog } from "./view";

// Export: the ranked backlog as CSV, with quotes only for items of at least k people.

/** Up to `perItem` representative quotes per item, only for items with at least k respondents. */
export async function listExampleQuotes(input: { scope: string; itemIds: string[]; perItem: number }, tx?: DbClient) {
  const client = tx ?? (await getDb());
  if (input.itemIds.length === 0) return new Map<string, string[]>();
  const rows = await selectRows<{ eff_id: string; text: string }>(
    client,
    sql`select eff_id, text from (
          select coalesce(b.merged_into_id, b.id) as eff_id, coalesce(a.text_value, f.text, n.text) as text,
                 row_number() over (partition by coalesce(b.merged_into_id, b.id)
                                    order by m.representative_rank asc nulls last, m.public_id) as n
          from theme_members m
          join backlog_items b on b.id = m.backlog_item_id and b.scope = ${input.scope}
          left join answers a on a.id = m.answer_id
          left join friction_entries f on f.id = m.friction_entry_id
          left join feedback_notes n on n.id = m.feedback_note_id
          where coalesce(b.merged_into_id, b.id) in (${sql.join(
            input.itemIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        ) q where n <= ${input.perItem} order by eff_id, n`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.eff_id, [...(out.get(r.eff_id) ?? []), r.text]);
  return out;
}

/**
 * The backlog as CSV rows, pulled lazily. The ranked items are read first (so a failure is still a
 * proper error response); quotes are then fetched a page of items at a time while the client reads,
 * so memory stays flat however many answers there are.
 */
export async function openBacklogCsvRows(input: { scope: string }): Promise<AsyncIterable<CsvCell[]>> {
  const view = await getBacklog(input);
  const PAGE = 50;
  return (async function* () {
    for (let i = 0; i < view.items.length; i += PAGE) {
      const page = view.items.slice(i, i + PAGE);
      const quotes = await listExampleQuotes({
        scope: view.scope,
        itemIds: page.filter((p) => p.quotable).map((p) => p.id),
        perItem: 3,
      });
      const subThemes = await listSubThemeRows(
        view.scope,
        page.map((p) => p.id),
        view.anonymityThreshold,
      );
      for (const item of page) {
        yield toBacklogCsvRow(item, quotes.get(item.id) ?? [], view.anonymityThreshold);
        for (const sub of subThemes.get(item.id) ?? [])
          yield toSubThemeCsvRow(item, sub, { k: view.anonymityThreshold, population: view.population.respondents });
      }
    }
  })();
}

/** The sub-themes of a page of items as viewers see them, with up to 3 quotes each where shown. */
async function listSubThemeRows(scopeKey: string, itemIds: string[], k: number) {
  const client = await getDb();
  const rows = await listSubThemeCounts(client, { scope: requireScope(scopeKey), scopeKey, itemIds });
  const byItem = new Map<string, SubThemeCountRow[]>();
  for (const r of rows) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r]);
  const shown = [...byItem.values()].flatMap((itemRows) =>
    toSubThemeViews(itemRows, [], k)
      .filter((s) => !s.hidden)
      .map((s) => s.id),
  );
  const quotes = await listSubThemeQuotes(client, { subIds: shown, perSub: 3 });
  return new Map([...byItem].map(([itemId, itemRows]) => [itemId, toSubThemeViews(itemRows, quotes, k)]));
}

/** Every member text of a scope with the (merge-resolved) item it belongs to; for the demo seed's curation. */
export async function listScopeMemberTexts(input: { scope: string }, tx?: DbClient) {
  const client = tx ?? (await getDb());
  return selectRows<{ itemId: string; text: string }>(
    client,
    sql`select coalesce(b.merged_into_id, b.id) as "itemId", coalesce(a.text_value, f.text, n.text) as text
        from theme_members m join backlog_items b on b.id = m.backlog_item_id and b.scope = ${formatScope(requireScope(input.scope))}
        left join answers a on a.id = m.answer_id left join friction_entries f on f.id = m.friction_entry_id
        left join feedback_notes n on n.id = m.feedback_note_id`,
  );
}
