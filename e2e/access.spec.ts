import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { demo, DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

// Access that can be revoked: deactivation, password changes and sign-out end existing sessions;
// the sign-in form works without JavaScript and never sends the password in a URL; callbackUrl
// cannot send anyone off the site. Each test makes its own people, so the demo accounts (shared
// by every spec) keep their sessions.

const FIRST_PASSWORD = "first-password-1";

async function createPerson(owner: Page, role: "viewer" | "editor" = "viewer") {
  const email = `access-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const res = await owner.request.post("/api/users", {
    data: { name: `Access ${role}`, email, password: FIRST_PASSWORD, role },
  });
  expect(res.status()).toBe(201);
  return email;
}

async function signedInPage(browser: Browser, email: string, password = FIRST_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);
}

test("deactivating a person ends their open session at once; reactivating lets them sign in again", async ({
  asOwner: owner,
  browser,
}) => {
  const email = await createPerson(owner);
  const person = await signedInPage(browser, email);
  await expect(person.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  await owner.goto("/settings");
  const row = owner.getByTestId(`person-${email}`);
  await row.getByRole("button", { name: `Deactivate ${email}` }).click();
  await owner
    .getByRole("dialog", { name: `Deactivate ${email}?` })
    .getByRole("button", { name: "Deactivate" })
    .click();
  await expect(row.getByText("Deactivated")).toBeVisible();

  await person.goto("/surveys");
  await expect(person).toHaveURL(/\/sign-in/);
  await person.getByLabel("Email").fill(email);
  await person.getByLabel("Password").fill(FIRST_PASSWORD);
  await person.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(person.getByRole("alert").filter({ hasText: "deactivated" })).toBeVisible();

  await row.getByRole("button", { name: `Reactivate ${email}` }).click();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await signIn(person, email, FIRST_PASSWORD);
  await person.context().close();
});

test("changing your password ends your other sessions and keeps this one", async ({ asOwner: owner, browser }) => {
  const email = await createPerson(owner, "editor");
  const laptop = await signedInPage(browser, email);
  const phone = await signedInPage(browser, email);

  await laptop.goto("/account");
  await laptop.getByLabel("Current password").fill("not-my-password");
  await laptop.getByLabel("New password", { exact: true }).fill("second-password-2");
  await laptop.getByLabel("New password again").fill("second-password-2");
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByText("That is not your current password")).toBeVisible();

  await laptop.getByLabel("Current password").fill(FIRST_PASSWORD);
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();

  await phone.goto("/dashboard");
  await expect(phone).toHaveURL(/\/sign-in/);
  await laptop.goto("/surveys");
  await expect(laptop.getByRole("heading", { level: 1, name: "Surveys" })).toBeVisible();
  await signIn(phone, email, "second-password-2");
  await laptop.context().close();
  await phone.context().close();
});

test("sign-out ends the session: a copy of the cookie taken before no longer signs in", async ({
  asOwner: owner,
  browser,
}) => {
  const email = await createPerson(owner);
  const page = await signedInPage(browser, email);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayed = await replay.newPage();
  await replayed.goto("/dashboard");
  await expect(replayed).toHaveURL(/\/sign-in/);
  expect((await replayed.request.get("/api/surveys")).status()).toBe(401);
  await replay.close();
  await page.context().close();
});

test("an owner's reset link sets a new password once", async ({ asOwner: owner, browser }) => {
  const email = await createPerson(owner);
  await owner.goto("/settings");
  await owner
    .getByTestId(`person-${email}`)
    .getByRole("button", { name: `Reset link for ${email}` })
    .click();
  const link = await owner.getByTestId("reset-link").getByRole("textbox").inputValue();
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText(email)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("New password", { exact: true }).fill("reset-password-3");
  await page.getByLabel("New password again").fill("reset-password-3");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is set" })).toBeVisible();
  await signIn(page, email, "reset-password-3");
  await page.goto(link);
  await expect(page.getByText("expired or was already used")).toBeVisible();
  await context.close();
});

test("without JavaScript the sign-in form posts, signs in, and the password never appears in a URL", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  await page.goto("/sign-in");
  await expect(page.locator("form")).toHaveAttribute("method", "post");
  await page.getByLabel("Email").fill(demo.viewer);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  expect(urls.length).toBeGreaterThan(1);
  for (const url of urls) {
    expect(url).not.toContain(DEMO_PASSWORD);
    expect(url).not.toContain("password=");
  }
  await context.close();
});

test("signing in from a deep link returns to the page asked for", async ({ page, baseURL }) => {
  await page.goto("/journeys/timings?from=deep-link");
  await expect(page).toHaveURL(
    `${baseURL}/sign-in?${new URLSearchParams({ callbackUrl: "/journeys/timings?from=deep-link" })}`,
  );
  await page.getByLabel("Email").fill(demo.viewer);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/journeys/timings?from=deep-link`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a header naming another site cannot choose where sign-in returns", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-dxpulse-requested-path": "//evil.example/" } });
  const page = await context.newPage();
  await page.goto("/backlog");
  await expect(page).toHaveURL(`${baseURL}/sign-in?${new URLSearchParams({ callbackUrl: "/backlog" })}`);
  await context.close();
});

for (const callbackUrl of ["//evil.example/phish", "/\\evil.example", "https://evil.example/"]) {
  test(`signing in from /sign-in?callbackUrl=${callbackUrl} stays on the site`, async ({ page, baseURL }) => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Email").fill(demo.viewer);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}/dashboard`);
    // Already signed in, the sign-in page forwards to the same safe place.
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await expect(page).toHaveURL(`${baseURL}/dashboard`);
  });
}

test("the account page and People actions work at phone width without horizontal scrolling", async ({
  asOwner: owner,
}) => {
  await owner.setViewportSize({ width: 390, height: 844 });
  for (const url of ["/account", "/settings"]) {
    await owner.goto(url);
    await expect(owner.getByRole("heading", { level: 1 })).toBeVisible();
    const widths = await owner.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.page, url).toBeLessThanOrEqual(widths.viewport);
    expect(await seriousViolations(owner)).toEqual([]);
  }
  // Keyboard: a row action works from the keyboard.
  const resetButton = owner.getByRole("button", { name: /^Reset link for / }).first();
  await resetButton.focus();
  await owner.keyboard.press("Enter");
  await expect(owner.getByTestId("reset-link")).toBeVisible();
});
