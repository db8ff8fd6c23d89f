import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

// Care around irreversible actions and the survey screens: confirmations, a link for one team, the copy
// proposal and readable results (issue #13, finding 8 and its "Also" list).

async function newDraft(page: Page, title: string) {
  await page.goto("/surveys/new");
  await page.getByRole("radio", { name: "DevEx pulse" }).check();
  await page.getByLabel("Title (optional)").fill(title);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("Delete draft asks first: Escape and Cancel keep the draft, confirming deletes it", async ({ asEditor: page }) => {
  const title = `Draft to delete ${Date.now()}`;
  await newDraft(page, title);
  const trigger = page.getByRole("button", { name: "Delete draft" });
  const dialog = page.getByRole("dialog", { name: "Delete this draft?" });

  await trigger.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("cannot be undone");
  // Focus starts on the safe choice and Escape cancels, returning focus to the button.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();

  await trigger.click();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.getByRole("button", { name: "Delete draft" }).click();
  await dialog.getByRole("button", { name: "Delete draft" }).click();
  await expect(page).toHaveURL(/\/surveys$/);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("Close survey says what closing does; cancelling keeps it open", async ({ asEditor: page }) => {
  await newDraft(page, `Survey to close ${Date.now()}`);
  await page.getByRole("button", { name: "Publish survey" }).click();
  await expect(page.getByTestId("survey-status")).toHaveText("Open");
  const dialog = page.getByRole("dialog", { name: "Close this survey?" });

  await page.getByRole("button", { name: "Close survey" }).click();
  await expect(dialog).toContainText("stops answers");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("survey-status")).toHaveText("Open");

  await page.getByRole("button", { name: "Close survey" }).click();
  await dialog.getByRole("button", { name: "Close survey" }).click();
  await expect(page.getByTestId("survey-status")).toHaveText("Closed");
});

test("an editor creates a link for one team, then for the rest", async ({ asEditor: page }) => {
  await newDraft(page, `One team link ${Date.now()}`);
  await page.getByRole("tab", { name: "Share & responses" }).click();
  const rows = page.getByTestId("survey-link-row");
  await expect(rows).toHaveCount(1);

  await page.getByLabel("Link for").selectOption({ label: "Payments" });
  await page.getByRole("button", { name: "Create a link for Payments" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 team link(s) added" })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(rows.getByRole("rowheader", { name: "Payments" })).toBeVisible();
  // A team that has its link is no longer offered.
  await expect(page.getByLabel("Link for").locator("option", { hasText: "Payments" })).toHaveCount(0);

  await page.getByRole("button", { name: "Create a link for every team" }).click();
  await expect.poll(() => rows.count()).toBeGreaterThan(2);
  await expect(rows.getByRole("rowheader", { name: "Payments" })).toHaveCount(1);
});

test("copying an earlier survey proposes last quarter's main survey, not the check-in", async ({ asEditor: page }) => {
  await page.goto("/surveys/new");
  const selected = page.getByLabel("Survey to copy").locator("option:checked");
  await expect(selected).not.toContainText("check-in");
  // Other specs add later surveys as they run, so name the quarter: the demo's 2026-Q4 has the open main
  // survey (listed after the shorter check-in made later that quarter).
  await page.getByLabel("Quarter", { exact: true }).fill("2027-Q1");
  await expect(selected).toHaveText(/^Developer experience survey 2026-Q4 \(2026-Q4, \d+ questions\)$/);
  await page.getByLabel("Quarter", { exact: true }).fill("2026-Q4");
  await expect(selected).toHaveText(/^Developer experience survey 2026-Q3 /);
  // A survey the person picks stays picked whatever the quarter.
  const checkIn = await page
    .getByLabel("Survey to copy")
    .locator("option", { hasText: "Delivery performance check-in 2026-Q4" })
    .getAttribute("value");
  await page.getByLabel("Survey to copy").selectOption(checkIn!);
  await page.getByLabel("Quarter", { exact: true }).fill("2027-Q1");
  await expect(selected).toContainText("Delivery performance check-in 2026-Q4");
});

test("results bars are shares of the question's answers, with an NPS legend and question kinds in words", async ({
  asViewer: page,
}) => {
  await page.goto("/surveys");
  await page.getByRole("link", { name: "Developer experience survey 2026-Q3" }).click();
  await page.getByRole("link", { name: "View results" }).click();
  const nps = page.getByTestId("question-result").filter({ has: page.getByText("NPS 0–10", { exact: true }) });
  await expect(nps.first()).toBeVisible();
  await expect(nps.first().getByTestId("nps-legend")).toHaveText(
    /Detractors \(0–6\).*Passives \(7–8\).*Promoters \(9–10\)/,
  );
  await expect(page.getByText("single_choice")).toHaveCount(0);

  // Every bar's width is its share of the question's answers: one question's bars add up to the whole track.
  const widths = await nps
    .first()
    .getByTestId("result-bar")
    .locator(".fill")
    .evaluateAll((fills) => fills.map((f) => parseFloat((f as HTMLElement).style.width)));
  expect(widths).toHaveLength(11);
  const sum = widths.reduce((a, b) => a + b, 0);
  expect(Math.max(...widths)).toBeLessThan(100);
  expect(sum).toBeGreaterThan(99.9);
  expect(sum).toBeLessThan(100.1);
});
