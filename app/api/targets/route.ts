// GET /api/targets — every target, read against its latest closed quarter (k-suppressed) · POST — set one (editor)
import { route } from "@/lib/api/route";
import { createTarget, listTargets } from "@/lib/targets/queries";
import { createTargetSchema } from "@/lib/targets/schemas";

export const GET = route({ access: "viewer" }, async () => listTargets());

export const POST = route({ access: "editor", body: createTargetSchema }, async ({ body, user }) =>
  Response.json(await createTarget({ input: body, actor: user }), { status: 201 }),
);
