// Survey series and distribution on both engines, through the real job queue (runJobsNow), a real
// SMTP server and a real HTTP receiver standing in for Slack: each job kind (draft the next survey,
// announce, remind, close summary, notice), previews equal to what is sent, the send log, failures
// that retry and never send twice, and nothing that says who answered.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listChannels, PUT as putChannel } from "@/app/api/distribution/channels/route";
import { POST as preview } from "@/app/api/surveys/[id]/distribution/preview/route";
import { POST as remindNow } from "@/app/api/surveys/[id]/distribution/reminders/route";
import { GET as getDistribution } from "@/app/api/surveys/[id]/distribution/route";
import { POST as schedule } from "@/app/api/surveys/[id]/distribution/schedule/route";
import { DELETE as stopSeries, PUT as putSeries } from "@/app/api/surveys/[id]/series/route";
import { POST as changeStatus } from "@/app/api/surveys/[id]/status/route";
import { PUT as saveList } from "@/app/api/teams/[id]/invite-list/route";
import * as s from "@/lib/db/schema";
import inviteLink from "@/pages/api/s/i/[token]";
import { runJobsNow } from "@/lib/jobs/drain";
import { listJobs } from "@/lib/jobs/queries";
import type { JobKind } from "@/lib/jobs/registry";
import { todayIsoDate } from "@/lib/responses/submission-day";
import { callRoute } from "@/lib/testing/api";
import { startSlackReceiver, startSmtpReceiver } from "@/lib/testing/message-receivers";
import { withTestDatabase } from "@/lib/testing/test-db";
import { insertTeams, seedWorkspace } from "@/lib/testing/workspace-fixture";
import { setMailConfigForTests } from "./mail";
import { listDraftsToReview } from "./queries";

const db = withTestDatabase();
const d = () => db.handle().db;
const day = (offset: number) => todayIsoDate(new Date(Date.now() + offset * 86_400_000));
const DISTRIBUTION: JobKind[] = [
  "survey.open",
  "survey.close",
  "distribution.announce",
  "distribution.remind",
  "distribution.summary",
  "distribution.notify",
];

let ids: Record<"owner" | "editor", string>;
let teams: Record<string, string>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let slack: Awaited<ReturnType<typeof startSlackReceiver>>;
let surveyId: string;
let npsId: string;

const PAYMENTS = ["ana@example.com", "ben@example.com", "cy@example.com"];
const SEARCH = ["dee@example.com", "eli@example.com"];

beforeAll(async () => {
  ids = await seedWorkspace(d(), { anonymityThreshold: 3, roles: ["owner", "editor"] });
  teams = await insertTeams(d(), [
    { name: "Payments", headcount: 6 },
    { name: "Search", headcount: 4 },
  ]);
  smtp = await startSmtpReceiver();
  slack = await startSlackReceiver();
  setMailConfigForTests({ url: smtp.url, from: "DX Pulse <pulse@example.com>" });
  const [survey] = await d()
    .insert(s.surveys)
    .values({ title: "DX 2026-Q4", period: "2026-Q4", opensOn: day(0), closesOn: day(10) })
    .returning();
  await d()
    .insert(s.questions)
    .values({ surveyId: survey.id, key: "platform_nps", kind: "nps", prompt: "Recommend?", position: 0 });
  surveyId = survey.id;
  npsId = (await d().select().from(s.questions).where(eq(s.questions.surveyId, survey.id)))[0].id;
  for (const [team, emails] of [
    ["Payments", PAYMENTS],
    ["Search", SEARCH],
  ] as const) {
    const saved = await callRoute(saveList, {
      method: "PUT",
      params: { id: teams[team] },
      body: { text: emails.join("\n") },
      userId: ids.editor,
    });
    expect(saved.status).toBe(200);
  }
});
afterAll(async () => {
  setMailConfigForTests(undefined);
  await smtp?.close();
  await slack?.close();
});

const as = (userId: string, body?: unknown) => ({ userId, params: { id: surveyId }, body });
const linksIn = (text: string) => [...text.matchAll(/\/s\/i\/([A-Za-z0-9_-]{20,})/g)].map((m) => m[1]);
/** Time passes for the jobs of a kind in a state: they become due now (pg-boss keeps start_after per job). */
const timePasses = (kind: JobKind, state: "created" | "retry") =>
  d().execute(
    sql`update pgboss.job set start_after = now() - interval '1 second' where name = ${kind} and state = ${state}`,
  );
const backoffPasses = (kind: JobKind) => timePasses(kind, "retry");
const sendLog = async () => (await callRoute(getDistribution, as(ids.editor))).json.messages as Record<string, any>[];

describe("a quarterly series with email and Slack", () => {
  it("validates Slack URLs and never shows one back whole", async () => {
    const bad = await callRoute(putChannel, {
      userId: ids.editor,
      body: { key: teams.Payments, url: "https://example.com/hook" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fieldErrors.url[0]).toMatch(/hooks\.slack\.com/);
    const viewer = await callRoute(putChannel, {
      userId: undefined,
      body: { key: "leadership", url: slack.url("/x") },
    });
    expect(viewer.status).toBe(401);
    for (const [key, path] of [
      [teams.Payments, "/payments"],
      [teams.Search, "/search"],
      ["leadership", "/leadership"],
    ])
      expect((await callRoute(putChannel, { userId: ids.editor, body: { key, url: slack.url(path) } })).status).toBe(
        200,
      );
    const res = await callRoute(getDistribution, as(ids.editor));
    const urls = (res.json.channels as { url: string | null }[]).map((c) => c.url);
    expect(urls.every((u) => u !== null && u.includes("…"))).toBe(true);
    expect(JSON.stringify(res.json)).not.toContain(slack.url("/payments"));
    expect(res.json.email.configured).toBe(true);
    const listed = await callRoute(listChannels, { userId: ids.editor });
    expect(listed.json.channels.map((c: { name: string }) => c.name)).toEqual([
      "Leadership (closing summaries)",
      "Payments",
      "Search",
    ]);
    expect((await callRoute(listChannels, { userId: ids.owner })).status).toBe(200);
  });

  it("a PM turns the survey into a series; previews are exactly what is sent", async () => {
    const series = await callRoute(
      putSeries,
      as(ids.editor, {
        teamIds: [teams.Payments, teams.Search],
        email: true,
        slack: true,
        openDays: 14,
        remindDaysBeforeClose: 3,
        draftDaysBefore: 14,
      }),
    );
    expect(series.status).toBe(200);
    const email = await callRoute(
      preview,
      as(ids.editor, { kind: "announce", channel: "email", teamId: teams.Payments }),
    );
    expect(email.status).toBe(200);
    expect(email.json.subject).toBe("DX 2026-Q4: a few minutes of your time");
    expect(email.json.html).toContain("<!doctype html>");
    expect(email.json.text).toContain("invited to answer DX 2026-Q4 for Payments");
    const slackPreview = await callRoute(
      preview,
      as(ids.editor, { kind: "remind", channel: "slack", teamId: teams.Search }),
    );
    expect(slackPreview.json.text).toMatch(/only once at least 3 of you have answered/);
    expect(slackPreview.json.html).toBeNull();

    const scheduled = await callRoute(schedule, as(ids.editor));
    expect(scheduled.status).toBe(200);
    const kinds = (scheduled.json.messages as { kind: string; channel: string; status: string }[]).map(
      (m) => `${m.kind}/${m.channel}/${m.status}`,
    );
    expect(kinds.sort()).toEqual(
      ["announce/email", "announce/slack", "remind/email", "remind/slack", "summary/slack"].map(
        (k) => `${k}/scheduled`,
      ),
    );
    // The next quarter's draft waits for its moment: 14 days before 2027-Q1.
    const draftJob = (await listJobs()).find((j) => j.kind === "series.draft-next");
    expect(draftJob?.startAfter.toISOString()).toBe("2026-12-18T00:00:00.000Z");
  });

  it("announce: publishing sends each invitee their own link by email and each team its link on Slack", async () => {
    expect((await callRoute(changeStatus, as(ids.editor, { status: "open" }))).status).toBe(200);
    expect(smtp.mails).toHaveLength(0); // nothing before the jobs run
    await runJobsNow({ kinds: DISTRIBUTION });
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual([...PAYMENTS, ...SEARCH].sort());
    const tokens = smtp.mails.flatMap((m) => linksIn(m.text));
    expect(new Set(tokens).size).toBe(5); // one own link each, all different
    const announceText = (
      await callRoute(preview, as(ids.editor, { kind: "announce", channel: "slack", teamId: teams.Payments }))
    ).json.text;
    expect(slack.posts.map((p) => p.path).sort()).toEqual(["/payments", "/search"]);
    expect(slack.posts.find((p) => p.path === "/payments")!.text).toBe(announceText);
    const log = await sendLog();
    const announce = log.find((m) => m.kind === "announce" && m.channel === "email")!;
    expect(announce.status).toBe("sent");
    expect(announce.emails).toEqual({ sent: 5, failed: 0, pending: 0 });
    // Running the jobs again sends nothing twice.
    await runJobsNow({ kinds: DISTRIBUTION, ignoreStartAfter: false });
    expect(smtp.mails).toHaveLength(5);
  });

  it("remind: email reaches only those who have not answered; SMTP trouble retries without resending", async () => {
    // Ana answers through her own link: the invitation is used in the statement that stores her answer.
    const anaToken = linksIn(smtp.mails.find((m) => m.to[0] === PAYMENTS[0])!.text)[0];
    const answered = await callRoute(inviteLink, {
      method: "POST",
      params: { token: anaToken },
      body: { idempotencyKey: `test-${crypto.randomUUID()}`, answers: [{ questionId: npsId, value: 9 }] },
    });
    expect(answered.status).toBe(201);
    smtp.mails.splice(0);
    slack.posts.splice(0);

    smtp.setRefusing(true);
    slack.replies.push(500);
    expect((await callRoute(remindNow, as(ids.editor))).status).toBe(200);
    expect(await runJobsNow({ kinds: ["distribution.remind"] })).toEqual({ completed: 0, failed: 2 });
    let log = await sendLog();
    const failing = log.filter((m) => m.kind === "remind" && m.round === 1);
    expect(failing.map((m) => m.status)).toEqual(["retrying", "retrying"]);
    expect(failing.find((m) => m.channel === "email")!.error).toBe("The SMTP server refused the message (code 450)");
    expect(failing.find((m) => m.channel === "email")!.emails).toBeNull(); // a reminder's recipients are not counted
    // The receiver answered 500 to the first post: that team's delivery failed, the other went out.
    const posts = failing.find((m) => m.channel === "slack")!.posts as {
      team: string;
      status: string;
      error: string;
    }[];
    expect(posts.map((p) => [p.status, p.error]).sort()).toEqual([
      ["failed", "Slack answered HTTP 500"],
      ["sent", null],
    ]);
    const jobs = (await listJobs()).filter((j) => j.kind === "distribution.remind");
    expect(jobs.filter((j) => j.state === "retrying")).toHaveLength(2);

    smtp.setRefusing(false);
    await backoffPasses("distribution.remind");
    expect(await runJobsNow({ kinds: ["distribution.remind"] })).toEqual({ completed: 2, failed: 0 });
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual([PAYMENTS[1], PAYMENTS[2], ...SEARCH].sort());
    // One team's post went out on the first attempt and was not sent again; the other's on the retry.
    expect(slack.posts.map((p) => p.path).sort()).toEqual(["/payments", "/search"]);
    const searchPost = slack.posts.find((p) => p.path === "/search")!.text;
    expect(searchPost).toMatch(/Reminder: \*DX 2026-Q4\* is still open for Search/);
    expect(searchPost).not.toMatch(/\b1\b/); // one answer so far: never said, under k and per team
    log = await sendLog();
    expect(log.filter((m) => m.kind === "remind" && m.round === 1).map((m) => m.status)).toEqual(["sent", "sent"]);
    // Who was reminded is not kept once the reminder is done.
    const reminderIds = log.filter((m) => m.kind === "remind").map((m) => m.id as string);
    const left = await d()
      .select()
      .from(s.distributionDeliveries)
      .where(
        and(
          eq(
            s.distributionDeliveries.messageId,
            reminderIds.find((id) => log.find((m) => m.id === id)!.channel === "email")!,
          ),
        ),
      );
    expect(left).toEqual([]);
    // Ana's old link no longer matches anything (a used invitation gets no new token).
    expect(smtp.mails.some((m) => m.text.includes(anaToken))).toBe(false);
  });

  it("an unreachable SMTP server: the reminder waits to retry, with the reason in plain words", async () => {
    setMailConfigForTests({ url: "smtp://127.0.0.1:1", from: "DX Pulse <pulse@example.com>" });
    try {
      expect((await callRoute(remindNow, as(ids.editor))).status).toBe(200);
      await runJobsNow({ kinds: ["distribution.remind"] });
      const round2 = (await sendLog()).filter((m) => m.kind === "remind" && m.round === 2);
      expect(round2.find((m) => m.channel === "email")).toMatchObject({
        status: "retrying",
        error: "The SMTP server could not be reached",
      });
    } finally {
      setMailConfigForTests({ url: smtp.url, from: "DX Pulse <pulse@example.com>" });
    }
  });

  it("summary: closing posts only published figures to leadership", async () => {
    await d()
      .insert(s.responses)
      .values([...Array(3)].map(() => ({ surveyId, teamId: teams.Payments })));
    await d().insert(s.responses).values({ surveyId, teamId: teams.Search });
    slack.posts.splice(0);
    expect((await callRoute(changeStatus, as(ids.editor, { status: "closed" }))).status).toBe(200);
    await runJobsNow({ kinds: DISTRIBUTION });
    expect(slack.posts.map((p) => p.path)).toEqual(["/leadership"]);
    const text = slack.posts[0].text;
    expect(text).toContain("*DX 2026-Q4* (2026-Q4) has closed");
    expect(text).toContain("5 people answered");
    // Search's single answer is under k; Payments' 4 would give it away (5 − 4), so both are hidden.
    expect(text).toContain("Search · hidden");
    expect(text).toContain("Payments · hidden");
    expect(text).not.toMatch(/Payments · 4/);
    // A scheduled reminder for the closed survey is not sent.
    await runJobsNow({ kinds: ["distribution.remind"], ignoreStartAfter: true });
    const log = await sendLog();
    expect(log.find((m) => m.kind === "remind" && m.round === 0 && m.channel === "email")!.status).toBe("skipped");
    expect(log.find((m) => m.kind === "summary")!.status).toBe("sent");
  });

  it("draft next: before the quarter the next survey is drafted once, dated, planned, and editors are told", async () => {
    smtp.mails.splice(0);
    // Time passes to the job's moment: the waiting draft job becomes due (the one it queues is not).
    await timePasses("series.draft-next", "created");
    const first = await runJobsNow({ kinds: ["series.draft-next"] });
    expect(first).toEqual({ completed: 1, failed: 0 });
    const drafts = await listDraftsToReview();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      period: "2027-Q1",
      opensOn: "2027-01-01",
      closesOn: "2027-01-14",
      title: "DX 2027-Q1",
    });
    const questions = await d().select().from(s.questions).where(eq(s.questions.surveyId, drafts[0].id));
    expect(questions.map((q) => q.key)).toEqual(["platform_nps"]);
    // The following quarter is queued; a duplicate job for 2027-Q1 drafts nothing.
    const queued = (await listJobs()).filter((j) => j.kind === "series.draft-next" && j.state === "queued");
    expect(queued.map((j) => j.startAfter.toISOString())).toEqual(["2027-03-18T00:00:00.000Z"]);
    const { draftNextSurvey } = await import("./queries");
    expect(
      (await draftNextSurvey({ seriesId: (await d().select().from(s.surveySeries))[0].id, period: "2027-Q1" })).skipped,
    ).toBe("already drafted");
    expect(await listDraftsToReview()).toHaveLength(1);
    // The editors hear about it by email.
    const notified = await runJobsNow({ kinds: ["distribution.notify"] });
    const notices = await d()
      .select()
      .from(s.distributionMessages)
      .where(eq(s.distributionMessages.kind, "draft_notice"));
    expect({ notified, notices: notices.map((m) => [m.status, m.error]) }).toEqual({
      notified: { completed: 1, failed: 0 },
      notices: [["sent", null]],
    });
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(["editor@example.com", "owner@example.com"]);
    expect(smtp.mails[0].text).toContain("Review it and publish it");
    // Its messages are planned; its announcement waits for it to open.
    const planned = await d()
      .select()
      .from(s.distributionMessages)
      .where(eq(s.distributionMessages.surveyId, drafts[0].id));
    expect(planned.map((m) => `${m.kind}/${m.channel}`).sort()).toEqual([
      "announce/email",
      "announce/slack",
      "draft_notice/email",
      "remind/email",
      "remind/slack",
      "summary/slack",
    ]);
  });

  it("stop: a stopped series drafts no further quarter and skips the unsent messages of its survey", async () => {
    const [draft] = await listDraftsToReview();
    const anonymous = await callRoute(stopSeries, { params: { id: draft.id } });
    expect(anonymous.status).toBe(401);
    const stopped = await callRoute(stopSeries, { userId: ids.editor, params: { id: draft.id } });
    expect(stopped.status).toBe(200);
    expect(await d().$count(s.surveySeries)).toBe(0);
    const unsent = await d()
      .select({ status: s.distributionMessages.status, error: s.distributionMessages.error })
      .from(s.distributionMessages)
      .where(and(eq(s.distributionMessages.surveyId, draft.id), eq(s.distributionMessages.kind, "announce")));
    expect(unsent).toEqual([
      { status: "skipped", error: "The series was stopped" },
      { status: "skipped", error: "The series was stopped" },
    ]);
    // The next quarter's waiting draft job runs and finds the series gone: nothing is drafted.
    await timePasses("series.draft-next", "created");
    expect(await runJobsNow({ kinds: ["series.draft-next"] })).toEqual({ completed: 1, failed: 0 });
    const all = await d().select({ period: s.surveys.period, status: s.surveys.status }).from(s.surveys);
    expect(all.filter((x) => x.period >= "2027-Q1")).toEqual([{ period: "2027-Q1", status: "draft" }]);
    // Stopping twice says there is nothing to stop.
    expect((await callRoute(stopSeries, { userId: ids.editor, params: { id: draft.id } })).status).toBe(409);
  });
});
