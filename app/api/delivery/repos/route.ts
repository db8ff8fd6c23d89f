// GET /api/delivery/repos — repositories seen in events or mapped, with counts · PUT — map one to a team (or unmap)
import { route } from "@/lib/api/route";
import { listDeliveryRepos, setRepoTeam } from "@/lib/delivery/queries";
import { mapRepoSchema } from "@/lib/delivery/schemas";

export const GET = route({ access: "editor" }, async () => ({ repos: await listDeliveryRepos() }));

export const PUT = route({ access: "editor", body: mapRepoSchema }, async ({ body }) => {
  await setRepoTeam(body);
  return { repos: await listDeliveryRepos() };
});
