// POST /api/backlog/items/:id/merge — merge this theme into another (editor) · DELETE — undo the merge (editor)
import { json, route } from "@/lib/api/route";
import { mergeBacklogItems, unmergeBacklogItem } from "@/lib/backlog/queries";
import { backlogItemParamsSchema, mergeBacklogItemSchema } from "@/lib/backlog/schemas";

export const POST = route(
  { access: "editor", params: backlogItemParamsSchema, body: mergeBacklogItemSchema },
  async ({ params, body, user }) =>
    json({ target: await mergeBacklogItems({ id: params.id, targetId: body.targetId, actor: user }) }, 200),
);

export const DELETE = route({ access: "editor", params: backlogItemParamsSchema }, async ({ params, user }) => ({
  item: await unmergeBacklogItem({ id: params.id, actor: user }),
}));
