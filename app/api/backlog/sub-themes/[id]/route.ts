// PATCH /api/backlog/sub-themes/:id — rename a sub-theme (empty: back to its generated name) (editor)
import { route } from "@/lib/api/route";
import { renameSubTheme } from "@/lib/backlog/queries";
import { renameSubThemeSchema, subThemeParamsSchema } from "@/lib/backlog/schemas";

export const PATCH = route(
  { access: "editor", params: subThemeParamsSchema, body: renameSubThemeSchema },
  async ({ params, body, user }) => ({
    subTheme: await renameSubTheme({ id: params.id, customLabel: body.customLabel, actor: user }),
  }),
);
