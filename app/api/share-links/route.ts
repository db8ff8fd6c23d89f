// GET /api/share-links — every share link with its state and views · POST — create one (the token is shown once)
import { route } from "@/lib/api/route";
import { sharePath } from "@/lib/share/constants";
import { createShareLink, listShareLinks } from "@/lib/share/queries";
import { createShareLinkSchema } from "@/lib/share/schemas";

export const GET = route({ access: "editor" }, async () => listShareLinks());

export const POST = route({ access: "editor", body: createShareLinkSchema }, async ({ body, user }) => {
  const { token, link } = await createShareLink({ input: body, actor: user });
  return Response.json({ link, path: sharePath(token) }, { status: 201 });
});
