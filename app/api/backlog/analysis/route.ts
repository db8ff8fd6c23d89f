// GET /api/backlog/analysis?scope=… — the scope's latest analysis: queued, running (stage and percent),
// failed (why) or done (what it found); null when the scope was never analysed as a job
import { route } from "@/lib/api/route";
import { getBacklogAnalysis } from "@/lib/backlog/analysis";
import { backlogQuerySchema } from "@/lib/backlog/schemas";

export const GET = route({ access: "viewer", query: backlogQuerySchema }, async ({ query }) => ({
  analysis: await getBacklogAnalysis({ scope: query.scope }),
}));
