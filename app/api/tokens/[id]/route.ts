// DELETE /api/tokens/:id — revoke an API token at once (owner)
import { route } from "@/lib/api/route";
import { revokeApiToken } from "@/lib/integrations/queries";
import { idParams } from "@/lib/integrations/schemas";

export const DELETE = route({ access: "owner", params: idParams }, async ({ params, user }) => {
  await revokeApiToken({ id: params.id, actor: user });
});
