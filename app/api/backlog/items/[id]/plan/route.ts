// GET /api/backlog/items/:id/plan — the item's action plan · PUT — set quarter, owner, success measure · DELETE — drop it (editor)
import { route } from "@/lib/api/route";
import { backlogItemParamsSchema } from "@/lib/backlog/schemas";
import { deletePlan, getPlan, savePlan } from "@/lib/targets/queries";
import { planSchema } from "@/lib/targets/schemas";

export const GET = route({ access: "viewer", params: backlogItemParamsSchema }, async ({ params }) => ({
  plan: await getPlan({ itemId: params.id }),
}));

export const PUT = route(
  { access: "editor", params: backlogItemParamsSchema, body: planSchema },
  async ({ params, body }) => savePlan({ itemId: params.id, input: body }),
);

export const DELETE = route({ access: "editor", params: backlogItemParamsSchema }, async ({ params }) =>
  deletePlan({ itemId: params.id }),
);
