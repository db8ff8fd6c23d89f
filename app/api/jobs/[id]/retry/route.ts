// POST /api/jobs/[id]/retry — run a failed job again (owner)
import { route } from "@/lib/api/route";
import { retryFailedJob } from "@/lib/jobs/queries";
import { jobParamsSchema } from "@/lib/jobs/schemas";

export const POST = route({ access: "owner", params: jobParamsSchema }, async ({ params }) => ({
  job: await retryFailedJob({ id: params.id }),
}));
