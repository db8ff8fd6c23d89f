import { expect, test } from "./fixtures";

// Authoring: template → publish → team link → an anonymous keyboard-only answer → live count.
test("an editor publishes the quarterly survey and a team's keyboard-only answer is counted live", async ({
  asEditor: page,
  browser,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const title = `Quarterly DX e2e ${Date.now()}`;
  await page.goto("/surveys/new");
  await page.getByRole("radio", { name: "Quarterly developer experience" }).check();
  await page.getByLabel("Quarter", { exact: true }).fill("2027-Q2");
  await page.getByLabel("Title (optional)").fill(title);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("question-item")).toHaveCount(14);

  await page.getByRole("button", { name: "Publish survey" }).click();
  await expect(page.getByTestId("survey-status")).toHaveText("Open");

  await page.getByRole("tab", { name: "Share & responses" }).click();
  await page.getByRole("button", { name: "Create a link for every team" }).click();
  const paymentsRow = page
    .getByTestId("survey-link-row")
    .filter({ has: page.getByRole("rowheader", { name: "Payments" }) });
  await expect(paymentsRow).toBeVisible();
  // Counts under k are never shown, not even to the editor.
  await expect(paymentsRow.getByTestId("link-count")).toHaveText(/^fewer than 5/);
  await paymentsRow.getByRole("button", { name: "Copy link" }).click();
  await expect(paymentsRow.getByRole("button", { name: "Copied" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]+$/);

  // A fresh, anonymous browser answers with the keyboard only.
  const respondentContext = await browser.newContext();
  const respondent = await respondentContext.newPage();
  await respondent.goto(link);
  await expect(respondent.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const kb = respondent.keyboard;
  // The introduction links to "You said, we did" (the demo publishes it): one tab stop before the questions.
  await kb.press("Tab");
  await expect(respondent.getByRole("link", { name: "You said, we did" })).toBeFocused();
  for (let i = 0; i < 8; i++) {
    await kb.press("Tab"); // first radio of the next Likert group
    for (let k = 0; k < 3; k++) await kb.press("ArrowRight"); // 1 → 4
  }
  await kb.press("Tab"); // NPS group
  for (let k = 0; k < 9; k++) await kb.press("ArrowRight"); // 0 → 9
  await kb.press("Tab"); // time-to-first-deploy choices
  await kb.press("Space");
  await kb.press("Tab");
  await kb.type("Waiting for CI to rerun flaky tests");
  for (let i = 0; i < 3; i++) await kb.press("Tab"); // skip the other optional comments
  await kb.press("Tab");
  await expect(respondent.getByRole("button", { name: "Send my answers" })).toBeFocused();
  await expect(respondent.getByTestId("progress")).toContainText("11 of 14 answered");
  await kb.press("Enter");
  await expect(respondent.getByRole("heading", { name: "Thank you — your answers are in" })).toBeFocused();
  await respondentContext.close();

  // One answer is under k: the live count still says so.
  await expect(page.getByTestId("total-responses")).toHaveText("fewer than 5");

  // Live counts move in steps of k while the survey is open; results publish when it closes.
  const token = link.split("/s/")[1];
  const rates = async () => {
    const body = await (await page.request.get("/api/analytics/response-rates")).json();
    return body.surveys.find((s: { title: string }) => s.title === title);
  };
  const payments = (survey: { teams: { name: string; value: unknown }[] }) =>
    survey.teams.find((t) => t.name === "Payments")?.value;
  // While collecting no team row is listed (its appearance would date that team's first answer), and the
  // whole survey's count stays hidden until k people have answered.
  expect(await rates()).toMatchObject({ teams: [], total: { hidden: true, reason: "collecting" } });
  const { questions } = await (await page.request.get(`/api/s/${token}`)).json();
  for (let i = 0; i < 4; i++) {
    const answers = questions
      .filter((q: { kind: string }) => q.kind === "likert" || q.kind === "nps")
      .map((q: { id: string; kind: string }) => ({ questionId: q.id, value: q.kind === "nps" ? 8 : 3 }));
    const res = await page.request.post(`/api/s/${token}`, {
      data: { idempotencyKey: `e2e-analytics-${Date.now()}-${i}`, answers },
    });
    expect(res.status()).toBe(201);
  }
  await expect(paymentsRow.getByTestId("link-count")).toHaveText(/^5\+/, { timeout: 15_000 });
  await expect(page.getByTestId("total-responses")).toHaveText("5+");
  expect(await rates()).toMatchObject({ teams: [], total: { hidden: false, n: 5, atLeast: true } });
  // Closing publishes: the team's exact count shows, and the survey cannot be reopened.
  const closed = await page.request.post(`/api/surveys/${page.url().split("/surveys/")[1].split(/[?#]/)[0]}/status`, {
    data: { status: "closed" },
  });
  expect(closed.status()).toBe(200);
  expect(payments(await rates())).toMatchObject({ hidden: false, n: 5 });
});

test("an editor adds, reorders by keyboard, previews and deletes questions in a draft", async ({ asEditor: page }) => {
  await page.goto("/surveys/new");
  await page.getByRole("radio", { name: "DevEx pulse" }).check();
  await page.getByLabel("Quarter", { exact: true }).fill("2027-Q3");
  await page.getByRole("button", { name: "Create draft" }).click();
  const items = page.getByTestId("question-item");
  await expect(items).toHaveCount(4);
  const firstPrompt = await items.nth(0).locator(".question-prompt").innerText();

  // Keyboard reorder: focus the move handle and press ↓.
  await page.getByRole("button", { name: /Reorder question 1/ }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1).locator(".question-prompt")).toContainText(firstPrompt.replace(/^1\.\s*/, ""));
  await page.reload();
  await expect(items.nth(1).locator(".question-prompt")).toContainText(firstPrompt.replace(/^1\.\s*/, ""));

  // Add a choice question; a missing option is refused next to the field.
  await page.getByRole("button", { name: "+ Add a question" }).click();
  const form = page.getByRole("form", { name: "New question" });
  await form.getByLabel("Question type").selectOption("single_choice");
  await form.getByLabel("Question", { exact: true }).fill("Where do you look for service docs first?");
  await form.getByLabel("Option 1", { exact: true }).fill("The repository README");
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(form.getByText("Add at least two options")).toBeVisible();
  await form.getByLabel("Option 2", { exact: true }).fill("The developer portal");
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(items).toHaveCount(5);
  await expect(items.nth(4)).toContainText("where_you_look_for");

  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByRole("tabpanel");
  await expect(preview.getByRole("group", { name: /Where do you look for service docs first/ })).toBeVisible();
  await expect(preview.getByRole("radio", { name: "The developer portal" })).toBeVisible();

  await page.getByRole("tab", { name: "Questions" }).click();
  await page.getByRole("button", { name: "Delete question 5" }).click();
  await page
    .getByRole("dialog", { name: "Delete question 5?" })
    .getByRole("button", { name: "Delete question" })
    .click();
  await expect(items).toHaveCount(4);
});

test("copying last quarter keeps question keys and the survey can be closed", async ({ asEditor: page }) => {
  await page.goto("/surveys/new");
  await page.getByRole("radio", { name: /Copy an earlier survey/ }).check();
  const source = page.getByLabel("Survey to copy");
  const value = await source
    .locator("option", { hasText: "Developer experience survey 2026-Q4" })
    .getAttribute("value");
  await source.selectOption(value!);
  await page.getByLabel("Quarter", { exact: true }).fill("2027-Q4");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Developer experience survey 2027-Q4" })).toBeVisible();
  await expect(page.getByTestId("question-item").first()).toContainText("tooling_satisfaction");
  await page.getByRole("button", { name: "Publish survey" }).click();
  await expect(page.getByTestId("survey-status")).toHaveText("Open");
  await page.getByRole("button", { name: "Close survey" }).click();
  await page.getByRole("dialog", { name: "Close this survey?" }).getByRole("button", { name: "Close survey" }).click();
  await expect(page.getByTestId("survey-status")).toHaveText("Closed");
});

test("a question reworded since earlier quarters shows its earlier wording in the editor", async ({
  asViewer: page,
}) => {
  await page.goto("/surveys");
  await page.getByRole("link", { name: "Developer experience survey 2026-Q3" }).click();
  const item = page.getByTestId("question-item").filter({ hasText: "deploy_ease" });
  await expect(item.getByText("Reworded", { exact: true })).toBeVisible();
  const history = item.getByTestId("wording-history");
  await history.getByText(/Reworded once/).click();
  await expect(history.getByRole("listitem")).toContainText("→ “How easy is it to ship a change to production today?”");
});

test("teams and custom dimensions are managed in Settings by an editor", async ({ asEditor: page }) => {
  await page.goto("/settings");
  const teams = page.getByRole("region", { name: "Teams" });
  const name = `Platform QA ${Date.now() % 100000}`;
  await teams.getByLabel("Team name").fill(name);
  await teams.getByLabel("Headcount").fill("9");
  await teams.getByRole("button", { name: "Add team" }).click();
  await expect(teams.getByRole("cell", { name, exact: true })).toBeVisible();
  await teams.getByRole("button", { name: `Archive ${name}` }).click();
  await expect(teams.getByRole("button", { name: `Restore ${name}` })).toBeVisible();

  const dims = page.getByRole("region", { name: "Dimensions" });
  await dims.getByLabel("Dimension name").fill("Environments");
  await dims.getByRole("button", { name: "Add dimension" }).click();
  await expect(dims.getByText("custom.environments")).toBeVisible();
});
