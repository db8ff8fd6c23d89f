// GET /api/you-said — the public "You said, we did" page's data (no sign-in; published words and figures only)
import { route } from "@/lib/api/route";
import { getYouSaidPage } from "@/lib/you-said/queries";

export const GET = route({ access: "public" }, async () => ({ page: await getYouSaidPage() }));
