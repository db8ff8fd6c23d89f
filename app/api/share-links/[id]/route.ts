// DELETE /api/share-links/:id — revoke a share link at once (its page then answers 410)
import { route } from "@/lib/api/route";
import { revokeShareLink } from "@/lib/share/queries";
import { shareLinkIdParams } from "@/lib/share/schemas";

export const DELETE = route({ access: "editor", params: shareLinkIdParams }, async ({ params, user }) =>
  revokeShareLink({ id: params.id, actor: user }),
);
