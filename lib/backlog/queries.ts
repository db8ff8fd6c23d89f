import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, selectRows, type Database, type DbClient } from "@/lib/db/client";
import { shouldRelease } from "@/lib/anonymity/release";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import {
  backlogItems,
  backlogRuns,
  themeMembers,
  themeReleases,
  type BacklogItem,
  type BacklogStatus,
  type Effort,
} from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { periodOfDate } from "@/lib/period";
import type { CsvCell } from "@/lib/export/csv";
import { clusterOffThread } from "@/lib/text/cluster-off-thread";
import { scoreSentiment } from "@/lib/text/sentiment";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import { toBacklogCsvRow } from "./csv-rows";
import { matchThemes } from "./match-themes";
import { assignQuadrant, computeImpact, rankBacklog, type Impact, type Quadrant } from "./prioritise";
import { formatScope, parseScope, type BacklogScope } from "./scope";
import type { MoveMembersInput, UpdateBacklogItemInput } from "./schemas";

const INSERT_BATCH = 1000;
const QUOTE_LIMIT = 200;

function requireScope(value: string): BacklogScope {
  const scope = parseScope(value);
  if (!scope)
    throw new AppError("validation", "Unknown backlog scope", {
      scope: ["Choose a survey, a range of quarters or the friction log"],
    });
  return scope;
}

// ---------------------------------------------------------------------------------------------
// The population of a scope: who could have mentioned a theme. One row per survey response ("r:<id>"),
// or per friction entry for the friction log ("f:<id>", each entry counts as one respondent); the same
// names theme_releases uses.
function populationSql(scope: BacklogScope): SQL {
  if (scope.kind === "friction") {
    return sql`select 'f:' || f.id::text as respondent, null::uuid as response_id, f.team_id, f.period from friction_entries f`;
  }
  const where =
    scope.kind === "survey"
      ? sql`r.survey_id = ${scope.surveyId}`
      : sql`s.period between ${scope.from} and ${scope.to}`;
  return sql`select 'r:' || r.id::text as respondent, r.id as response_id, r.team_id, s.period
             from responses r join surveys s on s.id = r.survey_id where ${where}`;
}

type ScopeText = { id: string; text: string };

// One writer per scope at a time: a second "Analyse", or a move racing a rebuild, waits for the first.
async function lockScope(client: DbClient, scopeKey: string) {
  await client.execute(sql`select pg_advisory_xact_lock(hashtext(${"backlog:" + scopeKey}))`);
}

/** The scope's free text, each with its stable source id ("a:<answer id>" / "f:<friction entry id>"). */
async function loadScopeTexts(client: DbClient, scope: BacklogScope): Promise<ScopeText[]> {
  if (scope.kind === "friction") {
    return selectRows<ScopeText>(
      client,
      sql`select 'f:' || f.id::text as id, f.text from friction_entries f where btrim(f.text) <> '' order by f.id`,
    );
  }
  const where =
    scope.kind === "survey"
      ? sql`r.survey_id = ${scope.surveyId}`
      : sql`s.period between ${scope.from} and ${scope.to}`;
  return selectRows<ScopeText>(
    client,
    sql`select 'a:' || a.id::text as id, a.text_value as text
        from answers a
        join questions q on q.id = a.question_id and q.kind = 'free_text'
        join responses r on r.id = a.response_id
        join surveys s on s.id = r.survey_id
        where ${where} and a.text_value is not null and btrim(a.text_value) <> ''
        order by a.id`,
  );
}

/** The respondent behind a theme_members row `m` (with its answer joined as `a`). */
const memberRespondent = sql`coalesce('r:' || a.response_id::text, 'f:' || m.friction_entry_id::text)`;

const memberRefs = (sourceId: string) => {
  const id = Number(sourceId.slice(2));
  return sourceId.startsWith("a:") ? { answerId: id, frictionEntryId: null } : { answerId: null, frictionEntryId: id };
};

// ---------------------------------------------------------------------------------------------
// Releases: who an item's published figures describe
//
// theme_releases holds an item's current release (version 0) as respondent names ("r:<response id>",
// "f:<friction entry id>") and every earlier release as versions 1, 2, … in order: the release rule
// compares a new release with all of them, since anyone may have seen any of them.

/** SQL condition on theme_releases `tr`: the row is part of the current release, not the history. */
export const isCurrentRelease = sql`tr.version = 0`;

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
async function releaseThemes(
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

// ---------------------------------------------------------------------------------------------
// Build and reconcile

export type BuildBacklogResult = {
  scope: string;
  requestedK: number | null;
  chosenK: number;
  textCount: number;
  itemsMatched: number;
  itemsCreated: number;
  itemsRemoved: number;
};

type ExistingItem = Pick<
  BacklogItem,
  "id" | "mergedIntoId" | "customLabel" | "effort" | "status" | "owner" | "notes"
> & {
  hasMergedChildren: boolean;
  hasJourneyLinks: boolean;
};

/** Anything a PM did to an item: such items are kept even when no current answer mentions them. */
function isCurated(item: ExistingItem, pinnedCount: number): boolean {
  return (
    item.customLabel !== null ||
    item.effort !== null ||
    item.status !== "new" ||
    item.owner !== "" ||
    item.notes !== "" ||
    item.mergedIntoId !== null ||
    item.hasMergedChildren ||
    item.hasJourneyLinks ||
    pinnedCount > 0
  );
}

/**
 * Re-clusters the scope's free text and reconciles the result with the scope's existing items in one
 * transaction: a new theme that overlaps an earlier item continues it (PM edits kept, label/terms
 * refreshed), pinned answers stay where the PM put them, merged items keep pointing at their target,
 * new themes become new items, and earlier items left without answers are kept only if curated.
 * `k` is the number of themes (automatic when omitted).
 */
export async function buildBacklog(
  input: { scope: string; k?: number | null; actor?: AuditActor },
  tx?: DbClient,
): Promise<BuildBacklogResult> {
  const scope = requireScope(input.scope);
  const scopeKey = formatScope(scope);
  const requestedK = input.k ?? null;

  // Reading and clustering happen before the write transaction (clustering is seconds of CPU for
  // large scopes; curation requests should not wait on it). The seed passes its own transaction.
  const prepare = async (client: DbClient) => {
    if (scope.kind === "survey") {
      const [survey] = await selectRows<{ id: string }>(
        client,
        sql`select id from surveys where id = ${scope.surveyId}`,
      );
      if (!survey) throw notFound("Survey");
    }
    const texts = await loadScopeTexts(client, scope);
    return { texts, clustering: await clusterOffThread(texts, requestedK ? { k: requestedK } : {}) };
  };

  const run = async (
    client: DbClient,
    { texts, clustering }: Awaited<ReturnType<typeof prepare>>,
  ): Promise<BuildBacklogResult> => {
    await lockScope(client, scopeKey);
    const textById = new Map(texts.map((t) => [t.id, t.text]));

    const existing = await selectRows<ExistingItem>(
      client,
      sql`select b.id, b.merged_into_id as "mergedIntoId", b.custom_label as "customLabel", b.effort, b.status, b.owner, b.notes,
                 exists (select 1 from backlog_items c where c.merged_into_id = b.id) as "hasMergedChildren",
                 exists (select 1 from journey_step_themes j where j.backlog_item_id = b.id) as "hasJourneyLinks"
          from backlog_items b where b.scope = ${scopeKey} order by b.created_at, b.id`,
    );
    const itemIds = existing.map((i) => i.id);
    const members = itemIds.length
      ? await client
          .select({
            itemId: themeMembers.backlogItemId,
            sourceId: themeMembers.sourceId,
            pinned: themeMembers.pinned,
            publicId: themeMembers.publicId,
          })
          .from(themeMembers)
          .where(inArray(themeMembers.backlogItemId, itemIds))
      : [];

    const pinned = new Set(members.filter((m) => m.pinned).map((m) => m.sourceId));
    // A quote keeps its public id across re-analysis, so an editor's selection stays valid.
    const publicIds = new Map(members.map((m) => [m.sourceId, m.publicId]));
    const pinnedCount = new Map<string, number>();
    const previous = new Map<string, string[]>(itemIds.map((id) => [id, []]));
    for (const m of members) {
      if (m.pinned) pinnedCount.set(m.itemId, (pinnedCount.get(m.itemId) ?? 0) + 1);
      else previous.get(m.itemId)!.push(m.sourceId);
    }
    // A PM's manual placement beats the clustering: pinned answers leave the fresh themes.
    const next = clustering.themes
      .map((theme) => ({ theme, memberIds: theme.memberIds.filter((id) => !pinned.has(id)) }))
      .filter((t) => t.memberIds.length > 0);
    const matches = matchThemes(
      [...previous].map(([id, memberIds]) => ({ id, memberIds })),
      next.map((t, index) => ({ id: String(index), memberIds: t.memberIds })),
    );
    const itemForTheme = new Map(matches.map((m) => [Number(m.nextId), m.previousId]));
    const matchedItems = new Set(matches.map((m) => m.previousId));

    if (itemIds.length) {
      await client
        .delete(themeMembers)
        .where(and(inArray(themeMembers.backlogItemId, itemIds), eq(themeMembers.pinned, 0)));
    }

    const removable = existing
      .filter((item) => !matchedItems.has(item.id) && !isCurated(item, pinnedCount.get(item.id) ?? 0))
      .map((i) => i.id);
    if (removable.length) await client.delete(backlogItems).where(inArray(backlogItems.id, removable));

    const rows: (typeof themeMembers.$inferInsert)[] = [];
    const created = new Set<string>();
    const continued: string[] = [];
    for (let index = 0; index < next.length; index++) {
      const { theme, memberIds } = next[index];
      let itemId = itemForTheme.get(index);
      if (itemId) {
        await client
          .update(backlogItems)
          .set({ label: theme.label, terms: theme.terms, updatedAt: new Date() })
          .where(eq(backlogItems.id, itemId));
      } else {
        const [inserted] = await client
          .insert(backlogItems)
          .values({ scope: scopeKey, label: theme.label, terms: theme.terms })
          .returning({ id: backlogItems.id });
        itemId = inserted.id;
        created.add(itemId);
      }
      continued.push(itemId);
      const representative = new Map(theme.representativeIds.map((id, rank) => [id, rank + 1]));
      for (const sourceId of memberIds) {
        rows.push({
          backlogItemId: itemId,
          sourceId,
          ...memberRefs(sourceId),
          ...(publicIds.has(sourceId) ? { publicId: publicIds.get(sourceId) } : {}),
          similarity: representative.has(sourceId) ? 1 : 0,
          sentiment: scoreSentiment(textById.get(sourceId) ?? ""),
          representativeRank: representative.get(sourceId) ?? null,
          pinned: 0,
        });
      }
    }
    for (let i = 0; i < rows.length; i += INSERT_BATCH)
      await client.insert(themeMembers).values(rows.slice(i, i + INSERT_BATCH));

    // New themes publish their membership; items that continue (or were kept for their curation)
    // follow the release rule like any curation, so re-analysis after a pinned move shows no one-person
    // difference either.
    const kept = existing.filter((item) => !removable.includes(item.id)).map((item) => item.id);
    const released = await releaseThemes(client, [...kept, ...continued], created);
    const itemsCreated = created.size;

    const result: BuildBacklogResult = {
      scope: scopeKey,
      requestedK,
      chosenK: clustering.k,
      textCount: texts.length,
      itemsMatched: matches.length,
      itemsCreated,
      itemsRemoved: removable.length,
    };
    await client.insert(backlogRuns).values({
      scope: scopeKey,
      requestedK,
      chosenK: result.chosenK,
      textCount: result.textCount,
      itemsMatched: result.itemsMatched,
      itemsCreated: result.itemsCreated,
      itemsRemoved: result.itemsRemoved,
      // The clock, not now(): several builds in one transaction (the demo seed) must still order.
      ranAt: new Date(),
    });
    await recordAudit(
      {
        actor: input.actor ?? null,
        action: "backlog.analyse",
        subject: scopeKey,
        detail: {
          scope: scopeKey,
          themes: result.chosenK,
          created: itemsCreated,
          continued: result.itemsMatched,
          removed: result.itemsRemoved,
          released: released.length,
        },
      },
      client,
    );
    return result;
  };

  if (tx) return run(tx, await prepare(tx));
  const db = await getDb();
  const prepared = await prepare(db);
  return db.transaction((t) => run(t, prepared));
}

// ---------------------------------------------------------------------------------------------
// Reading: metrics per item, aggregated in SQL

export type MentionRate = { period: string; mentioners: number | null; respondents: number; rate: number | null };

export type BacklogListItem = {
  id: string;
  label: string;
  generatedLabel: string;
  customLabel: string | null;
  terms: string[];
  effort: Effort | null;
  status: BacklogStatus;
  owner: string;
  notes: string;
  statusChangedAt: string | null;
  /** Quarter in which the status was last changed, for the closing-the-loop marker. */
  statusChangedPeriod: string | null;
  mergedFrom: { id: string; label: string }[];
  respondents: number;
  mentions: number;
  share: number;
  sentiment: number | null;
  negativeShare: number | null;
  mentionersNps: number | null;
  mentionersLikert: number | null;
  impact: number;
  impactComponents: Impact["components"];
  quadrant: Quadrant;
  rank: number;
  score: number;
  /** False when fewer than k people mention it: quotes and team breakdown are withheld. */
  quotable: boolean;
  mentionRates: MentionRate[];
};

export type BacklogView = {
  scope: string;
  run: { requestedK: number | null; chosenK: number; textCount: number; ranAt: string } | null;
  thresholds: { frequencyThreshold: number; impactThreshold: number };
  anonymityThreshold: number;
  population: { respondents: number; nps: number | null; likert: number | null };
  periods: { period: string; respondents: number }[];
  items: BacklogListItem[];
};

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());

type ItemRow = {
  id: string;
  label: string;
  custom_label: string | null;
  terms: string[];
  effort: Effort | null;
  status: BacklogStatus;
  owner: string;
  notes: string;
  status_changed_at: string | null;
  respondents: number | null;
  mentions: number | null;
  sentiment: number | null;
  negative_share: number | null;
  nps: number | null;
  likert: number | null;
};

/**
 * Shared CTEs: the scope's population, its per-respondent scores, item memberships folded onto merge
 * targets (`mem`: the answers, which editors curate and see at once) and each item's released
 * respondents (`rel`: who its published figures describe; see releaseThemes).
 */
function scopeCtes(scope: BacklogScope, scopeKey: string): SQL {
  return sql`pop as (${populationSql(scope)}),
    scores as (
      select p.respondent,
             avg(an.number_value) filter (where q.kind = 'nps')::float8 as nps,
             avg(an.number_value) filter (where q.kind = 'likert')::float8 as likert
      from pop p
      join answers an on an.response_id = p.response_id and an.number_value is not null
      join questions q on q.id = an.question_id and q.kind in ('nps', 'likert')
      group by p.respondent),
    items as (select id, coalesce(merged_into_id, id) as eff_id from backlog_items where scope = ${scopeKey}),
    mem as (
      select i.eff_id, m.sentiment, ${memberRespondent} as respondent
      from theme_members m join items i on i.id = m.backlog_item_id
      left join answers a on a.id = m.answer_id),
    rel as (
      select tr.backlog_item_id as eff_id, tr.respondent
      from theme_releases tr join items i on i.id = tr.backlog_item_id and i.id = i.eff_id
      join pop on pop.respondent = tr.respondent
      where ${isCurrentRelease})`;
}

export async function getBacklog(input: { scope: string }, tx?: DbClient): Promise<BacklogView> {
  const scope = requireScope(input.scope);
  const scopeKey = formatScope(scope);
  const client = tx ?? (await getDb());
  const settings = await getWorkspaceSettings(client);
  const k = settings.anonymityThreshold;
  const thresholds = { frequencyThreshold: settings.frequencyThreshold, impactThreshold: settings.impactThreshold };

  const [[population], periodRows, itemRows, rateRows, mergedRows, [lastRun]] = await Promise.all([
    selectRows<{ respondents: number; nps: number | null; likert: number | null }>(
      client,
      sql`with ${scopeCtes(scope, scopeKey)}
          select count(*)::int as respondents, avg(s.nps)::float8 as nps, avg(s.likert)::float8 as likert
          from pop left join scores s on s.respondent = pop.respondent`,
    ),
    selectRows<{ period: string; respondents: number }>(
      client,
      sql`with pop as (${populationSql(scope)}) select period, count(*)::int as respondents from pop group by period order by period`,
    ),
    selectRows<ItemRow>(
      client,
      sql`with ${scopeCtes(scope, scopeKey)}
          select b.id, b.label, b.custom_label, b.terms, b.effort, b.status, b.owner, b.notes, b.status_changed_at,
                 x.respondents, y.mentions, y.sentiment, y.negative_share, x.nps, x.likert
          from backlog_items b
          left join (
            select r.eff_id, count(*)::int as respondents, avg(s.nps)::float8 as nps, avg(s.likert)::float8 as likert
            from rel r left join scores s on s.respondent = r.respondent group by r.eff_id
          ) x on x.eff_id = b.id
          -- Mentions and sentiment describe the answers' text, which editors read as quotes anyway;
          -- everything about the people (count, scores, quarters, teams) comes from the release.
          left join (
            select eff_id, count(*)::int as mentions, avg(sentiment)::float8 as sentiment,
                   avg(case when sentiment < 0 then 1.0 else 0.0 end)::float8 as negative_share
            from mem group by eff_id
          ) y on y.eff_id = b.id
          where b.scope = ${scopeKey} and b.merged_into_id is null`,
    ),
    selectRows<{ eff_id: string; period: string; mentioners: number }>(
      client,
      sql`with ${scopeCtes(scope, scopeKey)}
          select r.eff_id, p.period, count(*)::int as mentioners
          from rel r join pop p on p.respondent = r.respondent group by r.eff_id, p.period`,
    ),
    selectRows<{ id: string; label: string; custom_label: string | null; merged_into_id: string }>(
      client,
      sql`select id, label, custom_label, merged_into_id from backlog_items where scope = ${scopeKey} and merged_into_id is not null order by label`,
    ),
    client
      .select()
      .from(backlogRuns)
      .where(eq(backlogRuns.scope, scopeKey))
      .orderBy(sql`${backlogRuns.ranAt} desc`)
      .limit(1),
  ]);

  const total = population?.respondents ?? 0;
  const everyoneNps = num(population?.nps);
  const everyoneLikert = num(population?.likert);
  const periods = periodRows.map((p) => ({ period: p.period, respondents: Number(p.respondents) }));
  const ratesByItem = new Map<string, Map<string, number>>();
  for (const r of rateRows) {
    if (!ratesByItem.has(r.eff_id)) ratesByItem.set(r.eff_id, new Map());
    ratesByItem.get(r.eff_id)!.set(r.period, Number(r.mentioners));
  }
  const mergedFrom = new Map<string, { id: string; label: string }[]>();
  for (const m of mergedRows) {
    const list = mergedFrom.get(m.merged_into_id) ?? [];
    list.push({ id: m.id, label: m.custom_label ?? m.label });
    mergedFrom.set(m.merged_into_id, list);
  }

  const items = itemRows.map((row) => {
    const respondents = Number(row.respondents ?? 0);
    const share = total > 0 ? respondents / total : 0;
    // The scores of fewer than k people describe those people (one mentioner's NPS is their answer),
    // and impact can be solved back to them: a small theme keeps its counts but shows no scores.
    const scored = respondents >= k;
    const mentionersNps = scored ? num(row.nps) : null;
    const mentionersLikert = scored ? num(row.likert) : null;
    const negativeShare = scored ? num(row.negative_share) : null;
    const { impact, components } = computeImpact({
      mentionersNps,
      everyoneNps,
      mentionersLikert,
      everyoneLikert,
      negativeShare,
    });
    const rates = ratesByItem.get(row.id);
    return {
      id: row.id,
      label: row.custom_label ?? row.label,
      generatedLabel: row.label,
      customLabel: row.custom_label,
      terms: row.terms ?? [],
      effort: row.effort,
      status: row.status,
      owner: row.owner,
      notes: row.notes,
      statusChangedAt: iso(row.status_changed_at),
      statusChangedPeriod: row.status_changed_at ? periodOfDate(row.status_changed_at) : null,
      mergedFrom: mergedFrom.get(row.id) ?? [],
      respondents,
      mentions: Number(row.mentions ?? 0),
      share,
      sentiment: scored ? num(row.sentiment) : null,
      negativeShare,
      mentionersNps,
      mentionersLikert,
      impact,
      impactComponents: components,
      quadrant: assignQuadrant({ share, impact }, thresholds),
      quotable: respondents >= k,
      // A quarter with fewer than k responses in scope shows no rate (its small group stays hidden).
      mentionRates: periods.map((p) => {
        const mentioners = rates?.get(p.period) ?? 0;
        // Hidden means the count too: mentioners over respondents is the rate again.
        return p.respondents >= k
          ? { period: p.period, mentioners, respondents: p.respondents, rate: mentioners / p.respondents }
          : { period: p.period, mentioners: null, respondents: p.respondents, rate: null };
      }),
    };
  });

  return {
    scope: scopeKey,
    run: lastRun
      ? {
          requestedK: lastRun.requestedK,
          chosenK: lastRun.chosenK,
          textCount: lastRun.textCount,
          ranAt: lastRun.ranAt.toISOString(),
        }
      : null,
    thresholds,
    anonymityThreshold: k,
    population: { respondents: total, nps: everyoneNps, likert: everyoneLikert },
    periods,
    items: rankBacklog(items),
  };
}

/**
 * A quote in a theme. `id` is the member's random public id: answer and friction ids are sequential,
 * a clock of submission order, and never leave the server.
 */
export type BacklogQuote = {
  id: string;
  source: "survey" | "friction";
  text: string;
  pinned: boolean;
  representative: boolean;
};
export type BacklogItemDetail = {
  item: BacklogListItem;
  scope: string;
  anonymityThreshold: number;
  /** Empty when the item is traced to fewer than k respondents. */
  quotes: BacklogQuote[];
  quoteCount: number;
  /** Teams with at least k mentioners; empty for an item under k. */
  teams: { teamId: string | null; name: string; mentioners: number; respondents: number; share: number }[];
  /** Mentioners in teams whose own count is under k, shown as one line. */
  hiddenTeamMentioners: number;
  quotesHidden: boolean;
};

async function getItemRow(client: DbClient, id: string): Promise<BacklogItem> {
  const [item] = await client.select().from(backlogItems).where(eq(backlogItems.id, id));
  if (!item) throw notFound("Backlog item");
  return item;
}

export async function getBacklogItem(input: { id: string }, tx?: DbClient): Promise<BacklogItemDetail> {
  const client = tx ?? (await getDb());
  let row = await getItemRow(client, input.id);
  if (row.mergedIntoId) row = await getItemRow(client, row.mergedIntoId);
  const view = await getBacklog({ scope: row.scope }, client);
  const item = view.items.find((i) => i.id === row.id);
  if (!item) throw notFound("Backlog item");
  const k = view.anonymityThreshold;
  const scope = requireScope(row.scope);
  if (!item.quotable) {
    // Anonymity: fewer than k people behind the theme — nothing that could point at them leaves here.
    return {
      item,
      scope: view.scope,
      anonymityThreshold: k,
      quotes: [],
      quoteCount: item.mentions,
      teams: [],
      hiddenTeamMentioners: 0,
      quotesHidden: true,
    };
  }
  const [quotes, teamRows] = await Promise.all([
    selectRows<{
      public_id: string;
      friction: boolean;
      text: string;
      pinned: number;
      representative_rank: number | null;
    }>(
      client,
      sql`select m.public_id, m.friction_entry_id is not null as friction, coalesce(a.text_value, f.text) as text, m.pinned, m.representative_rank
          from theme_members m
          join backlog_items b on b.id = m.backlog_item_id
          left join answers a on a.id = m.answer_id
          left join friction_entries f on f.id = m.friction_entry_id
          where coalesce(b.merged_into_id, b.id) = ${row.id}
          order by m.representative_rank asc nulls last, m.pinned desc, length(coalesce(a.text_value, f.text)) desc, m.public_id
          limit ${QUOTE_LIMIT}`,
    ),
    selectRows<{ team_id: string | null; name: string | null; mentioners: number; respondents: number }>(
      client,
      sql`with ${scopeCtes(scope, view.scope)},
          team_pop as (select team_id, count(*)::int as respondents from pop group by team_id)
          select p.team_id, t.name, count(*)::int as mentioners, max(tp.respondents)::int as respondents
          from rel r join pop p on p.respondent = r.respondent
          left join teams t on t.id = p.team_id
          left join team_pop tp on tp.team_id is not distinct from p.team_id
          where r.eff_id = ${row.id}
          group by p.team_id, t.name
          order by count(*) desc, t.name`,
    ),
  ]);
  const visible = teamRows.filter((t) => Number(t.mentioners) >= k);
  const hidden = teamRows.filter((t) => Number(t.mentioners) < k).reduce((sum, t) => sum + Number(t.mentioners), 0);
  return {
    item,
    scope: view.scope,
    anonymityThreshold: k,
    quotes: quotes.map((q) => ({
      id: q.public_id,
      source: q.friction ? "friction" : "survey",
      text: q.text,
      pinned: Number(q.pinned) > 0,
      representative: q.representative_rank !== null,
    })),
    quoteCount: item.mentions,
    teams: visible.map((t) => ({
      teamId: t.team_id,
      name: t.name ?? "No team given",
      mentioners: Number(t.mentioners),
      respondents: Number(t.respondents),
      share: Number(t.respondents) > 0 ? Number(t.mentioners) / Number(t.respondents) : 0,
    })),
    hiddenTeamMentioners: hidden,
    quotesHidden: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Curation

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

/** Runs `work` in the caller's transaction, or in a new one. */
async function inTransaction<T>(tx: DbClient | undefined, work: (client: DbClient) => Promise<T>): Promise<T> {
  if (tx) return work(tx);
  return (await getDb()).transaction((t) => work(t));
}

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

// ---------------------------------------------------------------------------------------------
// Scopes to offer in the picker

export type BacklogScopeOptions = {
  surveys: { id: string; title: string; period: string; textCount: number }[];
  periods: string[];
  frictionCount: number;
  analysed: { scope: string; ranAt: string }[];
};

export async function listBacklogScopeOptions(tx?: DbClient): Promise<BacklogScopeOptions> {
  const client = tx ?? (await getDb());
  const [surveys, [friction], analysed] = await Promise.all([
    selectRows<{ id: string; title: string; period: string; text_count: number }>(
      client,
      sql`select s.id, s.title, s.period,
                 (select count(*)::int from answers a join questions q on q.id = a.question_id and q.kind = 'free_text'
                  join responses r on r.id = a.response_id
                  where r.survey_id = s.id and a.text_value is not null and btrim(a.text_value) <> '') as text_count
          from surveys s order by s.period desc, s.created_at desc`,
    ),
    selectRows<{ n: number }>(client, sql`select count(*)::int as n from friction_entries`),
    selectRows<{ scope: string; ran_at: string }>(
      client,
      sql`select scope, max(ran_at) as ran_at from backlog_runs group by scope order by max(ran_at) desc`,
    ),
  ]);
  return {
    surveys: surveys.map((s) => ({ id: s.id, title: s.title, period: s.period, textCount: Number(s.text_count) })),
    periods: [...new Set(surveys.map((s) => s.period))].sort(),
    frictionCount: Number(friction?.n ?? 0),
    analysed: analysed.map((a) => ({ scope: a.scope, ranAt: iso(a.ran_at)! })),
  };
}

/** Lists the open items of a scope for pickers (merge into, move to). */
export async function listBacklogItemNames(input: { scope: string }, tx?: DbClient) {
  const client = tx ?? (await getDb());
  const rows = await client
    .select({ id: backlogItems.id, label: backlogItems.label, customLabel: backlogItems.customLabel })
    .from(backlogItems)
    .where(
      and(eq(backlogItems.scope, formatScope(requireScope(input.scope))), sql`${backlogItems.mergedIntoId} is null`),
    );
  return rows.map((r) => ({ id: r.id, label: r.customLabel ?? r.label }));
}

// ---------------------------------------------------------------------------------------------
// Export

/** Up to `perItem` representative quotes per item, only for items with at least k respondents. */
export async function listExampleQuotes(input: { scope: string; itemIds: string[]; perItem: number }, tx?: DbClient) {
  const client = tx ?? (await getDb());
  if (input.itemIds.length === 0) return new Map<string, string[]>();
  const rows = await selectRows<{ eff_id: string; text: string }>(
    client,
    sql`select eff_id, text from (
          select coalesce(b.merged_into_id, b.id) as eff_id, coalesce(a.text_value, f.text) as text,
                 row_number() over (partition by coalesce(b.merged_into_id, b.id)
                                    order by m.representative_rank asc nulls last, m.public_id) as n
          from theme_members m
          join backlog_items b on b.id = m.backlog_item_id and b.scope = ${input.scope}
          left join answers a on a.id = m.answer_id
          left join friction_entries f on f.id = m.friction_entry_id
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
      for (const item of page) yield toBacklogCsvRow(item, quotes.get(item.id) ?? [], view.anonymityThreshold);
    }
  })();
}

/** Every member text of a scope with the (merge-resolved) item it belongs to; for the demo seed's curation. */
export async function listScopeMemberTexts(input: { scope: string }, tx?: DbClient) {
  const client = tx ?? (await getDb());
  return selectRows<{ itemId: string; text: string }>(
    client,
    sql`select coalesce(b.merged_into_id, b.id) as "itemId", coalesce(a.text_value, f.text) as text
        from theme_members m join backlog_items b on b.id = m.backlog_item_id and b.scope = ${formatScope(requireScope(input.scope))}
        left join answers a on a.id = m.answer_id left join friction_entries f on f.id = m.friction_entry_id`,
  );
}
