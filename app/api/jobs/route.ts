// GET /api/jobs — background jobs, unfinished first, then the newest (owner)
import { route } from "@/lib/api/route";
import { listJobs } from "@/lib/jobs/queries";

export const GET = route({ access: "owner" }, async () => ({ jobs: await listJobs() }));
