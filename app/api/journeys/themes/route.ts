// GET /api/journeys/themes — backlog themes a journey step can be linked to
import { route } from "@/lib/api/route";
import { listLinkableThemes } from "@/lib/journeys/queries";

export const GET = route({ access: "editor" }, async () => ({ themes: await listLinkableThemes() }));
