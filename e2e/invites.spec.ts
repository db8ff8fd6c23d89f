import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

test("an editor saves a team's distribution list on a phone: refused lines named, then merged and counted", async ({
  asEditor: page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings");
  const open = page.getByRole("button", { name: /^Invitations for / }).first();
  await open.click();
  const editor = page.getByTestId("invite-list-editor");
  const box = editor.getByLabel("Email addresses, one a line");
  await box.fill("e2e-ana@example.com\nnot an address\nE2E-ANA@example.com\ne2e-bo@example.com");
  await editor.getByRole("button", { name: "Save list" }).click();
  await expect(editor.getByRole("alert")).toContainText("Line 2: “not an address” — no email address");

  await box.fill("e2e-ana@example.com\nE2E-ANA@example.com\ne2e-bo@example.com");
  await editor.getByRole("button", { name: "Save list" }).click();
  await expect(editor.getByTestId("invite-list-count")).toHaveText("2 people, 1 duplicate merged");

  const inviteOnly = editor.getByLabel(/Invite-only/);
  await inviteOnly.click();
  await expect(editor.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(inviteOnly).toBeChecked();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const axe = await new AxeBuilder({ page }).include('[data-testid="invite-list-editor"]').withTags(wcag).analyze();
  expect(axe.violations.filter((v) => ["serious", "critical"].includes(v.impact ?? "")).map((v) => v.id)).toEqual([]);
  // Leave the shared demo workspace's team taking answers through its shared links, as other specs expect.
  await inviteOnly.click();
  await expect(inviteOnly).not.toBeChecked();
});
