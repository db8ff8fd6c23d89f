// PATCH /api/webhooks/:id — change an endpoint's URL, events, description or enabled flag · DELETE —
// remove it with its delivery log (owner)
import { route } from "@/lib/api/route";
import { assertWebhookUrl } from "@/lib/integrations/endpoint-url";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/integrations/queries";
import { idParams, updateWebhookSchema } from "@/lib/integrations/schemas";

export const PATCH = route(
  { access: "owner", params: idParams, body: updateWebhookSchema },
  async ({ params, body, user }) => {
    assertWebhookUrl(body.url);
    return { endpoint: await updateWebhookEndpoint({ id: params.id, change: body, actor: user }) };
  },
);

export const DELETE = route({ access: "owner", params: idParams }, async ({ params, user }) => {
  await deleteWebhookEndpoint({ id: params.id, actor: user });
});
