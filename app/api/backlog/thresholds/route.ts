// PATCH /api/backlog/thresholds — change the quadrant cut-offs (frequency share, impact) (editor)
import { route } from "@/lib/api/route";
import { backlogThresholdsSchema } from "@/lib/backlog/schemas";
import { updateWorkspaceSettings } from "@/lib/workspace/queries";

export const PATCH = route({ access: "editor", body: backlogThresholdsSchema }, async ({ body }) => {
  const settings = await updateWorkspaceSettings(body);
  return { thresholds: { frequencyThreshold: settings.frequencyThreshold, impactThreshold: settings.impactThreshold } };
});
