// GET /api/backlog/scopes — surveys, quarters and the friction log that can be analysed, and those already analysed
import { route } from "@/lib/api/route";
import { listBacklogScopeOptions } from "@/lib/backlog/queries";

export const GET = route({ access: "viewer" }, async () => listBacklogScopeOptions());
