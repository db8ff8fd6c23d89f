// POST /api/users/:id/reset-link — a one-time password reset link for a person, shown once (owner only)
import { json, route } from "@/lib/api/route";
import { issuePasswordResetLink } from "@/lib/auth/queries";
import { userIdParams } from "@/lib/auth/schemas";

export const POST = route({ access: "owner", params: userIdParams }, async ({ params }) => {
  const { token, expiresAt } = await issuePasswordResetLink({ userId: params.id });
  // A path, not a URL: the owner's browser adds its own origin, so a spoofed Host cannot redirect it.
  return json({ path: `/reset-password/${token}`, expiresAt }, 201, { "Cache-Control": "no-store" });
});
