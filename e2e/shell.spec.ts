import { demo, expect, signIn, test } from "./fixtures";

test("the sign-in page shows the demo login and signs the owner into the dashboard", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId("demo-login")).toContainText(demo.owner);
  await signIn(page, demo.owner);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of ["Dashboard", "Surveys", "Backlog", "Journeys", "Settings"]) {
    await expect(nav.getByRole("link", { name: item })).toBeVisible();
  }
  await expect(page.getByTestId("current-role")).toContainText("Owner");
});

test("a wrong password is refused with a readable message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.owner);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Next.js adds its own empty role="alert" route announcer, so match the message text.
  await expect(page.getByRole("alert").filter({ hasText: "don’t match" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a viewer reads the dashboard but cannot open an editor page", async ({ asViewer: page }) => {
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await page.goto("/surveys/new");
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
});

test("the owner manages people and their roles", async ({ asOwner: page }) => {
  await page.goto("/settings");
  const people = page.getByRole("region", { name: "People" });
  await people.getByLabel("Name").fill("New Viewer");
  await people.getByLabel("Email").fill(`viewer-${Date.now()}@example.com`);
  await people.getByLabel("Initial password").fill("a-long-password");
  await people.getByRole("button", { name: "Add person" }).click();
  await expect(people.getByRole("status")).toHaveText("Added");
  await expect(people.getByRole("cell", { name: "New Viewer" }).first()).toBeVisible();
});

test("the health endpoint reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({
    status: "ok",
    database: { ok: true, engine: process.env.E2E_ENGINE ?? "pglite" },
  });
});

test("on a phone the navigation folds into a menu button that the keyboard can open and close", async ({
  asEditor: page,
}) => {
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: "Menu" });
  await expect(menu).toBeHidden(); // desktop: the sidebar as before
  await expect(nav.getByRole("link", { name: "Backlog" })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Backlog" })).toBeHidden();
  const mainTop = await page.locator("main").evaluate((el) => el.getBoundingClientRect().top);
  expect(mainTop, "the bar is one line, not rows of wrapped links").toBeLessThan(80);

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const controlled = page.locator(`[id="${await menu.getAttribute("aria-controls")}"]`);
  await expect(controlled.getByRole("link", { name: "Backlog" })).toBeVisible();
  expect(await page.locator("main").evaluate((el) => el.getBoundingClientRect().top), "opening shifts nothing").toBe(
    mainTop,
  );

  await page.keyboard.press("Tab");
  await expect(controlled.getByRole("link", { name: "Dashboard" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(controlled.getByRole("link", { name: "Backlog" })).toBeHidden();

  await menu.click();
  await controlled.getByRole("link", { name: "Backlog" }).click();
  await expect(page).toHaveURL(/\/backlog/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});
