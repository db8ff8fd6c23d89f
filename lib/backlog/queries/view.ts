import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { backlogItems, backlogRuns, type BacklogItem } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import {
  num,
  publicPeriods,
  toBacklogItemDetail,
  toBacklogListItem,
  type BacklogItemDetail,
  type BacklogView,
  type ItemRow,
  type QuoteRow,
  type TeamMentionRow,
} from "../item-view";
import { rankBacklog } from "../prioritise";
import { formatScope } from "../scope";
import { toSubThemeViews } from "../sub-theme-view";
import { populationSql, requireScope, scopeCtes } from "./scope-sql";
import { listSubThemeCounts, listSubThemeQuotes } from "./sub-themes";

// Reading: metrics per item, aggregated in SQL; what a viewer may see of them is lib/backlog/item-view.ts.

const QUOTE_LIMIT = 200;
const SUB_THEME_QUOTE_LIMIT = 20;

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
    selectRows<{ period: string; respondents: number; collecting: boolean; smallest_survey: number }>(
      client,
      sql`with pop as (${populationSql(scope)}),
          per_survey as (select period, survey_id, count(*)::int as n, bool_or(collecting) as collecting from pop group by 1, 2)
          select period, sum(n)::int as respondents, bool_or(collecting) as collecting, min(n)::int as smallest_survey
          from per_survey group by period order by period`,
    ),
    selectRows<ItemRow>(
      client,
      sql`with ${scopeCtes(scope, scopeKey)}
          select b.id, b.label, b.custom_label, b.terms, b.effort, b.status, b.owner, b.notes, b.status_changed_at,
                 c.from_scope as carried_from_scope, c.from_ran_at as carried_from_ran_at, c.via as carried_via,
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
          left join backlog_carries c on c.item_id = b.id and c.undone_at is null
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

  const periods = periodRows.map((p) => ({
    period: p.period,
    respondents: Number(p.respondents),
    collecting: Boolean(p.collecting),
    smallestSurvey: Number(p.smallest_survey),
  }));
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
  const context = {
    k,
    thresholds,
    total: population?.respondents ?? 0,
    everyoneNps: num(population?.nps),
    everyoneLikert: num(population?.likert),
    periods,
  };
  const items = itemRows.map((row) =>
    toBacklogListItem(row, context, {
      mentionersByPeriod: ratesByItem.get(row.id),
      mergedFrom: mergedFrom.get(row.id),
    }),
  );

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
    population: { respondents: context.total, nps: context.everyoneNps, likert: context.everyoneLikert },
    periods: publicPeriods(periods, k),
    items: rankBacklog(items),
  };
}

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
  const context = { scope: view.scope, k: view.anonymityThreshold };
  const scope = requireScope(row.scope);
  const subThemeRows = await listSubThemeCounts(client, { scope, scopeKey: view.scope, itemIds: [row.id] });
  // Quotes are read only for the sub-themes the anonymity rule shows.
  const shownSubIds = toSubThemeViews(subThemeRows, [], context.k)
    .filter((s) => !s.hidden)
    .map((s) => s.id);
  const subThemeQuotes = await listSubThemeQuotes(client, { subIds: shownSubIds, perSub: SUB_THEME_QUOTE_LIMIT });
  const subThemes = toSubThemeViews(subThemeRows, subThemeQuotes, context.k);
  // Under k the quotes and teams are not even read.
  if (!item.quotable) return toBacklogItemDetail(item, context, { quotes: [], teams: [], subThemes });
  const [quotes, teams] = await Promise.all([
    selectRows<QuoteRow>(
      client,
      sql`select m.public_id, m.friction_entry_id is not null as friction, coalesce(a.text_value, f.text, n.text) as text, m.pinned, m.representative_rank
          from theme_members m
          join backlog_items b on b.id = m.backlog_item_id
          left join answers a on a.id = m.answer_id
          left join friction_entries f on f.id = m.friction_entry_id
          left join feedback_notes n on n.id = m.feedback_note_id
          where coalesce(b.merged_into_id, b.id) = ${row.id}
          order by m.representative_rank asc nulls last, m.pinned desc, length(coalesce(a.text_value, f.text, n.text)) desc, m.public_id
          limit ${QUOTE_LIMIT}`,
    ),
    selectRows<TeamMentionRow>(
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
  return toBacklogItemDetail(item, context, { quotes, teams, subThemes });
}
