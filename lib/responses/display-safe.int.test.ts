import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as commentsRoute } from "@/app/api/analytics/surveys/[surveyId]/comments/route";
import { POST as frictionRoute } from "@/app/api/friction/[token]/route";
import { POST as changeStatus } from "@/app/api/surveys/[id]/status/route";
import { POST as createSurveyRoute } from "@/app/api/surveys/route";
import { POST as createTeamRoute } from "@/app/api/teams/route";
import surveyLink from "@/pages/api/s/[token]";
import { createUser } from "@/lib/auth/queries";
import { selectRows } from "@/lib/db/client";
import { getRespondentSurvey, listSurveyLinks } from "@/lib/surveys/queries";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { ensureFrictionLink } from "./queries";

// Right-to-left overrides and zero-width characters typed into answers, names and titles are not
// stored, so they never reach a dashboard, a comment list or an export.
const db = withTestDatabase();
const UNSAFE = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060\uFEFF\u061C]/;

let editor = "";
let surveyId = "";
let token = "";
let freeTextId = "";

beforeAll(async () => {
  editor = (await createUser({ name: "Pat", email: "pat@example.com", password: "long-enough-pass", role: "editor" }))
    .id;
  const created = await callRoute(createSurveyRoute, {
    body: { templateId: "quarterly-dx", period: "2026-Q3", title: "Pulse \u202E3Q-6202" },
    userId: editor,
  });
  surveyId = created.json.survey.id;
  expect(
    (await callRoute(changeStatus, { params: { id: surveyId }, body: { status: "open" }, userId: editor })).status,
  ).toBe(200);
  token = (await listSurveyLinks({ surveyId })).find((l) => !l.teamId)!.token;
});

describe("bidirectional and zero-width characters", () => {
  it("are stripped from submitted answers: the stored text and the comment list come back without them", async () => {
    const survey = (await getRespondentSurvey({ token }))!;
    expect(survey.survey.title).toBe("Pulse 3Q-6202");
    freeTextId = survey.questions.find((q) => q.kind === "free_text")!.id;
    for (let i = 0; i < 6; i++) {
      const answers = survey.questions.map((q) => ({
        questionId: q.id,
        value:
          q.id === freeTextId
            ? `Deploys \u202Ewols era\u202C and fl\u200Baky ${i}`
            : q.kind === "likert"
              ? 3
              : q.kind === "nps"
                ? 8
                : q.kind === "single_choice"
                  ? q.options![0].id
                  : q.kind === "multiple_choice"
                    ? [q.options![0].id]
                    : null,
      }));
      const res = await callRoute(surveyLink, {
        method: "POST",
        params: { token },
        body: { idempotencyKey: `bidi-key-${i}-0123456789ab`, answers },
        client: `192.0.2.${i + 1}`,
      });
      expect(res.status).toBe(201);
    }
    const stored = await selectRows<{ text_value: string }>(
      db.handle().db,
      sql`select text_value from answers where text_value is not null`,
    );
    expect(stored).toHaveLength(6);
    for (const { text_value } of stored) {
      expect(text_value).not.toMatch(UNSAFE);
      expect(text_value).toMatch(/^Deploys wols era and flaky \d$/);
    }
    expect(
      (await callRoute(changeStatus, { params: { id: surveyId }, body: { status: "closed" }, userId: editor })).status,
    ).toBe(200);
    const comments = await callRoute(commentsRoute, {
      url: `http://localhost/api/x?question=${freeTextId}`,
      params: { surveyId },
      userId: editor,
    });
    expect(comments.status).toBe(200);
    expect(JSON.stringify(comments.json)).toContain("Deploys wols era and flaky");
    expect(JSON.stringify(comments.json)).not.toMatch(UNSAFE);
  });

  it("are stripped from team names and friction reports", async () => {
    const team = await callRoute(createTeamRoute, {
      body: { name: "Pay\u200Bments\u202E", headcount: 4 },
      userId: editor,
    });
    expect(team.status).toBe(201);
    expect(JSON.stringify(team.json)).toContain("Payments");
    const link = await ensureFrictionLink({ teamId: null });
    expect(
      (
        await callRoute(frictionRoute, {
          params: { token: link.token },
          body: { text: "CI \u2066queue\u2069 is \uFEFFslow" },
          client: "192.0.2.99",
        })
      ).status,
    ).toBe(201);
    const [row] = await selectRows<{ text: string }>(db.handle().db, sql`select text from friction_entries`);
    expect(row.text).toBe("CI queue is slow");
  });
});
