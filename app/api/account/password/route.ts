// POST /api/account/password — change your own password; ends your other sessions, keeps this one
import { route } from "@/lib/api/route";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { sessionSetCookie } from "@/lib/auth/session-cookie";
import { changePasswordThrottled } from "@/lib/auth/sign-in";

export const POST = route(
  { access: "viewer", body: changePasswordSchema, sessionOnly: true },
  async ({ body, user }) => {
    const { sessionVersion } = await changePasswordThrottled({
      id: user.id,
      email: user.email,
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
    });
    const cookie = await sessionSetCookie({ id: user.id, email: user.email, name: user.name, sessionVersion });
    return Response.json({ ok: true }, { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } });
  },
);
