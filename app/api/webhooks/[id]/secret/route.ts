// POST /api/webhooks/:id/secret — replace an endpoint's signing secret; the new one is in this answer only (owner)
import { route } from "@/lib/api/route";
import { rotateWebhookSecret } from "@/lib/integrations/queries";
import { idParams } from "@/lib/integrations/schemas";

export const POST = route({ access: "owner", params: idParams }, async ({ params, user }) =>
  rotateWebhookSecret({ id: params.id, actor: user }),
);
