// POST /api/backlog/items/:id/move — move answers to another theme or split them into a new one; they stay pinned (editor)
import { json, route } from "@/lib/api/route";
import { moveThemeMembers } from "@/lib/backlog/queries";
import { backlogItemParamsSchema, moveMembersSchema } from "@/lib/backlog/schemas";

export const POST = route(
  { access: "editor", params: backlogItemParamsSchema, body: moveMembersSchema },
  async ({ params, body, user }) =>
    json(await moveThemeMembers({ id: params.id, ...body, actor: user }), body.newLabel ? 201 : 200),
);
