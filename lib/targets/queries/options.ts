import "server-only";
import { sql } from "drizzle-orm";
import { doraMetricKeys } from "@/lib/analytics/dora";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { dimensionName } from "@/lib/surveys/dimensions";
import { listCustomDimensions } from "@/lib/workspace/queries";

// What a target or a plan can be measured by, for the forms' pickers. Names only: no figures.

export type MeasureOption = { key: string; label: string };
export type MeasureOptions = {
  dimensions: MeasureOption[];
  questions: MeasureOption[];
  journeySteps: MeasureOption[];
  workflows: MeasureOption[];
  dora: MeasureOption[];
  teams: MeasureOption[];
};

export async function listMeasureOptions(tx?: DbClient): Promise<MeasureOptions> {
  const db = tx ?? (await getDb());
  const [custom, dims, questions, steps, workflows, teams] = await Promise.all([
    listCustomDimensions(db),
    selectRows<{ key: string }>(
      db,
      sql`select distinct dimension as key from questions where kind = 'likert' and dimension is not null order by 1`,
    ),
    selectRows<{ key: string; label: string }>(
      db,
      sql`select distinct on (q.key) q.key, q.prompt as label from questions q join surveys s on s.id = q.survey_id
          where q.kind in ('nps', 'likert') order by q.key, s.period desc`,
    ),
    selectRows<{ key: string; label: string }>(
      db,
      sql`select s.id::text as key, m.name || ' · ' || s.name as label from journey_steps s
          join journey_maps m on m.id = s.map_id order by m.name, s.path, s.position`,
    ),
    selectRows<{ key: string; label: string }>(
      db,
      sql`select id::text as key, name as label from baseline_workflows order by name`,
    ),
    selectRows<{ key: string; label: string }>(
      db,
      sql`select id::text as key, name as label from teams where archived_at is null order by name`,
    ),
  ]);
  return {
    dimensions: dims.map((d) => ({ key: d.key, label: dimensionName(d.key, custom) })),
    questions,
    journeySteps: steps,
    workflows,
    dora: [
      { key: "", label: "Overall DORA band" },
      ...doraMetricKeys.map((key) => ({ key, label: dimensionName(key, custom) })),
    ],
    teams,
  };
}
