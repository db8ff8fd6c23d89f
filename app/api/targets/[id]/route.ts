// PATCH /api/targets/:id — change a target's goal, due quarter or note · DELETE — remove it (editor)
import { route } from "@/lib/api/route";
import { deleteTarget, updateTarget } from "@/lib/targets/queries";
import { targetIdParams, updateTargetSchema } from "@/lib/targets/schemas";

export const PATCH = route(
  { access: "editor", params: targetIdParams, body: updateTargetSchema },
  async ({ params, body }) => updateTarget({ id: params.id, input: body }),
);

export const DELETE = route({ access: "editor", params: targetIdParams }, async ({ params }) =>
  deleteTarget({ id: params.id }),
);
