// DELETE /api/journeys/:id/steps/:stepId/themes/:themeId — unlink a theme from a step
import { route } from "@/lib/api/route";
import { unlinkStepTheme } from "@/lib/journeys/queries";
import { stepThemeParams } from "@/lib/journeys/schemas";

export const DELETE = route({ access: "editor", params: stepThemeParams }, async ({ params }) => {
  await unlinkStepTheme({ mapId: params.id, stepId: params.stepId, themeId: params.themeId });
  return { ok: true };
});
