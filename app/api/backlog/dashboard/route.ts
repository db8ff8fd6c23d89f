// GET /api/backlog/dashboard — the backlog the dashboard shows · PUT — pick it (editor)
import { route } from "@/lib/api/route";
import { getDashboardBacklog, setDashboardBacklog } from "@/lib/backlog/queries";
import { dashboardBacklogSchema } from "@/lib/backlog/schemas";

export const GET = route({ access: "viewer" }, async () => ({ dashboard: await getDashboardBacklog() }));

export const PUT = route({ access: "editor", body: dashboardBacklogSchema }, async ({ body, user }) => ({
  dashboard: await setDashboardBacklog({ scope: body.scope, actor: user }),
}));
