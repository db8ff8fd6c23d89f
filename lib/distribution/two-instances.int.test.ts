// Two app instances on one database (on PostgreSQL: two connection pools, as two `next start`
// processes have), each with its own pg-boss and workers, given every distribution job twice (as if
// both had scheduled it): each email and Slack post goes out once, and each quarter is drafted once.
import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, selectRows, type DatabaseHandle } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { createBoss } from "@/lib/jobs/boss";
import { enqueue } from "@/lib/jobs/enqueue";
import { JOB_KINDS } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/run-job";
import { todayIsoDate } from "@/lib/responses/submission-day";
import { changeSurveyStatus } from "@/lib/surveys/queries";
import { startSlackReceiver, startSmtpReceiver } from "@/lib/testing/message-receivers";
import { withTestDatabase } from "@/lib/testing/test-db";
import { insertTeams, seedWorkspace } from "@/lib/testing/workspace-fixture";
import { setMailConfigForTests } from "./mail";
import { saveSeries, scheduleSurveyMessages } from "./queries";

const db = withTestDatabase();
const SURVEYS = 4;
const PEOPLE = ["p1@example.com", "p2@example.com", "p3@example.com"];
let second: DatabaseHandle | undefined;
const instances: PgBoss[] = [];
const ranBy: string[] = [];
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let slack: Awaited<ReturnType<typeof startSlackReceiver>>;
let ids: Record<"owner", string>;
let teamId: string;

beforeAll(async () => {
  const url = db.url();
  second = url ? await openDatabase({ url, migrate: false }) : undefined;
  ids = await seedWorkspace(db.handle().db, { anonymityThreshold: 3, roles: ["owner"] });
  ({ Platform: teamId } = await insertTeams(db.handle().db, [{ name: "Platform", headcount: 3 }]));
  await db.handle().db.insert(s.inviteLists).values({ teamId });
  await db
    .handle()
    .db.insert(s.inviteListMembers)
    .values(PEOPLE.map((email) => ({ teamId, email })));
  smtp = await startSmtpReceiver();
  slack = await startSlackReceiver();
  setMailConfigForTests({ url: smtp.url, from: "DX Pulse <pulse@example.com>" });
  await db
    .handle()
    .db.insert(s.slackChannels)
    .values({ key: teamId, teamId, url: slack.url("/platform") });
});

afterAll(async () => {
  for (const boss of instances) await boss.stop({ graceful: false, close: false });
  await second?.close();
  setMailConfigForTests(undefined);
  await smtp?.close();
  await slack?.close();
});

async function startInstance(name: string, handle: DatabaseHandle) {
  const boss = await createBoss(handle, "workers");
  instances.push(boss);
  for (const kind of JOB_KINDS.filter((k) => /^(survey|distribution|series)\./.test(k))) {
    await boss.work(kind, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
      ranBy.push(name);
      return runJob(kind, job);
    });
  }
}

describe("two instances on one database", () => {
  it("send each message once and draft each quarter once", async () => {
    const d = db.handle().db;
    const surveyIds: string[] = [];
    for (let i = 0; i < SURVEYS; i++) {
      const [survey] = await d
        .insert(s.surveys)
        .values({ title: `S${i}`, period: "2026-Q4", opensOn: todayIsoDate() })
        .returning();
      await d.insert(s.questions).values({ surveyId: survey.id, key: "q", kind: "nps", prompt: "?", position: 0 });
      const input = {
        teamIds: [teamId],
        email: true,
        slack: true,
        openDays: 14,
        remindDaysBeforeClose: 0,
        draftDaysBefore: 14,
      };
      await saveSeries({ surveyId: survey.id, input, actor: { id: ids.owner, email: "owner@example.com" } });
      await scheduleSurveyMessages(survey.id);
      await changeSurveyStatus({ id: survey.id, status: "open" }); // the announcement follows the opened event
      surveyIds.push(survey.id);
    }
    // Every announcement and every draft queued a second time, due in a moment, as another instance would.
    const soon = new Date(Date.now() + 500);
    const messages = await selectRows<{ id: string }>(
      d,
      sql`select id::text from distribution_messages where kind = 'announce'`,
    );
    for (const m of messages)
      await enqueue("distribution.announce", { messageId: m.id }, { startAfter: soon, singletonKey: `dup:${m.id}` });
    const series = await selectRows<{ id: string }>(d, sql`select id::text from survey_series`);
    for (const { id } of series) {
      await enqueue("series.draft-next", { seriesId: id, period: "2027-Q1" }, { singletonKey: `a:${id}` });
      await enqueue("series.draft-next", { seriesId: id, period: "2027-Q1" }, { singletonKey: `b:${id}` });
    }

    await Promise.all([startInstance("a", db.handle()), startInstance("b", second ?? db.handle())]);
    const unfinished = async () =>
      (
        await selectRows<{ n: number }>(
          d,
          sql`select count(*)::int as n from pgboss.job
              where name ~ '^(survey|distribution|series)\\.' and state < 'completed' and start_after < now()`,
        )
      )[0].n;
    const deadline = Date.now() + 40_000;
    await new Promise((r) => setTimeout(r, 1000));
    while ((await unfinished()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await unfinished()).toBe(0);

    // Each person got one announcement per survey; the team one post per survey.
    const perPerson = PEOPLE.map(
      (p) => smtp.mails.filter((m) => m.to.includes(p) && /a few minutes/.test(m.text)).length,
    );
    expect(perPerson).toEqual(PEOPLE.map(() => SURVEYS));
    expect(slack.posts.filter((p) => p.path === "/platform")).toHaveLength(SURVEYS);
    // Each series drafted 2027-Q1 once, whichever instance ran which copy of the job.
    const drafted = await selectRows<{ n: number }>(
      d,
      sql`select count(*)::int as n from surveys where period = '2027-Q1'`,
    );
    expect(drafted[0].n).toBe(SURVEYS);
    // The editors' notices: one per drafted survey to the one owner.
    expect(smtp.mails.filter((m) => /Review it and publish it/.test(m.text))).toHaveLength(SURVEYS);
    console.log(
      `[two instances, distribution] jobs run by a: ${ranBy.filter((r) => r === "a").length}, by b: ${ranBy.filter((r) => r === "b").length}`,
    );
  }, 60_000);
});
