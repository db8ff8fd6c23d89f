// GET /api/tokens — list API tokens · POST /api/tokens — create one; its secret is in this answer only (owner)
import { json, route } from "@/lib/api/route";
import { createApiToken, listApiTokens } from "@/lib/integrations/queries";
import { createApiTokenSchema } from "@/lib/integrations/schemas";

export const GET = route({ access: "owner" }, async () => ({ tokens: await listApiTokens() }));

export const POST = route({ access: "owner", body: createApiTokenSchema }, async ({ body, user }) =>
  json(await createApiToken({ name: body.name, scope: body.scope, actor: user }), 201),
);
