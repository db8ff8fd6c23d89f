// PATCH /api/users/:id — change a person's role or deactivate/reactivate them · DELETE — remove them
// (owner only; the last active owner can be neither demoted, deactivated nor removed)
import { route } from "@/lib/api/route";
import { deactivateUser, deleteUser, reactivateUser, updateUserRole } from "@/lib/auth/queries";
import { updateUserSchema, userIdParams } from "@/lib/auth/schemas";

export const PATCH = route(
  { access: "owner", params: userIdParams, body: updateUserSchema },
  async ({ params, body, user }) => {
    let updated =
      body.role !== undefined ? await updateUserRole({ id: params.id, role: body.role, actor: user }) : undefined;
    if (body.active === false) updated = await deactivateUser({ id: params.id, actor: user });
    if (body.active === true) updated = await reactivateUser({ id: params.id, actor: user });
    return { user: updated };
  },
);

export const DELETE = route({ access: "owner", params: userIdParams }, async ({ params, user }) => ({
  user: await deleteUser({ id: params.id, actor: user }),
}));
