// GET /api/teams/[id]/invite-list — the team's distribution list · PUT — replace it (all or nothing, invalid lines named)
import { route } from "@/lib/api/route";
import { getInviteList, saveInviteList } from "@/lib/invites/queries";
import { saveInviteListSchema } from "@/lib/invites/schemas";
import { teamIdParams } from "@/lib/workspace/schemas";

// Editors only, reading too: the list is people's addresses.
export const GET = route({ access: "editor", params: teamIdParams }, async ({ params }) => ({
  list: await getInviteList({ teamId: params.id }),
}));

export const PUT = route(
  { access: "editor", params: teamIdParams, body: saveInviteListSchema, maxBodyBytes: 1024 * 1024 },
  async ({ params, body, user }) => saveInviteList({ teamId: params.id, text: body.text, actor: user }),
);
