// PUT /api/teams/[id]/invite-only — make the team answer by invitation only (its shared links stop taking answers), or not
import { route } from "@/lib/api/route";
import { setInviteOnly } from "@/lib/invites/queries";
import { setInviteOnlySchema } from "@/lib/invites/schemas";
import { teamIdParams } from "@/lib/workspace/schemas";

export const PUT = route(
  { access: "editor", params: teamIdParams, body: setInviteOnlySchema },
  async ({ params, body, user }) => ({
    list: await setInviteOnly({ teamId: params.id, inviteOnly: body.inviteOnly, actor: user }),
  }),
);
