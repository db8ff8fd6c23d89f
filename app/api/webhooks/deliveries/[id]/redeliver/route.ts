// POST /api/webhooks/deliveries/:id/redeliver — send a delivery's exact body again as a new delivery,
// now; if that attempt fails, the job queue retries it (owner)
import { json, route } from "@/lib/api/route";
import { redeliverWebhook } from "@/lib/integrations/deliver";
import { getWebhookDelivery } from "@/lib/integrations/queries";
import { idParams } from "@/lib/integrations/schemas";

export const POST = route({ access: "owner", params: idParams }, async ({ params }) =>
  json({ delivery: await getWebhookDelivery({ id: await redeliverWebhook({ deliveryId: params.id }) }) }, 201),
);
