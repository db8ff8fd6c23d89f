// POST /api/backlog/build — cluster a scope's free text and reconcile it with the curated backlog (editor)
import { route } from "@/lib/api/route";
import { buildBacklog } from "@/lib/backlog/queries";
import { buildBacklogSchema } from "@/lib/backlog/schemas";

export const POST = route({ access: "editor", body: buildBacklogSchema }, async ({ body, user }) => ({
  run: await buildBacklog({ scope: body.scope, k: body.k ?? null, actor: user }),
}));
