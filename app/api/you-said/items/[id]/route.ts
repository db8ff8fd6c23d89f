// PUT /api/you-said/items/:id — save a theme's draft for the public page (editor; nothing goes live until published)
import { route } from "@/lib/api/route";
import { saveYouSaidDraft } from "@/lib/you-said/queries";
import { youSaidDraftSchema, youSaidItemParamsSchema } from "@/lib/you-said/schemas";

export const PUT = route(
  { access: "editor", params: youSaidItemParamsSchema, body: youSaidDraftSchema },
  async ({ params, body }) => ({ item: await saveYouSaidDraft({ backlogItemId: params.id, draft: body }) }),
);
