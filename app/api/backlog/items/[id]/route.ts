// GET /api/backlog/items/:id — one theme with quotes and team reach (k-suppressed) · PATCH — rename, effort, status, owner, notes (editor)
import { route } from "@/lib/api/route";
import { getBacklogItem, updateBacklogItem } from "@/lib/backlog/queries";
import { backlogItemParamsSchema, updateBacklogItemSchema } from "@/lib/backlog/schemas";

export const GET = route({ access: "viewer", params: backlogItemParamsSchema }, async ({ params }) =>
  getBacklogItem({ id: params.id }),
);

export const PATCH = route(
  { access: "editor", params: backlogItemParamsSchema, body: updateBacklogItemSchema },
  async ({ params, body, user }) => ({
    item: await updateBacklogItem({ id: params.id, patch: body, actor: user }),
  }),
);
