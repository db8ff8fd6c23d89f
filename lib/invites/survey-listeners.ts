import "server-only";
// When a survey closes, its invitations are rewritten in one statement, in a random order. Marking an
// invitation used happens in the transaction that stores its response, so until then PostgreSQL's
// system columns tie the two rows together (both carry that transaction's id in xmin) and the used
// rows' physical order follows the order of use. After the rewrite every invitation of the survey
// carries the close's transaction id and sits in a shuffled place: the used marks say who answered,
// nothing more. (Dead row versions linger until VACUUM removes them; README, "Invite-only links".)
import { sql } from "drizzle-orm";
import { onSurveyClosed } from "@/lib/surveys/events";

onSurveyClosed(async (event, tx) => {
  await tx.execute(sql`
    with gone as (delete from survey_invites where survey_id = ${event.surveyId} returning *)
    insert into survey_invites (id, survey_id, team_id, email, token_hash, used)
    select id, survey_id, team_id, email, token_hash, used from gone order by random()`);
});
