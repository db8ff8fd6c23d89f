import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The public respondent page (/s/<token>): accessibility, validation, thank-you, closed and unknown links.

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join("; ")}`,
    );
}

test("the respondent page has no serious accessibility violations, before and after validation", async ({ page }) => {
  await page.goto("/s/demo-q4");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "questions need your attention" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("required questions are checked inline, and a sent survey is remembered by this browser only", async ({
  page,
}) => {
  await page.goto("/s/demo-q4");
  const groups = page.getByRole("group");
  await page.getByRole("button", { name: "Send my answers" }).click();
  const first = groups.first();
  await expect(first.getByText("This question needs an answer")).toBeVisible();
  await expect(first.getByRole("radio").first()).toBeFocused();
  // Answering clears the message at once.
  await first.getByRole("radio", { name: "4" }).check();
  await expect(first.getByText("This question needs an answer")).toHaveCount(0);

  const likert = page.locator("fieldset").filter({ has: page.getByRole("radio", { name: "5", exact: true }) });
  const count = await likert.count();
  for (let i = 0; i < count; i++) {
    const group = likert.nth(i);
    if (await group.getByRole("radio", { name: "10" }).count()) await group.getByRole("radio", { name: "8" }).check();
    else await group.getByRole("radio", { name: "3" }).check();
  }
  await page.getByRole("textbox").first().fill("Too many YAML files for a simple deploy");
  let posted = "";
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/api/s/")) posted = r.postData() ?? "";
  });
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { name: "Thank you — your answers are in" })).toBeVisible();
  expect(JSON.parse(posted)).toEqual({
    idempotencyKey: expect.stringMatching(/^[a-f0-9]{36}$/),
    answers: expect.any(Array),
  });
  expect(Object.keys(JSON.parse(posted)).sort()).toEqual(["answers", "idempotencyKey"]);

  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "already sent answers" })).toBeVisible();
});

test("an unknown link shows a 404 page", async ({ page }) => {
  const response = await page.goto("/s/this-link-does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This survey link doesn’t exist" })).toBeVisible();
});

test("a closed survey says so clearly and refuses answers", async ({ asEditor: page, browser }) => {
  const created = await page.request.post("/api/surveys", {
    data: { templateId: "devex-pulse", period: "2027-Q1", title: "Closed pulse" },
  });
  expect(created.status()).toBe(201);
  const { survey } = await created.json();
  expect((await page.request.post(`/api/surveys/${survey.id}/status`, { data: { status: "open" } })).status()).toBe(
    200,
  );
  expect((await page.request.post(`/api/surveys/${survey.id}/status`, { data: { status: "closed" } })).status()).toBe(
    200,
  );
  const { links } = await (await page.request.get(`/api/surveys/${survey.id}/links`)).json();

  const anonymous = await browser.newPage();
  await anonymous.goto(`/s/${links[0].token}`);
  await expect(anonymous.getByRole("heading", { name: "This survey is closed" })).toBeVisible();
  await expect(anonymous.getByRole("button", { name: "Send my answers" })).toHaveCount(0);
  const refused = await anonymous.request.post(`/api/s/${links[0].token}`, {
    data: { idempotencyKey: "x".repeat(20), answers: [] },
  });
  expect(refused.status()).toBe(410);
  await anonymous.close();
});

test("the form still works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/s/demo-q4");
  const groups = page.locator("fieldset");
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const radios = groups.nth(i).locator('input[type="radio"]');
    if (await radios.count()) await radios.nth(2).check();
  }
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { name: "Thank you — your answers are in" })).toBeVisible();
  await context.close();
});

test("without JavaScript a refused form keeps every answer and names every missing one", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/s/demo-q4");
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();
  const required = page.locator("fieldset[data-required]");
  const requiredCount = await required.count();
  expect(requiredCount).toBeGreaterThan(2);
  // Answer the first required question and a comment; leave every other required question blank.
  await required.first().locator('input[type="radio"]').nth(2).check();
  await page.getByRole("textbox").first().fill("Too many YAML files <b>for</b> a simple deploy");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/submit")),
    page.getByRole("button", { name: "Send my answers" }).click(),
  ]);
  expect(response.status()).toBe(422);

  const summary = page.getByTestId("error-summary");
  await expect(summary).toHaveAttribute("role", "alert");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(requiredCount - 1);
  await expect(summary).toContainText(`${requiredCount - 1} questions need your attention`);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(required.first().locator('input[type="radio"]').nth(2)).toBeChecked();
  await expect(page.getByRole("textbox").first()).toHaveValue("Too many YAML files <b>for</b> a simple deploy");
  await expect(page.locator('input[name="idempotencyKey"]')).toHaveValue(key);
  const second = required.nth(1);
  await expect(second.getByText("This question needs an answer")).toBeVisible();
  await expect(page.locator(".q-invalid")).toHaveCount(requiredCount - 1);
  // A summary link takes the respondent to the question's first option.
  await summary.getByRole("link").first().click();
  await expect(second.locator("input").first()).toBeFocused();

  for (let i = 1; i < requiredCount; i++) await required.nth(i).locator('input[type="radio"]').nth(3).check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { name: "Thank you — your answers are in" })).toBeVisible();
  await context.close();
});

test("the no-JavaScript error page has no serious accessibility violations", async ({ page }) => {
  // axe needs JavaScript in the page, so only the page's own script is withheld: the form posts as without it.
  await page.route("**/respondent.js", (route) => route.abort());
  await page.goto("/s/demo-q4");
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("with JavaScript an interrupted respondent resumes where they left off, until the answers are sent", async ({
  page,
}) => {
  await page.goto("/s/demo-q4");
  const required = page.locator("fieldset[data-required]");
  const firstRadio = required.first().locator('input[type="radio"]').nth(1);
  const restored = page.getByRole("status").filter({ hasText: "We restored the answers you had started" });
  await firstRadio.check();
  await page.getByRole("textbox").first().fill("Waiting for CI");
  await page.reload();
  await expect(restored).toBeVisible();
  await expect(firstRadio).toBeChecked();
  await expect(page.getByRole("textbox").first()).toHaveValue("Waiting for CI");
  // Kept by link in this browser only: nothing was sent.
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("dxp-draft:")));
  expect(stored).toEqual(["dxp-draft:demo-q4"]);

  // "Start again" empties the form and forgets the draft.
  await restored.getByRole("button", { name: "Start again" }).click();
  await expect(firstRadio).not.toBeChecked();
  await expect(page.getByRole("textbox").first()).toHaveValue("");
  await page.reload();
  await expect(restored).toBeHidden();

  // Answered, interrupted, resumed and sent: the draft is gone.
  const count = await required.count();
  for (let i = 0; i < count; i++) await required.nth(i).locator('input[type="radio"]').nth(2).check();
  await page.reload();
  await expect(restored).toBeVisible();
  await expect(required.last().locator('input[type="radio"]').nth(2)).toBeChecked();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { name: "Thank you — your answers are in" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "already sent answers" })).toBeVisible();
  await expect(restored).toBeHidden();
  await expect(page.locator("input:checked")).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("dxp-draft:demo-q4"))).toBeNull();
});

test("the friction log takes one anonymous sentence", async ({ page }) => {
  await page.goto("/f/demo-friction");
  await page.getByRole("button", { name: "Report friction" }).click();
  await expect(page.getByText("Describe what slowed you down in a few words")).toBeVisible();
  await page.getByLabel("What slowed you down?").fill("Staging was down for the whole afternoon");
  await page.getByRole("button", { name: "Report friction" }).click();
  await expect(page.getByText("Thanks — noted.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
