// GET /api/backlog?scope=… — ranked backlog of one scope with metrics, quadrants and mention rates
import { route } from "@/lib/api/route";
import { getBacklog } from "@/lib/backlog/queries";
import { backlogQuerySchema } from "@/lib/backlog/schemas";

export const GET = route({ access: "viewer", query: backlogQuerySchema }, async ({ query }) =>
  getBacklog({ scope: query.scope }),
);
