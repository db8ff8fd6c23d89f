// GET /api/workflows?period=2026-Q4 — baseline workflow timings for a quarter · POST — add a workflow
import { json, route } from "@/lib/api/route";
import { createWorkflow, listTimingPeriods, listWorkflowTimings } from "@/lib/journeys/queries";
import { createWorkflowSchema, timingsQuery } from "@/lib/journeys/schemas";
import { periodOfDate } from "@/lib/period";
import { timingPeriodOptions } from "@/lib/journeys/timings";

export const GET = route({ access: "viewer", query: timingsQuery }, async ({ query }) => {
  const period = query.period ?? periodOfDate(new Date());
  const [workflows, withData] = await Promise.all([listWorkflowTimings({ period }), listTimingPeriods()]);
  return { period, periods: timingPeriodOptions([...withData, period], new Date()), workflows };
});

export const POST = route({ access: "editor", body: createWorkflowSchema }, async ({ body }) =>
  json({ workflow: await createWorkflow({ input: body }) }, 201),
);
