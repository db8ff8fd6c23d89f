import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

// Closing the loop for leadership: a read-only share link that works signed out and stops at once when
// revoked, and the quarterly report with its PDF.

test("an editor shares the dashboard; it opens without signing in, then answers 410 once revoked", async ({
  asEditor: page,
  browser,
}) => {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Share", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/share-links\?target=overview/);
  await page.getByRole("button", { name: "Create link" }).click();
  const url = (await page.getByTestId("share-url").textContent())!.trim();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

  const visitor = await (await browser.newContext()).newPage();
  const opened = await visitor.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(visitor).toHaveURL(/\/shared\//);
  await expect(visitor.getByTestId("share-banner")).toContainText(/Shared by Priya Platform-PM until \S+ \S+/);
  await expect(visitor.getByTestId("share-banner")).toContainText("Written answers are left out");
  // The dashboard's own cards, fed through the link's read-only API.
  await expect(visitor.getByRole("heading", { name: /NPS/ }).first()).toBeVisible();
  await expect(visitor.getByTestId("top-backlog-slot")).toHaveCount(0);
  expect(await visitor.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
  await expect(visitor.locator(".skeleton")).toHaveCount(0);
  const serious = (await new AxeBuilder({ page: visitor }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => v.id)).toEqual([]);

  await page.reload();
  const row = page.getByTestId("share-link-row").first();
  await expect(row).toContainText("Active");
  await expect(row.getByTestId("share-views")).toHaveText("1"); // one view counted
  await row.getByRole("button", { name: /Revoke/ }).click();
  await page.getByRole("button", { name: "Revoke link" }).click();
  await expect(row).toContainText("Revoked");

  const gone = await visitor.reload();
  expect(gone?.status()).toBe(410);
  await expect(visitor.getByTestId("share-gone")).toContainText("revoked");
  await expect(visitor.getByTestId("share-gone")).toContainText("Priya Platform-PM");
  const goneAxe = (await new AxeBuilder({ page: visitor }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(goneAxe.map((v) => v.id)).toEqual([]);
});

test("the quarterly report shows the quarter and downloads as a PDF", async ({ asViewer: page }) => {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Quarterly report" }).click();
  // The report gathers every figure of the quarter server-side: allow for a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: /Developer experience, \d{4}-Q[1-4]/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId("report-nps")).toContainText("95% interval");
  await expect(page.getByTestId("report-actions").getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Targets" })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-pdf").click()]);
  expect(download.suggestedFilename()).toMatch(/^dx-pulse-report-\d{4}-Q[1-4]\.pdf$/);
  expect(
    readFileSync((await download.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");
});
