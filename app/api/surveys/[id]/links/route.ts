// GET /api/surveys/[id]/links — links with live response counts and rates · POST — add per-team links
import { json, route } from "@/lib/api/route";
import { createTeamLinks, listSurveyLinks } from "@/lib/surveys/queries";
import { createLinksSchema, surveyIdParams } from "@/lib/surveys/schemas";

export const GET = route({ access: "viewer", params: surveyIdParams }, async ({ params }) => ({ links: await listSurveyLinks({ surveyId: params.id }) }));

export const POST = route({ access: "editor", params: surveyIdParams, body: createLinksSchema }, async ({ params, body }) => {
  const created = await createTeamLinks({ surveyId: params.id, teamIds: body.teamIds });
  return json({ created, links: await listSurveyLinks({ surveyId: params.id }) }, 201);
});
