import { expect, test } from "./fixtures";

// An owner makes a read token in Settings → API tokens, copies it, calls the API with it from outside
// the browser (no cookies), revokes it, and the same call is refused.
test("an API token works from its creation until it is revoked", async ({ asOwner: page, playwright, baseURL }) => {
  const name = `e2e script ${Date.now()}`;
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings");
  await page.getByRole("link", { name: "API tokens", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Access").selectOption("read");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-api-token");
  await shown.getByRole("button", { name: "Copy api token" }).click();
  await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toMatch(/^dxp_[A-Za-z0-9_-]{43}$/);
  await expect(shown.getByLabel("API token")).toHaveValue(secret);

  const api = await playwright.request.newContext({ baseURL });
  const bearer = { Authorization: `Bearer ${secret}` };
  expect((await api.get("/api/surveys", { headers: bearer })).status()).toBe(200);
  // A read token cannot change anything, nor reach owner-only administration.
  expect((await api.post("/api/teams", { headers: bearer, data: { name: "Sneaky" } })).status()).toBe(403);
  expect((await api.get("/api/users", { headers: bearer })).status()).toBe(403);

  await shown.getByRole("button", { name: "Done" }).click();
  await page.reload();
  const row = page.getByTestId(`api-token-${name}`);
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();

  const refused = await api.get("/api/surveys", { headers: bearer });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toMatch(/revoked/);
  await api.dispose();
});
