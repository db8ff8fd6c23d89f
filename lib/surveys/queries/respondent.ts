import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { coalesce } from "@/lib/db/batching";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import type { Question, Survey } from "@/lib/db/schema";

// What a survey link opens, for the respondent page.

export type RespondentSurvey = {
  surveyId: string;
  teamId: string | null;
  teamName: string | null;
  /** The team answers by personal invitation only (lib/invites): its shared link takes no answers. */
  inviteOnly: boolean;
  survey: Pick<Survey, "id" | "title" | "intro" | "period" | "status" | "opensOn" | "closesOn">;
  questions: Pick<Question, "id" | "key" | "kind" | "prompt" | "helpText" | "required" | "options" | "maxLength">[];
};

/**
 * What a survey link opens: the survey and its active questions. Null for unknown or friction tokens.
 * Every submission in a quarterly burst starts here, so it is one round trip (questions aggregated
 * as JSON), and concurrent lookups of the same link share it: the result is shared, read-only.
 */
export function getRespondentSurvey({ token }: { token: string }): Promise<RespondentSurvey | null> {
  return lookupRespondentSurvey(token);
}

const lookupRespondentSurvey = coalesce(async (token: string): Promise<RespondentSurvey | null> =>
  readRespondentSurvey(
    await getDb(),
    sql`select l.survey_id, l.team_id from survey_links l where l.token = ${token} and l.kind = 'survey'`,
  ),
);

/**
 * The survey and team a target names (a subquery yielding survey_id and team_id, at most one row): a
 * shared link's, or one person's invitation (lib/invites).
 */
export async function readRespondentSurvey(client: DbClient, target: SQL): Promise<RespondentSurvey | null> {
  const [row] = await selectRows<{
    survey_id: string;
    team_id: string | null;
    team_name: string | null;
    invite_only: boolean | null;
    title: string;
    intro: string;
    period: string;
    status: Survey["status"];
    opens_on: string | null;
    closes_on: string | null;
    questions: RespondentSurvey["questions"];
  }>(
    client,
    sql`select l.survey_id, l.team_id, t.name as team_name, il.invite_only, s.title, s.intro, s.period, s.status,
               s.opens_on::text as opens_on, s.closes_on::text as closes_on,
               coalesce((
                 select json_agg(json_build_object(
                          'id', q.id, 'key', q.key, 'kind', q.kind, 'prompt', q.prompt, 'helpText', q.help_text,
                          'required', q.required, 'options', q.options, 'maxLength', q.max_length)
                        order by q.position, q.created_at)
                 from questions q where q.survey_id = s.id and q.archived_at is null
               ), '[]'::json) as questions
        from (${target}) l
        join surveys s on s.id = l.survey_id
        left join teams t on t.id = l.team_id
        left join invite_lists il on il.team_id = l.team_id`,
  );
  if (!row) return null;
  const questions =
    typeof row.questions === "string" ? (JSON.parse(row.questions) as RespondentSurvey["questions"]) : row.questions;
  return {
    surveyId: row.survey_id,
    teamId: row.team_id,
    teamName: row.team_name,
    inviteOnly: row.invite_only === true,
    survey: {
      id: row.survey_id,
      title: row.title,
      intro: row.intro,
      period: row.period,
      status: row.status,
      opensOn: row.opens_on,
      closesOn: row.closes_on,
    },
    questions,
  };
}
