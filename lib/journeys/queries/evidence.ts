import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  countThemeReachByPeriod,
  getThemeLabel,
  listOpenThemes,
  listThemeLabels,
  listThemeQuotes,
} from "@/lib/backlog/queries";
import { getDb, selectRows } from "@/lib/db/client";
import { journeySteps, journeyStepThemes } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import { toThemeEvidence } from "../evidence";
import { suggestThemeLinks } from "../link-suggestions";
import type { LinkThemeInput } from "../schemas";
import type { LinkableTheme, StepThemeLink, SuggestionView, ThemeEvidence } from "../types";
import { touchMap } from "./maps";
import { getStepInMap } from "./steps";

// Evidence from survey themes: links between steps and backlog themes, and what the themes show. The
// themes themselves are read through the backlog's functions.

export async function listLinkableThemes(): Promise<LinkableTheme[]> {
  return listOpenThemes();
}

/** Links, accepts or dismisses a theme for a step (one row per step and theme). */
export async function linkStepToTheme({
  mapId,
  stepId,
  input,
}: {
  mapId: string;
  stepId: string;
  input: LinkThemeInput;
}) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await getStepInMap(tx, mapId, stepId);
    const theme = await getThemeLabel({ id: input.backlogItemId }, tx);
    if (!theme)
      throw new AppError("validation", "Unknown theme", {
        backlogItemId: ["This theme does not exist in the backlog"],
      });
    await tx
      .insert(journeyStepThemes)
      .values({ stepId, backlogItemId: theme.id, status: input.status })
      .onConflictDoUpdate({
        target: [journeyStepThemes.stepId, journeyStepThemes.backlogItemId],
        set: { status: input.status },
      });
    await touchMap(tx, mapId);
    return { backlogItemId: theme.id, label: theme.label, status: input.status } satisfies StepThemeLink;
  });
}

export async function unlinkStepTheme({ mapId, stepId, themeId }: { mapId: string; stepId: string; themeId: string }) {
  const db = await getDb();
  await getStepInMap(db, mapId, stepId);
  const deleted = await db
    .delete(journeyStepThemes)
    .where(and(eq(journeyStepThemes.stepId, stepId), eq(journeyStepThemes.backlogItemId, themeId)))
    .returning({ stepId: journeyStepThemes.stepId });
  if (!deleted.length) throw notFound("Link");
}

/**
 * Evidence for every theme linked (accepted) to a step of the map: share of respondents in the
 * theme's scope, the per-quarter trend and up to three quotes. A theme, or a quarter of it, traced
 * to fewer than k distinct respondents is reported as hidden and carries no numbers or quotes
 * (lib/journeys/evidence.ts).
 */
export async function getJourneyEvidence({
  mapId,
}: {
  mapId: string;
}): Promise<{ k: number; themes: ThemeEvidence[] }> {
  const db = await getDb();
  const k = (await getWorkspaceSettings(db)).anonymityThreshold;
  const linkedIds = await selectRows<{ id: string }>(
    db,
    sql`select distinct l.backlog_item_id as id
        from journey_step_themes l
        join journey_steps s on s.id = l.step_id
        where s.map_id = ${mapId} and l.status = 'accepted'`,
  );
  const labels = await listThemeLabels({ ids: linkedIds.map((l) => l.id) }, db);
  const linked = linkedIds.flatMap((l) => (labels.has(l.id) ? [{ id: l.id, label: labels.get(l.id)! }] : []));
  if (!linked.length) return { k, themes: [] };

  // Respondent = one survey response (several member answers count once) or one friction entry; the
  // counts are the theme's released respondents, as on the backlog. Population = responses (or
  // friction entries) in the theme's scope, per quarter.
  const reach = await countThemeReachByPeriod({ itemIds: linked.map((l) => l.id) }, db);
  const themes = linked.map((theme) =>
    toThemeEvidence(
      theme,
      reach.filter((r) => r.itemId === theme.id),
      k,
    ),
  );
  const visibleIds = themes.filter((t) => !t.hidden).map((t) => t.backlogItemId);
  if (visibleIds.length) {
    const quoteRows = await listThemeQuotes({ itemIds: visibleIds, perItem: 3 }, db);
    for (const theme of themes)
      theme.quotes = quoteRows.filter((q) => q.item_id === theme.backlogItemId).map((q) => q.quote);
  }
  return { k, themes };
}

/** Themes that share terms with a step and were neither linked nor dismissed for it. */
export async function getLinkSuggestions({ mapId }: { mapId: string }): Promise<SuggestionView[]> {
  const db = await getDb();
  const steps = await db
    .select({ id: journeySteps.id, name: journeySteps.name, notes: journeySteps.notes })
    .from(journeySteps)
    .where(eq(journeySteps.mapId, mapId));
  if (!steps.length) return [];
  const themes = await listLinkableThemes();
  if (!themes.length) return [];
  const existing = await db
    .select({ stepId: journeyStepThemes.stepId, backlogItemId: journeyStepThemes.backlogItemId })
    .from(journeyStepThemes)
    .where(
      inArray(
        journeyStepThemes.stepId,
        steps.map((s) => s.id),
      ),
    );
  const exclude = new Set(existing.map((e) => `${e.stepId}:${e.backlogItemId}`));
  const labelById = new Map(themes.map((t) => [t.id, t.label]));
  return suggestThemeLinks(steps, themes, exclude).map((s) => ({ ...s, label: labelById.get(s.themeId) ?? "" }));
}
