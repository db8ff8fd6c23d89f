import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

test("the owner reads the audit log in Settings, on a desktop and on a phone", async ({ asOwner: page }) => {
  // An edit of the owner's own, so the log has an entry with a person behind it.
  const settings = await page.request.get("/api/settings");
  const k = (await settings.json()).settings.anonymityThreshold as number;
  for (const value of [k + 1, k]) {
    const res = await page.request.patch("/api/settings", {
      data: { anonymityThreshold: value },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(res.status()).toBe(200);
  }

  await page.goto("/settings");
  const log = page.getByRole("region", { name: "Audit log" });
  await expect(log.getByRole("columnheader", { name: "When" })).toBeVisible();
  await expect(log.getByRole("cell", { name: /Changed the anonymity threshold/ }).first()).toBeVisible();
  await expect(log.getByRole("cell", { name: "owner@dxpulse.dev" }).first()).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-testid="audit-log"]').withTags(wcag).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(log.getByRole("cell", { name: /Changed the anonymity threshold/ }).first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const phoneAxe = await new AxeBuilder({ page }).include('[data-testid="audit-log"]').withTags(wcag).analyze();
  expect(phoneAxe.violations.map((v) => v.id)).toEqual([]);
});

test("editors and viewers see no audit log and cannot read it", async ({ asEditor: page }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Audit log" })).toHaveCount(0);
  expect((await page.request.get("/api/audit")).status()).toBe(403);
});
