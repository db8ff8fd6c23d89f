// GET /api/settings — workspace settings · PATCH /api/settings — change name, anonymity threshold k, backlog cut-offs (owner)
import { route } from "@/lib/api/route";
import { getWorkspaceSettings, updateWorkspaceSettings } from "@/lib/workspace/queries";
import { updateSettingsSchema } from "@/lib/workspace/schemas";

export const GET = route({ access: "viewer" }, async () => ({ settings: await getWorkspaceSettings() }));

export const PATCH = route({ access: "owner", body: updateSettingsSchema }, async ({ body, user }) => ({
  settings: await updateWorkspaceSettings(body, user),
}));
