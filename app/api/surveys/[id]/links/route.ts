// GET /api/surveys/[id]/links — links with response counts as the anonymity rules allow (tokens for editors only) · POST — add per-team links
import { json, route } from "@/lib/api/route";
import { hasRole } from "@/lib/auth/roles";
import { createTeamLinks, getSurveyLinkStats } from "@/lib/surveys/queries";
import { createLinksSchema, surveyIdParams } from "@/lib/surveys/schemas";

export const GET = route({ access: "viewer", params: surveyIdParams }, async ({ params, user }) =>
  getSurveyLinkStats({ surveyId: params.id, showTokens: hasRole(user.role, "editor") }),
);

export const POST = route(
  { access: "editor", params: surveyIdParams, body: createLinksSchema },
  async ({ params, body }) => {
    const created = await createTeamLinks({ surveyId: params.id, teamIds: body.teamIds });
    return json({ created, ...(await getSurveyLinkStats({ surveyId: params.id, showTokens: true })) }, 201);
  },
);
