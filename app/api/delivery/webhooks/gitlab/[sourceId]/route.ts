// POST /api/delivery/webhooks/gitlab/[sourceId] — a GitLab webhook delivery, carrying its secret in X-Gitlab-Token
import { route } from "@/lib/api/route";
import { receiveWebhook } from "@/lib/delivery/intake";
import { webhookParams } from "@/lib/delivery/schemas";

export const POST = route({ access: "public", params: webhookParams }, ({ params, request }) =>
  receiveWebhook("gitlab", params.sourceId, request),
);
