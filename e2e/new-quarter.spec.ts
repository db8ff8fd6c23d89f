import { expect, test } from "./fixtures";

// Issue 13, findings 1 and 10: a new quarter with a handful of answers must not take over the dashboards
// nor end the backlog's charts in a spike. The demo database is shared by every spec of a run: this one
// owns a uniquely titled 2027-Q1 survey and asserts about 2027-Q1 only, never which closed quarter is the
// latest (surveys.spec.ts closes a 2027-Q2 survey with answers, respondent.spec.ts an empty 2027-Q1 pulse).
const QUARTER = "2027-Q1";

test.describe.configure({ mode: "serial" });

test("a quarter still collecting is provisional: headline, trends and the Teams default stay on closed quarters", async ({
  asEditor: page,
}) => {
  const request = page.request;
  const { surveys } = await (await request.get("/api/surveys")).json();
  const q4 = surveys.find((s: { title: string }) => s.title === "Developer experience survey 2026-Q4");
  expect(q4).toBeDefined();
  const created = await request.post("/api/surveys", {
    data: {
      copyFromSurveyId: q4.id,
      period: QUARTER,
      title: `Developer experience survey ${QUARTER} · e2e ${Date.now()}`,
    },
  });
  expect(created.status()).toBe(201);
  const { survey } = await created.json();
  expect((await request.post(`/api/surveys/${survey.id}/status`, { data: { status: "open" } })).status()).toBe(200);
  const { links } = await (await request.get(`/api/surveys/${survey.id}/links`)).json();
  const token: string = links[0].token;
  const { questions } = await (await request.get(`/api/s/${token}`)).json();
  // Seven unhappy developers answer first: counted as they stand, they would drag every line down.
  for (let i = 0; i < 7; i++) {
    const answers = questions
      .filter((q: { kind: string }) => q.kind === "likert" || q.kind === "nps")
      .map((q: { id: string; kind: string }) => ({ questionId: q.id, value: q.kind === "nps" ? 0 : 1 }));
    const res = await request.post(`/api/s/${token}`, {
      data: { idempotencyKey: `e2e-new-quarter-${Date.now()}-${i}`, answers },
    });
    expect(res.status()).toBe(201);
  }

  // The API: the headline point is a closed quarter, and the live one is listed with a count in steps of k.
  const meta = await (await request.get("/api/analytics/meta")).json();
  expect(meta.publishedPeriods).not.toContain(QUARTER);
  const nps = await (await request.get("/api/analytics/nps")).json();
  const lastShown = nps.points.filter((p: { hidden: boolean }) => !p.hidden).at(-1);
  expect(meta.publishedPeriods).toContain(lastShown.period);
  expect(nps.points.find((p: { period: string }) => p.period === QUARTER)).toEqual({
    period: QUARTER,
    hidden: true,
    reason: "collecting",
  });
  // 7 answers show as "5+": a live count moves in steps of k = 5 and never dates one answer.
  expect(nps.collecting.find((c: { period: string }) => c.period === QUARTER)).toMatchObject({
    responses: 5,
    title: survey.title,
  });
  const teams = await (await request.get("/api/analytics/teams")).json();
  expect(teams.period).not.toBe(QUARTER);
  expect(meta.publishedPeriods).toContain(teams.period);

  // The dashboard a leader reads.
  await page.goto("/dashboard");
  const npsCard = page.getByTestId("nps-trend");
  await expect(npsCard.getByTestId("nps-latest")).toHaveText(/^[+−]?\d+$/);
  await expect(npsCard.locator(".stat-label")).toContainText(lastShown.period);
  await expect(npsCard.locator(".stat-label")).toContainText("last closed quarter");
  const note = npsCard.getByTestId("collecting-note").getByRole("listitem").filter({ hasText: QUARTER });
  await expect(note).toContainText(`${QUARTER} collecting`);
  await expect(note).toContainText(/5\+ of \d+ invited \(\d+%\+\)/);
  await expect(note).toContainText("too few to compare");
  // Drawn apart: a faded dashed marker where the quarter will go, no point.
  await expect(npsCard.locator(".recharts-reference-line.collecting-marker").first()).toBeAttached();
  await expect(page.getByTestId("dimension-trends").getByTestId("collecting-note")).toContainText(QUARTER);
  await expect(page.getByTestId("heatmap").getByRole("heading", { level: 2 })).toHaveText(
    `Teams × dimensions · ${teams.period}`,
  );

  // The Teams tab opens on a closed quarter, not the empty new one.
  await page.goto("/dashboard/teams");
  await expect(page.getByTestId("team-benchmarks")).toBeVisible();
  await expect(page.getByTestId("team-benchmarks").locator("caption")).toContainText(teams.period);
});

test("backlog mention rates end at the last closed quarter, with intervals, and say which quarter is collecting", async ({
  asEditor: page,
}) => {
  // The demo's analysed backlog spans 2026-Q1..2026-Q4, and its 2026-Q4 survey is still open.
  const scope = "periods:2026-Q1..2026-Q4";
  const view = await (await page.request.get(`/api/backlog?scope=${encodeURIComponent(scope)}`)).json();
  const item = view.items.find((i: { mentionRates: unknown[] }) => i.mentionRates.length > 1);
  expect(item).toBeDefined();
  for (const r of item.mentionRates) {
    if (r.collecting) expect(r).toMatchObject({ rate: null, mentioners: null });
    else if (r.rate !== null) expect(r.low <= r.rate && r.rate <= r.high).toBe(true);
  }
  const live = item.mentionRates.find((r: { collecting: boolean }) => r.collecting);
  // No spec closes the demo's 2026-Q4 survey (they close surveys they create), so Q4 is collecting here.
  expect(live, "the demo's 2026-Q4 survey is still open").toBeDefined();
  expect(live.respondents === null || live.respondents % view.anonymityThreshold === 0).toBe(true);

  // backlog.spec.ts renames this scope's themes meanwhile: open whichever ranks first.
  await page.goto(`/backlog?scope=${encodeURIComponent(scope)}`);
  await page.getByRole("list", { name: "Ranked themes" }).getByRole("button").first().click();
  const caption = page.getByTestId("mention-rate-caption");
  await expect(caption).toContainText("Shaded: 95% interval.");
  await expect(caption).toContainText(`${live.period} is still collecting`);
});
