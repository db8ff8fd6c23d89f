import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type DbClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseScope, type BacklogScope } from "../scope";

// SQL shared by the backlog's queries: what a scope covers (its people and its free text), who stands
// behind a theme member, and the scope's write lock. Scope strings are parsed and built only by
// lib/backlog/scope.ts; SQL receives the parsed parts as parameters. A scope's people and texts are
// responses, answers, friction entries and feedback notes: they are joined here in SQL, because every backlog figure
// is an aggregate over them (loading them through their domains' functions would pull every answer
// into Node).

export const INSERT_BATCH = 1000;

export function requireScope(value: string): BacklogScope {
  const scope = parseScope(value);
  if (!scope)
    throw new AppError("validation", "Unknown backlog scope", {
      scope: ["Choose a survey, a range of quarters, the friction log or the feedback notes"],
    });
  return scope;
}

/**
 * A range of quarters covers the surveys of those quarters that reached k. A survey under k adds
 * nothing (neither people nor texts): its total is never published, so counting it in the scope's
 * respondents would let anyone subtract the published survey totals and read it back.
 */
function quartersWhere(scope: { from: string; to: string }): SQL {
  return sql`s.period between ${scope.from} and ${scope.to}
    and s.id in (select survey_id from responses group by survey_id
                 having count(*) >= coalesce((select anonymity_threshold from workspace_settings where id = 1), 5))`;
}

/**
 * The population of a scope: who could have mentioned a theme. One row per survey response ("r:<id>"),
 * or per friction entry for the friction log ("f:<id>", each entry counts as one respondent); the same
 * names theme_releases uses. `collecting`: its survey is still open, so its quarter is provisional.
 * `survey_id` (null for friction) lets a quarter tell whether one of its surveys is under k.
 */
export function populationSql(scope: BacklogScope): SQL {
  if (scope.kind === "friction") {
    // A friction entry counts once it is logged: the log has no close.
    return sql`select 'f:' || f.id::text as respondent, null::uuid as response_id, null::uuid as survey_id, f.team_id, f.period, false as collecting from friction_entries f`;
  }
  if (scope.kind === "notes") return notesPopulationSql(null);
  const where = scope.kind === "survey" ? sql`r.survey_id = ${scope.surveyId}` : quartersWhere(scope);
  const answers = sql`select 'r:' || r.id::text as respondent, r.id as response_id, r.survey_id, r.team_id, s.period, s.status <> 'closed' as collecting
             from responses r join surveys s on s.id = r.survey_id where ${where}`;
  return scope.kind === "periodsWithNotes" ? sql`${answers} union all ${notesPopulationSql(scope)}` : answers;
}

/** Feedback notes (of a range of quarters): like a friction entry, each note counts as one respondent ("n:<id>"). */
function notesPopulationSql(range: { from: string; to: string } | null): SQL {
  return sql`select 'n:' || n.id::text as respondent, null::uuid as response_id, null::uuid as survey_id, n.team_id, n.period, false as collecting
             from feedback_notes n ${notesInRange(range)}`;
}

const notesInRange = (range: { from: string; to: string } | null) =>
  range ? sql`where n.period between ${range.from} and ${range.to}` : sql`where true`;

// One writer per scope at a time: a second "Analyse", or a move racing a rebuild, waits for the first.
export async function lockScope(client: DbClient, scopeKey: string) {
  await client.execute(sql`select pg_advisory_xact_lock(hashtext(${"backlog:" + scopeKey}))`);
}

/** A free text of the scope: its stable source id ("a:<answer id>" / "f:<friction entry id>" / "n:<note id>") and who wrote it ("r:…"/"f:…"/"n:…"). */
export type ScopeText = { id: string; text: string; respondent: string };

/** The scope's free text as rows (id, text, respondent, ord: the numeric id, for a stable order); also a subquery for "answers in this scope". */
export function scopeTextsSql(scope: BacklogScope): SQL {
  if (scope.kind === "friction") {
    return sql`select 'f:' || f.id::text as id, f.text, 'f:' || f.id::text as respondent, f.id as ord
               from friction_entries f where btrim(f.text) <> ''`;
  }
  if (scope.kind === "notes") return notesTextsSql(null);
  const where = scope.kind === "survey" ? sql`r.survey_id = ${scope.surveyId}` : quartersWhere(scope);
  const answers = sql`select 'a:' || a.id::text as id, a.text_value as text, 'r:' || r.id::text as respondent, a.id as ord
             from answers a
             join questions q on q.id = a.question_id and q.kind = 'free_text'
             join responses r on r.id = a.response_id
             join surveys s on s.id = r.survey_id
             where ${where} and a.text_value is not null and btrim(a.text_value) <> ''`;
  return scope.kind === "periodsWithNotes" ? sql`${answers} union all ${notesTextsSql(scope)}` : answers;
}

function notesTextsSql(range: { from: string; to: string } | null): SQL {
  return sql`select 'n:' || n.id::text as id, n.text, 'n:' || n.id::text as respondent, n.id as ord
             from feedback_notes n ${notesInRange(range)} and btrim(n.text) <> ''`;
}

export async function loadScopeTexts(client: DbClient, scope: BacklogScope): Promise<ScopeText[]> {
  return selectRows<ScopeText>(
    client,
    sql`select id, text, respondent from (${scopeTextsSql(scope)}) t order by ord, id`,
  );
}

/** The respondent behind a theme_members row `m` (with its answer joined as `a`). */
export const memberRespondent = sql`coalesce('r:' || a.response_id::text, 'f:' || m.friction_entry_id::text, 'n:' || m.feedback_note_id::text)`;

export const memberRefs = (sourceId: string) => {
  const id = Number(sourceId.slice(2));
  const kind = sourceId.slice(0, 2);
  return {
    answerId: kind === "a:" ? id : null,
    frictionEntryId: kind === "f:" ? id : null,
    feedbackNoteId: kind === "n:" ? id : null,
  };
};

/** SQL condition on theme_releases `tr`: the row is part of the current release, not the history. */
export const isCurrentRelease = sql`tr.version = 0`;

/**
 * Shared CTEs: the scope's population, its per-respondent scores, item memberships folded onto merge
 * targets (`mem`: the answers, which editors curate and see at once) and each item's released
 * respondents (`rel`: who its published figures describe; see releaseThemes).
 */
export function scopeCtes(scope: BacklogScope, scopeKey: string): SQL {
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
