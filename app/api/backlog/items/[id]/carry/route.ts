// DELETE /api/backlog/items/:id/carry — undo curation carried from another analysis (editor)
import { route } from "@/lib/api/route";
import { undoCarry } from "@/lib/backlog/queries";
import { backlogItemParamsSchema } from "@/lib/backlog/schemas";

export const DELETE = route({ access: "editor", params: backlogItemParamsSchema }, async ({ params, user }) => ({
  item: await undoCarry({ id: params.id, actor: user }),
}));
