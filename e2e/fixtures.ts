import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "dxpulse-demo";
export const demo = {
  owner: "owner@dxpulse.dev",
  editor: "pm@dxpulse.dev",
  viewer: "lead@dxpulse.dev",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

type Fixtures = { asOwner: Page; asEditor: Page; asViewer: Page };

/** Pages already signed in as each demo role. */
export const test = base.extend<Fixtures>({
  asOwner: async ({ page }, use) => {
    await signIn(page, demo.owner);
    await use(page);
  },
  asEditor: async ({ page }, use) => {
    await signIn(page, demo.editor);
    await use(page);
  },
  asViewer: async ({ page }, use) => {
    await signIn(page, demo.viewer);
    await use(page);
  },
});
export { expect };
