import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { backlogItems } from "@/lib/db/schema";
import { iso } from "../item-view";
import { formatScope } from "../scope";
import { requireScope } from "./scope-sql";

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
