// POST /api/journeys/:id/steps/:stepId/themes — link a backlog theme to a step, or dismiss a suggestion
import { json, route } from "@/lib/api/route";
import { linkStepToTheme } from "@/lib/journeys/queries";
import { linkThemeSchema, stepParams } from "@/lib/journeys/schemas";

export const POST = route({ access: "editor", params: stepParams, body: linkThemeSchema }, async ({ params, body }) =>
  json({ link: await linkStepToTheme({ mapId: params.id, stepId: params.stepId, input: body }) }, 201),
);
