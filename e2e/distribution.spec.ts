import { startSlackReceiver, startSmtpReceiver } from "../lib/testing/message-receivers";
import { demo, expect, signIn, test } from "./fixtures";

// Issue #15, acceptance 1: a PM sets up a quarterly series for two teams with email and Slack,
// previews and schedules; invitations reach the SMTP server, an invitee answers through their own
// link, a reminder reaches only the others, the used link cannot be used again, and the closing
// summary reaches the leadership channel.
//
// Time: the survey opens today and closes in a week, with the reminder 3 days before the close. The
// test then advances time through the test-only POST /api/testing/time-travel (the e2e server runs with
// TIME_TRAVEL set): the survey's scheduled work moves that many days earlier, and the server's real pg-boss
// workers (polling every 2 s) run what came due — the reminder after 5 days, the close (and its summary)
// after 4 more. Drafting before the next quarter is covered by lib/distribution/distribution.int.test.ts.
//
// The SMTP server listens where playwright.config.ts points the e2e server's SMTP_URL (E2E_PORT + 1025);
// the Slack receiver on a free port (the server allows loopback webhooks: WEBHOOK_ALLOW_LOOPBACK).

const SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 1025;
const stamp = Date.now().toString(36);
const TEAMS = { a: `Checkout ${stamp}`, b: `Billing ${stamp}` };
const PEOPLE = { a: [`ana.${stamp}@example.com`, `ben.${stamp}@example.com`], b: [`cy.${stamp}@example.com`] };
const ALL = [...PEOPLE.a, ...PEOPLE.b];
// Mail to the invitees only (editors are told by email when the series drafts a quarter; for a survey
// of 2019-Q1 that is the first quarter still ahead, weeks away).
const invitations = (mails: { to: string[] }[]) => mails.map((m) => m.to[0]).filter((to) => ALL.includes(to));
const linkIn = (text: string) => /\/s\/i\/([A-Za-z0-9_-]{43})/.exec(text)?.[0] ?? null;

test.describe.configure({ mode: "serial" });

test("a quarterly series: invitations, an answer through a link, a reminder to the others, the summary", async ({
  asEditor: page,
  browser,
}) => {
  test.setTimeout(150_000); // 34–45 s in CI, mostly the workers' 2-second polls between steps
  const smtp = await startSmtpReceiver(SMTP_PORT);
  const slack = await startSlackReceiver();
  try {
    const request = page.request;
    // This run's summaries (a retry runs with a new stamp; a failed run's summary may still arrive here)
    const leadership = () => slack.posts.filter((p) => p.path === "/leadership" && p.text.includes(stamp));
    // Two teams with their invite lists, and a one-question survey open from today.
    const teamIds: Record<"a" | "b", string> = { a: "", b: "" };
    for (const key of ["a", "b"] as const) {
      const res = await request.post("/api/teams", { data: { name: TEAMS[key], headcount: 4 } });
      expect(res.status()).toBe(201);
      teamIds[key] = (await res.json()).team.id;
      const list = await request.put(`/api/teams/${teamIds[key]}/invite-list`, {
        data: { text: PEOPLE[key].join("\n") },
      });
      expect(list.status()).toBe(200);
    }
    // A quarter long past, so this survey's one answer lands in no quarter the other specs read (a closed
    // survey makes its quarter published, and the latest one the dashboards' and report's headline).
    const created = await request.post("/api/surveys", {
      data: { templateId: "blank", period: "2019-Q1", title: `Series survey ${stamp}` },
    });
    const { survey } = await created.json();
    const today = new Date().toISOString().slice(0, 10);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await request.patch(`/api/surveys/${survey.id}`, { data: { opensOn: today, closesOn: inAWeek } });
    await request.post(`/api/surveys/${survey.id}/questions`, {
      data: {
        key: "platform_nps",
        kind: "nps",
        prompt: "How likely are you to recommend the platform?",
        required: true,
      },
    });

    // Slack channels in Settings → Distribution (URLs shown back masked).
    await page.goto("/settings/distribution");
    for (const [name, path] of [
      [TEAMS.a, "/a"],
      [TEAMS.b, "/b"],
      ["Leadership (closing summaries)", "/leadership"],
    ]) {
      const row = page.getByTestId("slack-channel").filter({ hasText: name });
      // "Replace" when the channel already has a URL (the leadership channel is workspace-wide: a retry finds it set)
      await row
        .getByLabel(new RegExp(`^(Set|Replace) the URL for ${name.replace(/[()]/g, "\\$&")}$`))
        .fill(slack.url(path));
      await row.getByRole("button", { name: "Save" }).click();
      // Shown back masked: this receiver's origin, then an ellipsis (a retry replaces an earlier run's URL)
      await expect(row.getByText(`${new URL(slack.url(path)).origin}/…`)).toBeVisible();
      await expect(row.getByText(slack.url(path))).toHaveCount(0);
    }

    // The series: two teams, email and Slack; previews; schedule.
    await page.goto(`/surveys/${survey.id}?tab=distribution`);
    await page.getByLabel(TEAMS.a).check();
    await page.getByLabel(TEAMS.b).check();
    await page.getByLabel(/Slack: each team/).check();
    await page.getByRole("button", { name: "Make this a quarterly series" }).click();
    await expect(page.getByRole("button", { name: "Schedule messages" })).toBeVisible();
    await page.getByRole("button", { name: "Opening announcement · Email" }).click();
    const preview = page.getByTestId("message-preview");
    await expect(preview).toContainText(`Subject: Series survey ${stamp}: a few minutes of your time`);
    await expect(page.getByTestId("preview-text")).toContainText("This link is yours and works once");
    await page.getByRole("button", { name: "Reminder · Slack" }).click();
    await expect(page.getByTestId("preview-text")).toContainText("only once at least");
    await page.getByRole("button", { name: "Schedule messages" }).click();
    await expect(page.getByTestId("send-log-row")).toHaveCount(5);

    // Publishing opens it today: the workers send the invitations and the teams' posts.
    await page.getByRole("button", { name: "Publish survey" }).click();
    await expect.poll(() => invitations(smtp.mails).sort(), { timeout: 20_000 }).toEqual([...ALL].sort());
    await expect.poll(() => slack.posts.map((p) => p.path).sort(), { timeout: 10_000 }).toEqual(["/a", "/b"]);
    await expect(page.getByTestId("send-log-row").filter({ hasText: "Opening announcement" }).first()).toContainText(
      "Sent",
    );

    // Ana answers through her own link.
    const anaLink = linkIn(smtp.mails.find((m) => m.to[0] === PEOPLE.a[0])!.text)!;
    expect(anaLink).not.toBeNull();
    const respondent = await page.context().newPage();
    await respondent.goto(anaLink);
    await respondent.getByRole("radio", { name: "9" }).check();
    await respondent.getByRole("button", { name: "Send my answers" }).click();
    await expect(respondent.getByRole("heading", { name: /Thank you/ })).toBeVisible();

    // Five days pass: the scheduled reminder goes out, by email only to the two who have not answered.
    smtp.mails.splice(0);
    // Time travel is the owner's (and only on a server started with TIME_TRAVEL).
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await signIn(owner, demo.owner);
    const travel = async (days: number) => {
      const res = await owner.request.post("/api/testing/time-travel", { data: { days, surveyId: survey.id } });
      expect(res.status()).toBe(200);
    };
    await travel(5);
    await expect
      .poll(() => invitations(smtp.mails).sort(), { timeout: 20_000 })
      .toEqual([PEOPLE.a[1], PEOPLE.b[0]].sort());
    expect(smtp.mails.every((m) => !m.text.includes(anaLink))).toBe(true);

    // Her link is used: it opens no form and takes no second answer.
    const again = await page.context().newPage();
    await again.goto(anaLink);
    await expect(again.getByRole("button", { name: "Send my answers" })).toHaveCount(0);

    // Four more days: the close date is over, the survey closes by itself and leadership gets the summary.
    await travel(4);
    await ownerContext.close();
    await expect
      .poll(() => leadership().map((p) => p.text), { timeout: 20_000 })
      .toEqual([expect.stringContaining(`*Series survey ${stamp}* (2019-Q1) has closed`)]);
    expect((await (await request.get(`/api/surveys/${survey.id}`)).json()).survey.status).toBe("closed");
    // One answer is under k: the summary says so and gives no team's count.
    expect(leadership()[0].text).toContain("no results can be shown");
  } finally {
    await smtp.close();
    await slack.close();
  }
});
