import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { parse } from "csv-parse/sync";
import { backlogCsvHeader } from "@/lib/backlog/csv-rows";
import { expect, test } from "./fixtures";

const shot = async (page: import("@playwright/test").Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `/tmp/h5-${name}.png`, fullPage: true });
};

test("the editor builds the backlog, merges two themes, marks one done and downloads the CSV", async ({
  asEditor: page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/backlog");
  await expect(page.getByRole("heading", { level: 1, name: "Backlog" })).toBeVisible();
  const items = page.getByTestId("backlog-item");

  // Build it through the UI when the demo has no analysis for this scope yet.
  if (await page.getByRole("heading", { name: /has not been analysed yet/ }).isVisible()) {
    await page.getByLabel("Number of themes").fill("12");
    await page.getByRole("button", { name: "Analyse answers" }).click();
  }
  await expect(items.first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("chosen-k")).toHaveText(/\d+/);
  await shot(page, "list");

  const count = await items.count();
  expect(count).toBeGreaterThan(2);
  const target = (await items.nth(0).getAttribute("data-label"))!;
  const merged = (await items.nth(1).getAttribute("data-label"))!;

  // Merge the second theme into the first.
  await items.nth(1).click();
  const detail = page.getByTestId("backlog-detail");
  await expect(detail.getByRole("heading", { level: 2, name: merged })).toBeVisible();
  await detail.getByLabel("Merge this theme into").selectOption({ label: target });
  await detail.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(detail.getByRole("heading", { level: 2, name: target })).toBeVisible();
  await expect(detail.getByRole("heading", { name: "Merged into this theme" })).toBeVisible();
  await expect(detail.getByText(merged, { exact: true })).toBeVisible();
  await expect(items).toHaveCount(count - 1);
  await expect(page.locator(`[data-testid="backlog-item"][data-label="${merged}"]`)).toHaveCount(0);

  // Mark it done.
  await detail.getByLabel("Status").selectOption({ label: "Done" });
  await detail.getByRole("button", { name: "Save changes" }).click();
  await expect(detail.getByTestId("detail-status")).toHaveText("Done");
  await shot(page, "detail");

  // Download the CSV and parse it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^dx-backlog-.*\.csv$/);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...all]: string[][] = parse(text, { bom: true });
  expect(header).toEqual(backlogCsvHeader);
  // Sub-theme rows follow their theme's (e2e/sub-themes.spec.ts).
  const rows = all.filter((r) => r[header.indexOf("level")] === "theme");
  expect(rows).toHaveLength(count - 1);
  expect(rows.map((r) => Number(r[0]))).toEqual(rows.map((_, i) => i + 1));
  const done = rows.find((r) => r[1] === target)!;
  expect(done[8]).toBe("Done");
  // Done items sink below every open one.
  for (const open of rows.filter((r) => r[8] !== "Done" && r[8] !== "Won't do"))
    expect(Number(open[0])).toBeLessThan(Number(done[0]));
  expect(rows.some((r) => r[1] === merged)).toBe(false);
  for (const r of rows) expect(r[12]).toMatch(/^\d{4}-Q\d: /);
});

test("a viewer reads the backlog without edit controls", async ({ asViewer: page }) => {
  await page.goto("/backlog");
  await expect(page.getByRole("heading", { level: 1, name: "Backlog" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Analyse answers" })).toHaveCount(0);
  const items = page.getByTestId("backlog-item");
  if ((await items.count()) === 0) return; // nothing analysed in this database yet
  await items.first().click();
  const detail = page.getByTestId("backlog-detail");
  await expect(detail).toBeVisible();
  await expect(detail.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(detail.getByLabel("Merge this theme into")).toHaveCount(0);
  await expect(detail.getByRole("heading", { name: "Mention rate per quarter" })).toBeVisible();
  await shot(page, "viewer");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    axe.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""} ${n.html}`).join(", ")}`,
    ),
  ).toEqual([]);
});

test("a custom range of quarters is picked from the scope picker, by keyboard", async ({ asViewer: page }) => {
  await page.goto("/backlog");
  const picker = page.getByLabel("Answers from");
  await picker.selectOption({ label: "Custom range…" });
  const range = page.getByRole("form", { name: "Custom range of quarters" });
  await expect(range.getByLabel("From")).toBeFocused();
  await range.getByLabel("From").selectOption("2026-Q3");
  await range.getByLabel("To").selectOption("2026-Q2");
  // The earlier quarter comes first whichever field holds it.
  await range.getByRole("button", { name: "Show 2026-Q2 – 2026-Q3" }).press("Enter");
  await expect(page).toHaveURL(/scope=periods%3A2026-Q2\.\.2026-Q3/);
  await expect(range).toHaveCount(0);
  await expect(picker.locator("option:checked")).toHaveText("Quarters 2026-Q2 – 2026-Q3");
  await expect(
    page.getByRole("heading", { name: "Quarters 2026-Q2 – 2026-Q3 has not been analysed yet" }),
  ).toBeVisible();
});

test("an editor analyses a quarter that has no themes yet (clustered off the request thread)", async ({
  asEditor: page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/backlog?scope=${encodeURIComponent("periods:2026-Q4..2026-Q4")}`);
  await expect(page.getByRole("heading", { name: "Quarter 2026-Q4 has not been analysed yet" })).toBeVisible();
  await page.getByRole("button", { name: "Analyse answers" }).click();
  await expect(page.getByTestId("backlog-item").first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/answers grouped into/)).toContainText("number chosen automatically");
  // The server kept answering while it clustered, and still does.
  expect((await page.request.get("/api/health")).status()).toBe(200);
});
