// POST /api/setup — first run: create the owner account (refused once any user exists)
import { route, json } from "@/lib/api/route";
import { setupOwner } from "@/lib/auth/queries";
import { setupOwnerSchema } from "@/lib/auth/schemas";

export const POST = route({ access: "public", body: setupOwnerSchema }, async ({ body }) => {
  const user = await setupOwner(body);
  return json({ user }, 201);
});
