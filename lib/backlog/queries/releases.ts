import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, selectRows, type Database, type DbClient } from "@/lib/db/client";
import { shouldRelease } from "@/lib/anonymity/release";
import { themeReleases } from "@/lib/db/schema";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import { INSERT_BATCH, lockScope, memberRespondent } from "./scope-sql";

// ---------------------------------------------------------------------------------------------
// Releases: who an item's published figures describe
//
// theme_releases holds an item's current release (version 0) as respondent names ("r:<response id>",
// "f:<friction entry id>") and every earlier release as versions 1, 2, … in order: the release rule
// compares a new release with all of them, since anyone may have seen any of them.

type ReleaseState = { current: string[]; earlier: Map<number, string[]> };
type ReleaseRow = { item_id: string; version: number; respondent: string };

function readReleaseRows(rows: ReleaseRow[]): Map<string, ReleaseState> {
  const out = new Map<string, ReleaseState>();
  for (const { item_id: itemId, version, respondent } of rows) {
    const state: ReleaseState = out.get(itemId) ?? { current: [], earlier: new Map() };
    if (Number(version) === 0) state.current.push(respondent);
    else state.earlier.set(Number(version), [...(state.earlier.get(Number(version)) ?? []), respondent]);
    out.set(itemId, state);
  }
  return out;
}

async function insertReleaseRows(client: DbClient, itemId: string, version: number, respondents: string[]) {
  for (let i = 0; i < respondents.length; i += INSERT_BATCH) {
    await client
      .insert(themeReleases)
      .values(
        respondents.slice(i, i + INSERT_BATCH).map((respondent) => ({ backlogItemId: itemId, version, respondent })),
      );
  }
}

/**
 * Moves each item's published respondents to its current membership when lib/anonymity/release.ts
 * allows it (at least k people from the release and from every earlier one), or unconditionally for
 * the ids in `fresh` (items an analysis run just created: nothing was published about them before).
 * Merged items are folded into their target, whose release covers both; a merged item keeps its own
 * releases for when the merge is undone. Runs inside the curation's transaction, under the scope's
 * lock. Returns the ids whose release changed.
 */
export async function releaseThemes(
  client: DbClient,
  itemIds: readonly string[],
  fresh: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  if (itemIds.length === 0) return [];
  const k = (await getWorkspaceSettings(client)).anonymityThreshold;
  const idList = sql.join(
    [...new Set(itemIds)].map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [openItems, currentRows, releaseRows] = await Promise.all([
    selectRows<{ id: string }>(
      client,
      sql`select id from backlog_items where id in (${idList}) and merged_into_id is null`,
    ),
    selectRows<{ item_id: string; respondent: string }>(
      client,
      sql`select distinct coalesce(b.merged_into_id, b.id) as item_id, ${memberRespondent} as respondent
          from theme_members m join backlog_items b on b.id = m.backlog_item_id
          left join answers a on a.id = m.answer_id
          where coalesce(b.merged_into_id, b.id) in (${idList})`,
    ),
    selectRows<ReleaseRow>(
      client,
      sql`select backlog_item_id as item_id, version, respondent from theme_releases where backlog_item_id in (${idList})`,
    ),
  ]);
  const members = new Map<string, string[]>();
  for (const r of currentRows) {
    const list = members.get(r.item_id) ?? [];
    list.push(r.respondent);
    members.set(r.item_id, list);
  }
  const releases = readReleaseRows(releaseRows);
  const changed: string[] = [];
  for (const { id } of openItems) {
    const now = members.get(id) ?? [];
    const { current: released, earlier } = releases.get(id) ?? { current: [], earlier: new Map<number, string[]>() };
    if (!fresh.has(id) && !shouldRelease({ released, current: now, k, earlier: [...earlier.values()] })) continue;
    if (released.length) {
      const version = Math.max(0, ...earlier.keys()) + 1;
      await insertReleaseRows(client, id, version, released);
    }
    await client.delete(themeReleases).where(and(eq(themeReleases.backlogItemId, id), eq(themeReleases.version, 0)));
    await insertReleaseRows(client, id, 0, now);
    changed.push(id);
  }
  return changed;
}

/**
 * Items that have never been released (curated before releases existed) get their first release by
 * the same rule, from an empty one: published once they have k respondents. Safe at any time, as
 * every release is; the server runs it once at start.
 */
export async function releaseUnreleasedThemes(database?: Database): Promise<number> {
  const db = database ?? (await getDb());
  const pending = await selectRows<{ id: string; scope: string }>(
    db,
    sql`select b.id, b.scope from backlog_items b
        where b.merged_into_id is null
          and not exists (select 1 from theme_releases r where r.backlog_item_id = b.id)
          and exists (select 1 from theme_members m join backlog_items c on c.id = m.backlog_item_id where c.id = b.id or c.merged_into_id = b.id)`,
  );
  let released = 0;
  for (const scope of new Set(pending.map((p) => p.scope))) {
    const ids = pending.filter((p) => p.scope === scope).map((p) => p.id);
    released += await db.transaction(async (tx) => {
      await lockScope(tx, scope);
      return (await releaseThemes(tx, ids)).length;
    });
  }
  return released;
}
