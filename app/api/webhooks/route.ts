// GET /api/webhooks — list webhook endpoints · POST /api/webhooks — add one; its signing secret is in
// this answer only (owner)
import { json, route } from "@/lib/api/route";
import { assertWebhookUrl } from "@/lib/integrations/endpoint-url";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/integrations/queries";
import { createWebhookSchema } from "@/lib/integrations/schemas";

export const GET = route({ access: "owner" }, async () => ({ endpoints: await listWebhookEndpoints() }));

export const POST = route({ access: "owner", body: createWebhookSchema }, async ({ body, user }) => {
  assertWebhookUrl(body.url);
  return json(await createWebhookEndpoint({ fields: body, actor: user }), 201);
});
