// PATCH /api/users/:id — change a user's role (owner only; the last owner cannot be demoted)
import { route } from "@/lib/api/route";
import { updateUserRole } from "@/lib/auth/queries";
import { updateUserSchema, userIdParams } from "@/lib/auth/schemas";

export const PATCH = route({ access: "owner", params: userIdParams, body: updateUserSchema }, async ({ params, body, user }) => ({
  user: await updateUserRole({ id: params.id, role: body.role, actor: user }),
}));
