import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { jobProgress } from "@/lib/db/schema";

/**
 * Records how far a running job has got. Written outside the job's own transaction, so a page polling
 * the job sees it at once; a retry starts again from its first stage.
 */
export async function reportJobProgress({ jobId, stage, percent }: { jobId: string; stage: string; percent: number }) {
  const value = { jobId, stage, percent: Math.max(0, Math.min(100, Math.round(percent))), updatedAt: new Date() };
  await (
    await getDb()
  )
    .insert(jobProgress)
    .values(value)
    .onConflictDoUpdate({
      target: jobProgress.jobId,
      set: { stage: sql`excluded.stage`, percent: sql`excluded.percent`, updatedAt: sql`excluded.updated_at` },
    });
}
