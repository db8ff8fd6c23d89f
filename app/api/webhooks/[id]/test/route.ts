// POST /api/webhooks/:id/test — send a signed test event to an endpoint now and answer with the attempt (owner)
import { route } from "@/lib/api/route";
import { sendTestEvent } from "@/lib/integrations/deliver";
import { getWebhookDelivery } from "@/lib/integrations/queries";
import { idParams } from "@/lib/integrations/schemas";

export const POST = route({ access: "owner", params: idParams }, async ({ params }) => ({
  delivery: await getWebhookDelivery({ id: await sendTestEvent({ endpointId: params.id }) }),
}));
