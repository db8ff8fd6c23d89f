// POST /api/password-reset — set a new password through a one-time reset link (public: the token is the key)
import { route } from "@/lib/api/route";
import { resetPasswordWithLink } from "@/lib/auth/queries";
import { resetPasswordSchema } from "@/lib/auth/schemas";

export const POST = route({ access: "public", body: resetPasswordSchema }, async ({ body }) => {
  const { email } = await resetPasswordWithLink({ token: body.token, password: body.password });
  return { ok: true, email };
});
