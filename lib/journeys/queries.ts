import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, inTransaction, selectRows, type DbClient } from "@/lib/db/client";
import {
  backlogItems,
  baselineWorkflows,
  journeyMaps,
  journeySteps,
  journeyStepThemes,
  workflowTimings,
  type JourneyStep,
} from "@/lib/db/schema";
import { AppError, notFound, pgErrorCode } from "@/lib/errors";
import { isCurrentRelease } from "@/lib/backlog/queries";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import { builtInWorkflows } from "./baseline-workflows";
import { suggestThemeLinks } from "./link-suggestions";
import { isPermutationOf } from "./reorder";
import type {
  CreateJourneyMapInput,
  CreateStepInput,
  CreateWorkflowInput,
  LinkThemeInput,
  RecordTimingInput,
  ReorderStepsInput,
  UpdateJourneyMapInput,
  UpdateStepInput,
  UpdateWorkflowInput,
} from "./schemas";
import { journeyTemplates } from "./templates";
import { previousPeriod } from "@/lib/period";
import { assessTiming, medianOf } from "./timings";
import type {
  JourneyMapDetail,
  JourneyMapSummary,
  JourneyStepView,
  LinkableTheme,
  StepThemeLink,
  SuggestionView,
  ThemeEvidence,
  WorkflowTimingRow,
} from "./types";
import type { JourneyPath } from "./constants";

const iso = (value: Date | string) => new Date(value).toISOString();

// ---------------------------------------------------------------------------------------------
// Maps

export async function listJourneyMaps(): Promise<JourneyMapSummary[]> {
  const db = await getDb();
  // A golden step marked "eliminated" only documents a removal, so it is not counted.
  const rows = await selectRows<{
    id: string;
    name: string;
    workflow: string;
    persona: string;
    maturity_now: number;
    maturity_target: number;
    updated_at: Date | string;
    current_steps: number;
    current_minutes: number;
    golden_steps: number;
    golden_minutes: number;
    not_designed_minutes: number;
  }>(
    db,
    sql`select m.id, m.name, m.workflow, m.persona, m.maturity_now, m.maturity_target, m.updated_at,
          (count(s.id) filter (where s.path = 'current'))::int as current_steps,
          coalesce(sum(s.minutes) filter (where s.path = 'current'), 0)::float8 as current_minutes,
          (count(s.id) filter (where s.path = 'golden' and s.outcome is distinct from 'eliminated'))::int as golden_steps,
          coalesce(sum(s.minutes) filter (where s.path = 'golden' and s.outcome is distinct from 'eliminated'), 0)::float8 as golden_minutes,
          coalesce(sum(s.minutes) filter (where s.path = 'current' and not exists (
            select 1 from journey_steps g where g.map_id = m.id and g.path = 'golden' and g.counterpart_step_id = s.id
          )), 0)::float8 as not_designed_minutes
        from journey_maps m
        left join journey_steps s on s.map_id = m.id
        group by m.id
        order by m.updated_at desc, m.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    workflow: r.workflow,
    persona: r.persona,
    maturityNow: Number(r.maturity_now),
    maturityTarget: Number(r.maturity_target),
    updatedAt: iso(r.updated_at),
    currentSteps: Number(r.current_steps),
    currentMinutes: Number(r.current_minutes),
    goldenSteps: Number(r.golden_steps),
    goldenMinutes: Number(r.golden_minutes),
    notDesignedMinutes: Number(r.not_designed_minutes),
  }));
}

export async function getJourneyMap({ id }: { id: string }, tx?: DbClient): Promise<JourneyMapDetail | null> {
  const client = tx ?? (await getDb());
  const [map] = await client.select().from(journeyMaps).where(eq(journeyMaps.id, id));
  if (!map) return null;
  const steps = await client
    .select()
    .from(journeySteps)
    .where(eq(journeySteps.mapId, id))
    .orderBy(asc(journeySteps.path), asc(journeySteps.position));
  const links = steps.length
    ? await client
        .select({
          stepId: journeyStepThemes.stepId,
          backlogItemId: journeyStepThemes.backlogItemId,
          status: journeyStepThemes.status,
          label: sql<string>`coalesce(${backlogItems.customLabel}, ${backlogItems.label})`,
        })
        .from(journeyStepThemes)
        .innerJoin(backlogItems, eq(backlogItems.id, journeyStepThemes.backlogItemId))
        .where(
          inArray(
            journeyStepThemes.stepId,
            steps.map((s) => s.id),
          ),
        )
        .orderBy(asc(backlogItems.label))
    : [];
  const linksByStep = new Map<string, StepThemeLink[]>();
  for (const l of links) {
    const list = linksByStep.get(l.stepId) ?? [];
    list.push({ backlogItemId: l.backlogItemId, label: l.label, status: l.status });
    linksByStep.set(l.stepId, list);
  }
  return {
    map: {
      id: map.id,
      name: map.name,
      workflow: map.workflow,
      persona: map.persona,
      maturityNow: map.maturityNow,
      maturityTarget: map.maturityTarget,
      createdAt: iso(map.createdAt),
      updatedAt: iso(map.updatedAt),
    },
    steps: steps.map((s) => toStepView(s, linksByStep.get(s.id) ?? [])),
  };
}

function toStepView(s: JourneyStep, themes: StepThemeLink[]): JourneyStepView {
  return {
    id: s.id,
    path: s.path,
    position: s.position,
    name: s.name,
    minutes: Number(s.minutes),
    pain: s.pain,
    loadType: s.loadType,
    loadLevel: s.loadLevel,
    tools: s.tools,
    concepts: s.concepts,
    configFiles: s.configFiles,
    people: s.people,
    dashboards: s.dashboards,
    docs: s.docs,
    notes: s.notes,
    counterpartStepId: s.counterpartStepId,
    outcome: s.outcome,
    themes,
  };
}

/** Creates a map, blank or filled from a template, in one transaction. */
export async function createJourneyMap(
  { input }: { input: CreateJourneyMapInput },
  client?: DbClient,
): Promise<{ id: string }> {
  const { templateId, ...fields } = input;
  const template = templateId ? journeyTemplates.find((t) => t.id === templateId) : undefined;
  if (templateId && !template)
    throw new AppError("validation", "Unknown template", { templateId: ["Choose one of the templates"] });
  assertMaturityOrder(fields.maturityNow, fields.maturityTarget);
  return inTransaction(client, async (tx) => {
    const [map] = await tx
      .insert(journeyMaps)
      .values({
        ...fields,
        workflow: fields.workflow || template?.workflow || "",
        persona: fields.persona || template?.persona || "",
      })
      .returning({ id: journeyMaps.id });
    if (template) {
      const currentIds = template.current.map(() => randomUUID());
      if (template.current.length) {
        await tx.insert(journeySteps).values(
          template.current.map((step, position) => ({
            ...step,
            id: currentIds[position],
            mapId: map.id,
            path: "current" as const,
            position,
          })),
        );
      }
      if (template.golden.length) {
        await tx.insert(journeySteps).values(
          template.golden.map(({ replaces, ...step }, position) => ({
            ...step,
            mapId: map.id,
            path: "golden" as const,
            position,
            counterpartStepId: replaces === undefined ? null : currentIds[replaces],
            outcome: step.outcome ?? null,
          })),
        );
      }
    }
    return { id: map.id };
  });
}

function assertMaturityOrder(now: number | undefined, target: number | undefined) {
  if (now !== undefined && target !== undefined && target < now) {
    throw new AppError("validation", "The target maturity cannot be below the current one", {
      maturityTarget: ["Set a target at or above the current maturity"],
    });
  }
}

export async function updateJourneyMap({ id, input }: { id: string; input: UpdateJourneyMapInput }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(journeyMaps).where(eq(journeyMaps.id, id)).for("update");
    if (!existing) throw notFound("Journey map");
    assertMaturityOrder(input.maturityNow ?? existing.maturityNow, input.maturityTarget ?? existing.maturityTarget);
    await tx
      .update(journeyMaps)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(journeyMaps.id, id));
    return (await getJourneyMap({ id }, tx))!.map;
  });
}

export async function deleteJourneyMap({ id }: { id: string }) {
  const db = await getDb();
  const deleted = await db.delete(journeyMaps).where(eq(journeyMaps.id, id)).returning({ id: journeyMaps.id });
  if (!deleted.length) throw notFound("Journey map");
}

/** Copies a map with its steps, counterpart links and theme links, in one transaction. */
export async function duplicateJourneyMap({ id }: { id: string }): Promise<{ id: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [source] = await tx.select().from(journeyMaps).where(eq(journeyMaps.id, id));
    if (!source) throw notFound("Journey map");
    const [copy] = await tx
      .insert(journeyMaps)
      .values({
        name: `${source.name} (copy)`.slice(0, 120),
        workflow: source.workflow,
        persona: source.persona,
        maturityNow: source.maturityNow,
        maturityTarget: source.maturityTarget,
      })
      .returning({ id: journeyMaps.id });
    const steps = await tx.select().from(journeySteps).where(eq(journeySteps.mapId, id));
    const newId = new Map(steps.map((s) => [s.id, randomUUID()]));
    if (steps.length) {
      await tx.insert(journeySteps).values(
        steps.map((s) => ({
          ...s,
          id: newId.get(s.id)!,
          mapId: copy.id,
          counterpartStepId: s.counterpartStepId ? (newId.get(s.counterpartStepId) ?? null) : null,
        })),
      );
      const links = await tx
        .select()
        .from(journeyStepThemes)
        .where(
          inArray(
            journeyStepThemes.stepId,
            steps.map((s) => s.id),
          ),
        );
      if (links.length)
        await tx.insert(journeyStepThemes).values(links.map((l) => ({ ...l, stepId: newId.get(l.stepId)! })));
    }
    return { id: copy.id };
  });
}

async function touchMap(client: DbClient, mapId: string) {
  await client.update(journeyMaps).set({ updatedAt: new Date() }).where(eq(journeyMaps.id, mapId));
}

// ---------------------------------------------------------------------------------------------
// Steps

/** Counterparts point from a golden step to a current step of the same map; outcomes are golden-only. */
async function assertStepLinks(
  client: DbClient,
  mapId: string,
  path: JourneyPath,
  counterpartStepId: string | null | undefined,
  outcome: string | null | undefined,
) {
  if (path === "current" && (counterpartStepId || outcome)) {
    throw new AppError("validation", "Only golden-path steps record a counterpart and an outcome", {
      ...(counterpartStepId ? { counterpartStepId: ["Only golden-path steps replace a current step"] } : {}),
      ...(outcome ? { outcome: ["Only golden-path steps record an outcome"] } : {}),
    });
  }
  if (counterpartStepId) {
    const [counterpart] = await client
      .select({ id: journeySteps.id })
      .from(journeySteps)
      .where(
        and(eq(journeySteps.id, counterpartStepId), eq(journeySteps.mapId, mapId), eq(journeySteps.path, "current")),
      );
    if (!counterpart)
      throw new AppError("validation", "Unknown current step", {
        counterpartStepId: ["Choose a step of this map’s current path"],
      });
  }
}

export async function addJourneyStep({
  mapId,
  input,
}: {
  mapId: string;
  input: CreateStepInput;
}): Promise<JourneyStepView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [map] = await tx
      .select({ id: journeyMaps.id })
      .from(journeyMaps)
      .where(eq(journeyMaps.id, mapId))
      .for("update");
    if (!map) throw notFound("Journey map");
    await assertStepLinks(tx, mapId, input.path, input.counterpartStepId, input.outcome);
    const [{ next }] = await selectRows<{ next: number }>(
      tx,
      sql`select coalesce(max(position) + 1, 0)::int as next from journey_steps where map_id = ${mapId} and path = ${input.path}`,
    );
    const [row] = await tx
      .insert(journeySteps)
      .values({ ...input, mapId, position: Number(next) })
      .returning();
    await touchMap(tx, mapId);
    return toStepView(row, []);
  });
}

async function getStepInMap(client: DbClient, mapId: string, stepId: string) {
  const [step] = await client
    .select()
    .from(journeySteps)
    .where(and(eq(journeySteps.id, stepId), eq(journeySteps.mapId, mapId)));
  if (!step) throw notFound("Step");
  return step;
}

export async function updateJourneyStep({
  mapId,
  stepId,
  input,
}: {
  mapId: string;
  stepId: string;
  input: UpdateStepInput;
}): Promise<JourneyStepView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const step = await getStepInMap(tx, mapId, stepId);
    await assertStepLinks(tx, mapId, step.path, input.counterpartStepId, input.outcome);
    const [row] = await tx.update(journeySteps).set(input).where(eq(journeySteps.id, stepId)).returning();
    await touchMap(tx, mapId);
    return toStepView(row, []);
  });
}

export async function deleteJourneyStep({ mapId, stepId }: { mapId: string; stepId: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const step = await getStepInMap(tx, mapId, stepId);
    await tx.delete(journeySteps).where(eq(journeySteps.id, stepId));
    // counterpart_step_id has no foreign key (a golden step may outlive the step it replaced).
    await tx.update(journeySteps).set({ counterpartStepId: null }).where(eq(journeySteps.counterpartStepId, stepId));
    await renumberPath(tx, mapId, step.path);
    await touchMap(tx, mapId);
  });
}

async function renumberPath(client: DbClient, mapId: string, path: JourneyPath) {
  await client.execute(sql`
    update journey_steps s set position = r.rn - 1
    from (select id, row_number() over (order by position, id) as rn from journey_steps where map_id = ${mapId} and path = ${path}) r
    where s.id = r.id`);
}

/** Sets the order of one path; `stepIds` must list every step of that path exactly once. */
export async function reorderJourneySteps({ mapId, input }: { mapId: string; input: ReorderStepsInput }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [map] = await tx
      .select({ id: journeyMaps.id })
      .from(journeyMaps)
      .where(eq(journeyMaps.id, mapId))
      .for("update");
    if (!map) throw notFound("Journey map");
    const existing = await tx
      .select({ id: journeySteps.id })
      .from(journeySteps)
      .where(and(eq(journeySteps.mapId, mapId), eq(journeySteps.path, input.path)));
    if (
      !isPermutationOf(
        input.stepIds,
        existing.map((s) => s.id),
      )
    ) {
      throw new AppError("validation", "The new order must list every step of the path exactly once", {
        stepIds: ["List every step of this path exactly once; reload the map if someone else changed it"],
      });
    }
    for (const [position, id] of input.stepIds.entries()) {
      await tx.update(journeySteps).set({ position }).where(eq(journeySteps.id, id));
    }
    await touchMap(tx, mapId);
  });
}

// ---------------------------------------------------------------------------------------------
// Evidence from survey themes

export async function listLinkableThemes(): Promise<LinkableTheme[]> {
  const db = await getDb();
  const rows = await db
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
    const [theme] = await tx
      .select({ id: backlogItems.id, label: sql<string>`coalesce(${backlogItems.customLabel}, ${backlogItems.label})` })
      .from(backlogItems)
      .where(eq(backlogItems.id, input.backlogItemId));
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
 * to fewer than k distinct respondents is reported as hidden and carries no numbers or quotes.
 */
export async function getJourneyEvidence({
  mapId,
}: {
  mapId: string;
}): Promise<{ k: number; themes: ThemeEvidence[] }> {
  const db = await getDb();
  const k = (await getWorkspaceSettings(db)).anonymityThreshold;
  const linked = await selectRows<{ id: string; label: string }>(
    db,
    sql`select distinct bi.id, coalesce(bi.custom_label, bi.label) as label
        from journey_step_themes l
        join journey_steps s on s.id = l.step_id
        join backlog_items bi on bi.id = l.backlog_item_id
        where s.map_id = ${mapId} and l.status = 'accepted'`,
  );
  if (!linked.length) return { k, themes: [] };
  const ids = linked.map((l) => l.id);
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

  // Respondent = one survey response (several member answers count once) or one friction entry.
  // The counts are the theme's released respondents, as on the backlog (lib/backlog/queries.ts
  // releaseThemes): a curation moves them only in steps of at least k people.
  // Population = responses (or friction entries) in the theme's scope, per quarter.
  const periods = await selectRows<{ item_id: string; period: string; respondents: number; population: number }>(
    db,
    sql`with linked as (
          select id, scope,
            split_part(substr(scope, 9), '..', 1) as period_from,
            coalesce(nullif(split_part(substr(scope, 9), '..', 2), ''), split_part(substr(scope, 9), '..', 1)) as period_to
          from backlog_items where id in (${idList})
        ),
        members as (
          select l.id as item_id, tr.respondent, coalesce(sv.period, fe.period) as period
          from linked l
          join theme_releases tr on tr.backlog_item_id = l.id and ${isCurrentRelease}
          left join responses r on 'r:' || r.id::text = tr.respondent
          left join surveys sv on sv.id = r.survey_id
          left join friction_entries fe on 'f:' || fe.id::text = tr.respondent
        ),
        member_counts as (
          select item_id, period, count(distinct respondent)::int as respondents from members where period is not null group by item_id, period
        ),
        population as (
          select l.id as item_id, sv.period, count(r.id)::int as population
          from linked l
          join surveys sv on (l.scope = 'survey:' || sv.id::text)
            or (l.scope like 'periods:%' and sv.period between l.period_from and l.period_to)
          join responses r on r.survey_id = sv.id
          group by l.id, sv.period
          union all
          select l.id, fe.period, count(fe.id)::int
          from linked l join friction_entries fe on l.scope = 'friction'
          group by l.id, fe.period
        )
        select coalesce(m.item_id, p.item_id) as item_id, coalesce(m.period, p.period) as period,
          coalesce(m.respondents, 0)::int as respondents, coalesce(p.population, 0)::int as population
        from member_counts m
        full outer join population p on p.item_id = m.item_id and p.period = m.period
        order by 2`,
  );

  const visibleIds: string[] = [];
  const themes = linked.map((theme): ThemeEvidence => {
    const rows = periods.filter((p) => p.item_id === theme.id);
    const respondents = rows.reduce((sum, r) => sum + Number(r.respondents), 0);
    const population = rows.reduce((sum, r) => sum + Number(r.population), 0);
    if (respondents < k) {
      return {
        backlogItemId: theme.id,
        label: theme.label,
        hidden: true,
        respondents: null,
        population: null,
        share: null,
        trend: [],
        quotes: [],
      };
    }
    visibleIds.push(theme.id);
    return {
      backlogItemId: theme.id,
      label: theme.label,
      hidden: false,
      respondents,
      population: population || null,
      share: population > 0 ? Math.min(1, respondents / population) : null,
      trend: rows.map((r) => {
        const hidden = Number(r.respondents) < k || Number(r.population) < k;
        return { period: r.period, hidden, share: hidden ? null : Number(r.respondents) / Number(r.population) };
      }),
      quotes: [],
    };
  });

  if (visibleIds.length) {
    const quoteRows = await selectRows<{ item_id: string; quote: string }>(
      db,
      sql`with candidates as (
            select l.id as item_id, coalesce(a.text_value, fe.text) as quote, tm.similarity, tm.public_id,
              row_number() over (partition by l.id, coalesce('r:' || a.response_id::text, tm.source_id) order by tm.similarity desc, tm.public_id) as per_respondent
            from backlog_items l
            join backlog_items src on src.id = l.id or src.merged_into_id = l.id
            join theme_members tm on tm.backlog_item_id = src.id
            left join answers a on a.id = tm.answer_id
            left join friction_entries fe on fe.id = tm.friction_entry_id
            where l.id in (${sql.join(
              visibleIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})
              and length(trim(coalesce(a.text_value, fe.text, ''))) > 0
          ),
          ranked as (
            select item_id, quote, row_number() over (partition by item_id order by similarity desc, public_id) as rank
            from candidates where per_respondent = 1
          )
          select item_id, quote from ranked where rank <= 3 order by item_id, rank`,
    );
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

// ---------------------------------------------------------------------------------------------
// Baseline workflow timings

/** Built-in workflows exist in every workspace, seeded or not. */
async function ensureBuiltInWorkflows(client: DbClient) {
  const [{ n }] = await selectRows<{ n: number }>(
    client,
    sql`select count(*)::int as n from baseline_workflows where built_in = 1`,
  );
  if (Number(n) >= builtInWorkflows.length) return;
  await client
    .insert(baselineWorkflows)
    .values(builtInWorkflows.map((w) => ({ key: w.key, name: w.name, targetMinutes: w.targetMinutes, builtIn: 1 })))
    .onConflictDoNothing({ target: baselineWorkflows.key });
}

export async function listTimingPeriods(): Promise<string[]> {
  const db = await getDb();
  const rows = await selectRows<{ period: string }>(
    db,
    sql`select distinct period from workflow_timings order by period desc`,
  );
  return rows.map((r) => r.period);
}

export async function listWorkflowTimings({ period }: { period: string }): Promise<WorkflowTimingRow[]> {
  const db = await getDb();
  await ensureBuiltInWorkflows(db);
  const previous = previousPeriod(period);
  const rows = await selectRows<{
    id: string;
    key: string;
    name: string;
    target_minutes: number;
    built_in: number;
    measurements: number[] | null;
    notes: string | null;
    previous_measurements: number[] | null;
  }>(
    db,
    sql`select w.id, w.key, w.name, w.target_minutes::float8 as target_minutes, w.built_in,
          t.measurements_minutes::float8[] as measurements, t.notes, p.measurements_minutes::float8[] as previous_measurements
        from baseline_workflows w
        left join workflow_timings t on t.workflow_id = w.id and t.period = ${period}
        left join workflow_timings p on p.workflow_id = w.id and p.period = ${previous}
        order by w.built_in desc, w.created_at, w.name`,
  );
  const builtInOrder = new Map<string, number>(builtInWorkflows.map((w, i) => [w.key, i]));
  return rows
    .map((r) => {
      const measurements = parseFloatArray(r.measurements);
      const target = Number(r.target_minutes);
      const assessment = assessTiming(measurements, target);
      return {
        workflowId: r.id,
        key: r.key,
        name: r.name,
        targetMinutes: target,
        builtIn: Number(r.built_in) === 1,
        period,
        measurementsMinutes: measurements,
        notes: r.notes ?? "",
        median: assessment.median,
        gapMinutes: assessment.gapMinutes,
        status: assessment.status,
        previousMedian: medianOf(parseFloatArray(r.previous_measurements)),
      };
    })
    .sort((a, b) => (builtInOrder.get(a.key) ?? 99) - (builtInOrder.get(b.key) ?? 99));
}

// PGlite and postgres.js both parse float8[] to numbers; a text form ("{1,2}") is handled too.
function parseFloatArray(value: number[] | string | null): number[] {
  if (!value) return [];
  if (Array.isArray(value)) return value.map(Number);
  return value.replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
}

export async function createWorkflow({ input }: { input: CreateWorkflowInput }) {
  const db = await getDb();
  const [clash] = await db
    .select({ id: baselineWorkflows.id })
    .from(baselineWorkflows)
    .where(sql`lower(${baselineWorkflows.name}) = lower(${input.name})`);
  if (clash)
    throw new AppError("conflict", "A workflow with this name exists", {
      name: ["A workflow with this name already exists"],
    });
  const slug = input.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 40);
  const [row] = await db
    .insert(baselineWorkflows)
    .values({
      key: `custom_${slug}_${randomUUID().slice(0, 8)}`,
      name: input.name,
      targetMinutes: input.targetMinutes,
      builtIn: 0,
    })
    .returning();
  return { id: row.id, key: row.key, name: row.name, targetMinutes: row.targetMinutes, builtIn: false };
}

export async function updateWorkflow({ id, input }: { id: string; input: UpdateWorkflowInput }) {
  const db = await getDb();
  const [existing] = await db.select().from(baselineWorkflows).where(eq(baselineWorkflows.id, id));
  if (!existing) throw notFound("Workflow");
  if (input.name !== undefined && existing.builtIn === 1 && input.name !== existing.name) {
    throw new AppError("validation", "Built-in workflows keep their name", {
      name: ["Built-in workflows keep their name; change the target instead"],
    });
  }
  const [row] = await db.update(baselineWorkflows).set(input).where(eq(baselineWorkflows.id, id)).returning();
  return { id: row.id, key: row.key, name: row.name, targetMinutes: row.targetMinutes, builtIn: row.builtIn === 1 };
}

export async function deleteWorkflow({ id }: { id: string }) {
  const db = await getDb();
  const [existing] = await db.select().from(baselineWorkflows).where(eq(baselineWorkflows.id, id));
  if (!existing) throw notFound("Workflow");
  if (existing.builtIn === 1)
    throw new AppError("conflict", "Built-in workflows cannot be removed; change their target instead");
  await db.delete(baselineWorkflows).where(eq(baselineWorkflows.id, id));
}

/** Stores a quarter's measurements (1–3); an empty list clears the quarter. */
export async function recordWorkflowTiming({
  workflowId,
  period,
  input,
}: {
  workflowId: string;
  period: string;
  input: RecordTimingInput;
}) {
  const db = await getDb();
  const [workflow] = await db
    .select({ id: baselineWorkflows.id })
    .from(baselineWorkflows)
    .where(eq(baselineWorkflows.id, workflowId));
  if (!workflow) throw notFound("Workflow");
  if (input.measurementsMinutes.length === 0) {
    await db
      .delete(workflowTimings)
      .where(and(eq(workflowTimings.workflowId, workflowId), eq(workflowTimings.period, period)));
    return { period, measurementsMinutes: [] as number[] };
  }
  try {
    await db
      .insert(workflowTimings)
      .values({ workflowId, period, measurementsMinutes: input.measurementsMinutes, notes: input.notes })
      .onConflictDoUpdate({
        target: [workflowTimings.workflowId, workflowTimings.period],
        set: { measurementsMinutes: input.measurementsMinutes, notes: input.notes },
      });
  } catch (error) {
    if (pgErrorCode(error) === "23514")
      throw new AppError("validation", "Keep one to three measurements", {
        measurementsMinutes: ["Keep one to three measurements"],
      });
    throw error;
  }
  return { period, measurementsMinutes: input.measurementsMinutes };
}
