// GET /api/webhooks/deliveries — the latest webhook deliveries, optionally of one endpoint (owner)
import { route } from "@/lib/api/route";
import { listWebhookDeliveries } from "@/lib/integrations/queries";
import { deliveriesQuerySchema } from "@/lib/integrations/schemas";

export const GET = route({ access: "owner", query: deliveriesQuerySchema }, async ({ query }) => ({
  deliveries: await listWebhookDeliveries({ endpointId: query.endpointId }),
}));
