import { beforeAll, describe, expect, it } from "vitest";
import { GET as commentsRoute } from "@/app/api/analytics/surveys/[surveyId]/comments/route";
import { POST as createJourneyRoute } from "@/app/api/journeys/route";
import { PATCH as settingsRoute } from "@/app/api/settings/route";
import { POST as createSurveyRoute } from "@/app/api/surveys/route";
import { PATCH as updateTeamRoute } from "@/app/api/teams/[id]/route";
import { POST as createTeamRoute } from "@/app/api/teams/route";
import { POST as createWorkflowRoute } from "@/app/api/workflows/route";
import { createUser } from "@/lib/auth/queries";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { listTeams } from "@/lib/workspace/queries";

// JSON numbers are numbers: null, true, [] and "7" are refused with the field's message, never
// coerced into 0, 1 or 7 and stored. Query strings are text, so there digits (and only digits) count.
withTestDatabase();

let owner = "";
let editor = "";
let teamId = "";
let surveyId = "";
let questionId = "";
const notNumbers: unknown[] = [null, true, false, [], [7], "7", "", {}];

beforeAll(async () => {
  owner = (await createUser({ name: "Olive", email: "olive@example.com", password: "long-enough-pass", role: "owner" }))
    .id;
  editor = (await createUser({ name: "Pat", email: "pat@example.com", password: "long-enough-pass", role: "editor" }))
    .id;
  const team = await callRoute(createTeamRoute, { body: { name: "Payments", headcount: 10 }, userId: editor });
  expect(team.status).toBe(201);
  teamId = team.json.team?.id ?? (await listTeams()).find((t) => t.name === "Payments")!.id;
  const survey = await callRoute(createSurveyRoute, {
    body: { templateId: "quarterly-dx", period: "2026-Q3" },
    userId: editor,
  });
  surveyId = survey.json.survey.id;
  questionId =
    survey.json.survey.questions?.find((q: { kind: string }) => q.kind === "free_text")?.id ??
    "00000000-0000-4000-8000-000000000000";
});

async function expectFieldRefused(res: Promise<{ status: number; json: any }>, field: string) {
  const { status, json } = await res;
  expect(status).toBe(422);
  expect(json.error.fieldErrors[field]?.[0]).toEqual(expect.any(String));
}

describe("strict numbers in JSON bodies", () => {
  it('refuses a team headcount of null, true, [] or "7", storing nothing', async () => {
    for (const headcount of notNumbers) {
      await expectFieldRefused(
        callRoute(createTeamRoute, { body: { name: `Team ${JSON.stringify(headcount)}`, headcount }, userId: editor }),
        "headcount",
      );
      await expectFieldRefused(
        callRoute(updateTeamRoute, { method: "PATCH", params: { id: teamId }, body: { headcount }, userId: editor }),
        "headcount",
      );
    }
    expect((await listTeams()).map((t) => [t.name, t.headcount])).toEqual([["Payments", 10]]);
    expect(
      (await callRoute(createTeamRoute, { body: { name: "Identity", headcount: 7 }, userId: editor })).status,
    ).toBe(201);
  });

  it("refuses them for the anonymity threshold, journey maturity and workflow targets too", async () => {
    for (const value of notNumbers) {
      await expectFieldRefused(
        callRoute(settingsRoute, { method: "PATCH", body: { anonymityThreshold: value }, userId: owner }),
        "anonymityThreshold",
      );
      await expectFieldRefused(
        callRoute(createJourneyRoute, { body: { name: "Deploy", maturityNow: value }, userId: editor }),
        "maturityNow",
      );
      await expectFieldRefused(
        callRoute(createWorkflowRoute, { body: { name: "Rollback", targetMinutes: value }, userId: editor }),
        "targetMinutes",
      );
    }
  });
});

describe("strict numbers in query strings", () => {
  const comments = (offset: string) =>
    callRoute(commentsRoute, {
      url: `http://localhost/api/x?question=${questionId}&offset=${encodeURIComponent(offset)}`,
      params: { surveyId },
      userId: editor,
    });

  it("takes digits and refuses anything else", async () => {
    for (const offset of ["1e3", "0x10", " 7", "-1", "7.0", "true", "[]"])
      await expectFieldRefused(comments(offset), "offset");
    expect((await comments("20")).status).not.toBe(422);
  });
});
