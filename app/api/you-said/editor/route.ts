// GET /api/you-said/editor — every theme of the dashboard's backlog with its draft and published words, the preview and the live page (editor)
import { route } from "@/lib/api/route";
import { getYouSaidEditor } from "@/lib/you-said/queries";

export const GET = route({ access: "editor" }, async () => getYouSaidEditor());
