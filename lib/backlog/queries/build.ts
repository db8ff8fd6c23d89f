import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { jsonBatches } from "@/lib/db/batching";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { backlogItems, backlogRuns, subThemeMembers, subThemes, themeMembers, themeReleases } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { announceBacklogAnalysed } from "@/lib/integrations/announce";
import { getSurveyById } from "@/lib/surveys/queries";
import { clusterOffThread } from "@/lib/text/cluster-off-thread";
import { scoreSentiment } from "@/lib/text/sentiment";
import { planReconciliation, type ExistingItem } from "../reconcile";
import type { AnalysisStage } from "../constants";
import { formatScope } from "../scope";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import { carryCuration, type CarryResult } from "./carry";
import { releaseThemes } from "./releases";
import { loadScopeTexts, lockScope, memberRefs, requireScope } from "./scope-sql";
import { replaceSubThemes } from "./sub-themes";
import { refreshPlannerStatistics } from "@/lib/db/statistics";

const YIELD_EVERY = 500;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export type BuildBacklogResult = {
  scope: string;
  requestedK: number | null;
  chosenK: number;
  textCount: number;
  itemsMatched: number;
  itemsCreated: number;
  itemsRemoved: number;
  /** New themes that took their curation from another scope's themes (lib/backlog/carry.ts). */
  itemsCarried: number;
  /** The scope the curation was carried from, and when it was analysed. */
  carriedFrom: CarryResult["from"];
};

/**
 * Re-clusters the scope's free text and reconciles the result with the scope's existing items in one
 * transaction (the rule is lib/backlog/reconcile.ts): a new theme that overlaps an earlier item
 * continues it (PM edits kept, label/terms refreshed), pinned answers stay where the PM put them,
 * merged items keep pointing at their target, new themes become new items, and earlier items left
 * without answers are kept only if curated. `k` is the number of themes (automatic when omitted).
 */
export async function buildBacklog(
  input: {
    scope: string;
    k?: number | null;
    actor?: AuditActor;
    /** Called as each stage starts (the analysis job shows it on the backlog page). */
    progress?: (stage: AnalysisStage, percent: number) => Promise<void>;
  },
  tx?: DbClient,
): Promise<BuildBacklogResult> {
  const scope = requireScope(input.scope);
  const scopeKey = formatScope(scope);
  const requestedK = input.k ?? null;
  const progress = input.progress ?? (async () => {});

  // Reading and clustering happen before the write transaction (clustering is seconds of CPU for
  // large scopes; curation requests should not wait on it). The seed passes its own transaction.
  const prepare = async (client: DbClient) => {
    if (scope.kind === "survey" && !(await getSurveyById({ id: scope.surveyId }, client))) throw notFound("Survey");
    await progress("reading", 5);
    const texts = await loadScopeTexts(client, scope);
    await progress("clustering", 15);
    const clustering = await clusterOffThread(
      texts.map(({ id, text }) => ({ id, text })),
      requestedK ? { k: requestedK } : {},
    );
    // Sentiment too is scored before the write transaction: on PGlite that transaction holds the one
    // connection, so submissions wait for it; CPU work inside it would make them wait longer.
    const sentiment = new Map<string, number>();
    for (const [i, t] of texts.entries()) {
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
      sentiment.set(t.id, scoreSentiment(t.text));
    }
    await progress("saving", 75);
    return { texts, clustering, sentiment };
  };

  const run = async (
    client: DbClient,
    { texts, clustering, sentiment }: Awaited<ReturnType<typeof prepare>>,
  ): Promise<BuildBacklogResult> => {
    await lockScope(client, scopeKey);

    // Journey links count as curation; they are read here rather than through lib/journeys, which
    // depends on the backlog (the reverse import would be a cycle).
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
    const plan = planReconciliation(existing, members, clustering.themes);

    if (itemIds.length) {
      await client
        .delete(themeMembers)
        .where(and(inArray(themeMembers.backlogItemId, itemIds), eq(themeMembers.pinned, 0)));
    }
    if (plan.removable.length) await client.delete(backlogItems).where(inArray(backlogItems.id, plan.removable));

    const rows: (typeof themeMembers.$inferInsert)[] = [];
    const created = new Set<string>();
    const continued: string[] = [];
    const createdThemes: { itemId: string; memberIds: string[]; terms: string[] }[] = [];
    const subThemesOf: Parameters<typeof replaceSubThemes>[1]["themes"] = [];
    for (const { theme, memberIds, continues } of plan.themes) {
      let itemId = continues;
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
        createdThemes.push({ itemId, memberIds, terms: theme.terms });
      }
      continued.push(itemId);
      subThemesOf.push({ itemId, members: new Set(memberIds), subThemes: theme.subThemes });
      const representative = new Map(theme.representativeIds.map((id, rank) => [id, rank + 1]));
      for (const sourceId of memberIds) {
        // Scoring sentiment is synchronous: let submissions and pages in every few hundred answers.
        rows.push({
          backlogItemId: itemId,
          sourceId,
          ...memberRefs(sourceId),
          ...(plan.publicIds.has(sourceId) ? { publicId: plan.publicIds.get(sourceId) } : {}),
          similarity: representative.has(sourceId) ? 1 : 0,
          sentiment: sentiment.get(sourceId) ?? scoreSentiment(""),
          representativeRank: representative.get(sourceId) ?? null,
          pinned: 0,
        });
      }
    }
    for (const batch of jsonBatches(rows)) {
      await insertThemeMembers(client, batch);
      await yieldToEventLoop();
    }

    // The analysis's sub-themes replace the previous ones (a continued sub-theme keeps its PM's name).
    const removed = new Set(plan.removable);
    await replaceSubThemes(client, {
      itemIds: [...itemIds.filter((id) => !removed.has(id)), ...created],
      themes: subThemesOf,
    });

    // Themes new to this scope take the curation of the same theme in another scope, before their
    // first release (a carried merge folds into the target's release).
    const carry = await carryCuration(client, {
      scope,
      scopeKey,
      texts,
      created: createdThemes,
      k: (await getWorkspaceSettings(client)).anonymityThreshold,
    });

    // New themes publish their membership; items that continue (or were kept for their curation)
    // follow the release rule like any curation, so re-analysis after a pinned move shows no one-person
    // difference either.
    const released = await releaseThemes(client, [...plan.kept, ...continued], created);
    const itemsCreated = created.size;

    const result: BuildBacklogResult = {
      scope: scopeKey,
      requestedK,
      chosenK: clustering.k,
      textCount: texts.length,
      itemsMatched: plan.matched,
      itemsCreated,
      itemsRemoved: plan.removable.length,
      itemsCarried: carry.carried,
      carriedFrom: carry.from,
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
          carried: carry.carried,
          carriedFrom: carry.from?.scope ?? null,
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
  const result = await db.transaction((t) => run(t, prepared));
  // The analysis rewrote thousands of memberships and releases: the queries that read them next
  // (theme detail, sub-theme counts, CSV) need current statistics, which PGlite never gathers itself.
  await refreshPlannerStatistics(db, [backlogItems, themeMembers, themeReleases, subThemes, subThemeMembers]);
  await announceBacklogAnalysed({ scope: scopeKey });
  return result;
}

/** Inserts theme members from one JSON document of jsonBatches (lib/db/batching.ts). */
async function insertThemeMembers(client: DbClient, batch: string): Promise<void> {
  await client.execute(sql`
    insert into theme_members (backlog_item_id, source_id, answer_id, friction_entry_id, feedback_note_id,
                               public_id, similarity, sentiment, representative_rank, pinned)
    select r."backlogItemId", r."sourceId", r."answerId", r."frictionEntryId", r."feedbackNoteId",
           coalesce(r."publicId", gen_random_uuid()), r.similarity, r.sentiment, r."representativeRank", r.pinned
    from jsonb_to_recordset(${batch}::jsonb) as r(
      "backlogItemId" uuid, "sourceId" text, "answerId" bigint, "frictionEntryId" bigint, "feedbackNoteId" bigint,
      "publicId" uuid, similarity real, sentiment real, "representativeRank" integer, pinned integer)`);
}
