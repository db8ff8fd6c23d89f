import "server-only";
import { getDb } from "@/lib/db/client";
import { bringScheduledMessagesForward } from "@/lib/distribution/queries";
import { bringWaitingJobsForward } from "@/lib/jobs/queries";

// Test-only time travel for one survey: its scheduled work (pg-boss's waiting jobs for it and its
// messages, and the send times of its waiting messages) moves `days` earlier in one transaction, as if
// that much time had passed, and the real workers then run what has come due. Other surveys' work stays
// put, so tests sharing a server do not disturb each other. The survey's dates are left as they are:
// the jobs that act on them check them against their payload, not against today. Reached through
// POST /api/testing/time-travel, which answers 404 unless TIME_TRAVEL is set (the e2e server sets it;
// production never should).
export async function letTimePass({ days, surveyId }: { days: number; surveyId: string }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const messageIds = await bringScheduledMessagesForward({ days, surveyId }, tx);
    return { jobs: await bringWaitingJobsForward({ days, surveyId, messageIds }, tx) };
  });
}
