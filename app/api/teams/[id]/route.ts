// PATCH /api/teams/[id] — rename, headcount, on-platform change from a quarter, archive or restore · DELETE — remove a team without answers
import { route } from "@/lib/api/route";
import { deleteTeam, updateTeam } from "@/lib/workspace/queries";
import { teamIdParams, updateTeamSchema } from "@/lib/workspace/schemas";

export const PATCH = route(
  { access: "editor", params: teamIdParams, body: updateTeamSchema },
  async ({ params, body, user }) => ({
    team: await updateTeam({ id: params.id, input: body, actor: user }),
  }),
);

export const DELETE = route({ access: "editor", params: teamIdParams }, async ({ params, user }) => {
  await deleteTeam({ id: params.id, actor: user });
  return { ok: true };
});
