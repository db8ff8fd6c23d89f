// GET /api/teams — teams with their on-platform history · POST /api/teams — add a team
import { json, route } from "@/lib/api/route";
import { createTeam, listTeams } from "@/lib/workspace/queries";
import { createTeamSchema } from "@/lib/workspace/schemas";

export const GET = route({ access: "viewer" }, async () => ({ teams: await listTeams() }));

export const POST = route({ access: "editor", body: createTeamSchema }, async ({ body, user }) =>
  json({ team: await createTeam({ input: body, actor: user }) }, 201),
);
