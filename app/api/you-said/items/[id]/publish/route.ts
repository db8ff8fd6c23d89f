// POST /api/you-said/items/:id/publish — put the saved draft live · DELETE — take it off the public page (editor)
import { route } from "@/lib/api/route";
import { publishYouSaidItem, unpublishYouSaidItem } from "@/lib/you-said/queries";
import { youSaidItemParamsSchema } from "@/lib/you-said/schemas";

export const POST = route({ access: "editor", params: youSaidItemParamsSchema }, async ({ params, user }) => ({
  item: await publishYouSaidItem({ backlogItemId: params.id, actor: user }),
}));

export const DELETE = route({ access: "editor", params: youSaidItemParamsSchema }, async ({ params, user }) => ({
  item: await unpublishYouSaidItem({ backlogItemId: params.id, actor: user }),
}));
