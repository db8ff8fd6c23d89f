// POST /api/delivery/webhooks/github/[sourceId] — a GitHub webhook delivery, signed with X-Hub-Signature-256
import { route } from "@/lib/api/route";
import { receiveWebhook } from "@/lib/delivery/intake";
import { webhookParams } from "@/lib/delivery/schemas";

export const POST = route({ access: "public", params: webhookParams }, ({ params, request }) =>
  receiveWebhook("github", params.sourceId, request),
);
