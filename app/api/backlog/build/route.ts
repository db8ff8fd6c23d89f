// POST /api/backlog/build — queue an analysis of a scope's free text (or join the one queued or running
// for it); the job clusters the answers and reconciles them with the curated backlog (editor)
import { route } from "@/lib/api/route";
import { requestBacklogAnalysis } from "@/lib/backlog/analysis";
import { buildBacklogSchema } from "@/lib/backlog/schemas";

export const POST = route({ access: "editor", body: buildBacklogSchema }, async ({ body, user }) =>
  requestBacklogAnalysis({ scope: body.scope, k: body.k ?? null, actor: { id: user.id, email: user.email } }),
);
