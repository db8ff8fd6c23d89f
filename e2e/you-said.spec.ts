import AxeBuilder from "@axe-core/playwright";
import { seedThemes } from "../lib/demo/texts";
import { expect, test } from "./fixtures";

// Issue 16, acceptance 1: an editor publishes two actions; an anonymous developer reaches "You said, we
// did" from a survey's thank-you page and sees them, with no quotes and no hidden group. (An expired or
// revoked share link answering 410: e2e/share-and-report.spec.ts revokes one in the browser, and
// lib/share/share.int.test.ts expires one; both answer 410.)

const run = Date.now().toString(36);
const actions = [
  { title: `Faster CI builds ${run}`, note: "Builds move to a remote cache this quarter.", status: "In progress" },
  { title: `One-click deploys ${run}`, note: "Deploys no longer wait for a release manager.", status: "Shipped" },
];

test("an editor publishes two actions; a developer reaches them from the thank-you page, without quotes or hidden groups", async ({
  asEditor: page,
  browser,
}) => {
  // Two publications, a survey sent, three pages checked with axe: more than one page's worth of time.
  test.setTimeout(120_000);
  await page.goto("/backlog");
  await page.getByRole("link", { name: "You said, we did" }).click();
  await expect(page).toHaveURL(/\/backlog\/you-said$/);
  for (const [i, action] of actions.entries()) {
    const item = page.getByTestId("you-said-item").nth(i);
    await item.locator("summary").click();
    await item.getByLabel("Title developers read").fill(action.title);
    await item.getByLabel("What we are doing").fill(action.note);
    await item.getByLabel("Status developers see").selectOption({ label: action.status });
    await item.getByRole("button", { name: "Save draft" }).click();
    // Previewed before it goes live.
    await expect(page.getByTestId("you-said-preview")).toContainText(action.title);
    await item.getByRole("button", { name: `Publish “${action.title}”` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Publish", exact: true }).click();
    await expect(item.getByTestId("you-said-state")).toHaveText("Live");
  }

  // A developer, signed out, answers the open survey; the thank-you page links to the page.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/s/demo-q4");
  await expect(visitor.getByRole("link", { name: "You said, we did" })).toBeVisible(); // the introduction's link
  const groups = visitor.locator("fieldset");
  for (let i = 0; i < (await groups.count()); i++) {
    const group = groups.nth(i);
    if (await group.getByRole("radio").count()) await group.getByRole("radio").last().check();
    else if (await group.getByRole("checkbox").count()) await group.getByRole("checkbox").first().check();
  }
  await visitor.getByRole("button", { name: "Send my answers" }).click();
  await expect(visitor.getByRole("heading", { name: "Thank you — your answers are in" })).toBeVisible();
  const thanksAxe = (await new AxeBuilder({ page: visitor }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(thanksAxe.map((v) => v.id)).toEqual([]);
  await visitor.getByRole("link", { name: "You said, we did" }).last().click();
  await expect(visitor).toHaveURL(/\/you-said$/);

  await expect(visitor.getByRole("heading", { level: 1, name: "You said, we did" })).toBeVisible();
  const doing = visitor.getByTestId("you-said-theme").filter({ hasText: actions[0].title });
  await expect(doing).toContainText(actions[0].note);
  await expect(doing).toContainText("In progress");
  const shipped = visitor.getByTestId("you-said-shipped").filter({ hasText: actions[1].title });
  await expect(shipped).toContainText("Shipped");
  await expect(shipped.getByTestId("you-said-change")).toBeVisible();

  // No quotes (no answer of the demo's), no team, no hidden group's count.
  const text = (await visitor.locator("main").textContent()) ?? "";
  for (const answer of seedThemes.flatMap((t) => t.texts)) expect(text).not.toContain(answer);
  expect(text).not.toMatch(/Identity|Payments|Checkout|Growth|Mobile|Search|Data Platform/);
  expect(text).not.toContain("2026-Q4"); // the quarter still collecting
  const serious = (await new AxeBuilder({ page: visitor }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => v.id)).toEqual([]);

  // Works without JavaScript: the same page, server-rendered.
  const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await noScript.goto("/you-said");
  await expect(noScript.getByText(actions[0].title)).toBeVisible();
});
