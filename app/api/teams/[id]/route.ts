// PATCH /api/teams/[id] — rename, headcount, on-platform change from a quarter, archive or restore
import { route } from "@/lib/api/route";
import { updateTeam } from "@/lib/workspace/queries";
import { teamIdParams, updateTeamSchema } from "@/lib/workspace/schemas";

export const PATCH = route({ access: "editor", params: teamIdParams, body: updateTeamSchema }, async ({ params, body }) => ({
  team: await updateTeam({ id: params.id, input: body }),
}));
