// Rows that many integration tests start from, written straight into the throwaway database: the
// workspace's anonymity threshold, one user per role, teams, and closed surveys with their questions.
import type { Role } from "@/lib/auth/constants";
import type { Database } from "@/lib/db/client";
import * as s from "@/lib/db/schema";

/**
 * The workspace row with threshold `anonymityThreshold` and a `<role>@example.com` user for each role.
 * The users have no usable password: tests act as them through callRoute's userId.
 */
export async function seedWorkspace<R extends Role>(
  d: Database,
  { anonymityThreshold, roles }: { anonymityThreshold: number; roles: readonly R[] },
): Promise<Record<R, string>> {
  await d.insert(s.workspaceSettings).values({ id: 1, anonymityThreshold });
  const users = await d
    .insert(s.users)
    .values(roles.map((role) => ({ email: `${role}@example.com`, role, passwordHash: "x" })))
    .returning();
  return Object.fromEntries(users.map((u) => [u.role, u.id])) as Record<R, string>;
}

/** Inserts the teams; returns their ids by name. */
export async function insertTeams(
  d: Database,
  teams: (typeof s.teams.$inferInsert)[],
): Promise<Record<string, string>> {
  const rows = await d.insert(s.teams).values(teams).returning();
  return Object.fromEntries(rows.map((t) => [t.name, t.id]));
}

type QuestionDraft = Omit<typeof s.questions.$inferInsert, "surveyId" | "position">;

/** The NPS and satisfaction questions the analytics fixtures open their surveys with. */
export const npsAndSatisfaction: QuestionDraft[] = [
  { key: "platform_nps", kind: "nps", prompt: "Recommend?" },
  { key: "sat", kind: "likert", prompt: "Happy?", dimension: "space.satisfaction" },
];

/** A closed survey "DX <period>" with `questions` in that order; returns its id and the question rows in order. */
export async function insertClosedSurvey(d: Database, period: string, questions: QuestionDraft[]) {
  const [survey] = await d
    .insert(s.surveys)
    .values({ title: `DX ${period}`, period, status: "closed" })
    .returning();
  const rows = await d
    .insert(s.questions)
    .values(questions.map((q, position) => ({ ...q, surveyId: survey.id, position })))
    .returning();
  return { surveyId: survey.id, questions: rows };
}
