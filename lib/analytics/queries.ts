import "server-only";
import { sql } from "drizzle-orm";
import { getDb, selectRows } from "@/lib/db/client";

/** Responses per period, for the dashboard header. */
export async function getResponseCountsByPeriod() {
  const db = await getDb();
  return selectRows<{ period: string; responses: number; surveys: number }>(
    db,
    sql`select s.period, count(r.id)::int as responses, count(distinct s.id)::int as surveys
        from surveys s left join responses r on r.survey_id = s.id
        group by s.period order by s.period`,
  );
}
