// POST /api/backlog/sub-themes/:id/promote — split a sub-theme out into a backlog item of its own (editor)
import { json, route } from "@/lib/api/route";
import { promoteSubTheme } from "@/lib/backlog/queries";
import { subThemeParamsSchema } from "@/lib/backlog/schemas";

export const POST = route({ access: "editor", params: subThemeParamsSchema }, async ({ params, user }) =>
  json(await promoteSubTheme({ id: params.id, actor: user }), 201),
);
