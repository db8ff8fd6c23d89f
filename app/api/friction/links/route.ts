// GET /api/friction/links — friction-log links with entry counts · POST — get or create the link (workspace-wide or per team)
import { json, route } from "@/lib/api/route";
import { hasRole } from "@/lib/auth/roles";
import { ensureFrictionLink, listFrictionLinks } from "@/lib/responses/queries";
import { createFrictionLinkSchema } from "@/lib/responses/submission-schema";

export const GET = route({ access: "viewer" }, async ({ user }) => ({
  links: await listFrictionLinks({ showTokens: hasRole(user.role, "editor") }),
}));

export const POST = route({ access: "editor", body: createFrictionLinkSchema }, async ({ body }) => {
  await ensureFrictionLink({ teamId: body.teamId ?? null });
  return json({ links: await listFrictionLinks({ showTokens: true }) }, 201);
});
