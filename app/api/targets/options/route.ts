// GET /api/targets/options — the dimensions, questions, journey steps, workflows, DORA keys and teams a target or plan can use
import { route } from "@/lib/api/route";
import { listMeasureOptions } from "@/lib/targets/queries";

export const GET = route({ access: "viewer" }, async () => listMeasureOptions());
