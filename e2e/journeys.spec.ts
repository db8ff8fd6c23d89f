import { nextPeriod, periodOfDate } from "@/lib/period";
import { expect, test } from "./fixtures";

test("an editor builds a two-path map from a template by keyboard, links a theme, reads the totals and charts, and prints", async ({
  asEditor: page,
}) => {
  // Themes come from the backlog domain: the demo workspace's analysed backlog. (Rebuilding that
  // scope here would race backlog.spec.ts, which curates it in the other worker.)
  await page.goto("/journeys");
  const form = page.getByRole("region", { name: "New journey map" });
  await form.getByRole("radio", { name: /Create a new service and deploy it/ }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(form.getByRole("radio", { name: /Onboard a new engineer/ })).toBeChecked();
  await expect(form.getByLabel("Map name")).toHaveValue("Onboard a new engineer");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Map name")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Onboarding, Payments");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/journeys\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Onboarding, Payments" })).toBeVisible();
  const current = page.getByRole("region", { name: "Current path" });
  const golden = page.getByRole("region", { name: "Golden path" });
  await expect(current.getByTestId("step-current")).toHaveCount(5);
  await expect(golden.getByTestId("step-golden")).toHaveCount(5);

  // Add a golden step with the keyboard only.
  await golden.getByRole("button", { name: "+ Add a golden step" }).focus();
  await page.keyboard.press("Enter");
  const addForm = golden.getByRole("form", { name: "Add a golden step" });
  await addForm.getByLabel("Step name").focus();
  await page.keyboard.type("Pair with a buddy on the first on-call shift");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("120");
  await addForm.getByLabel("Load type").focus();
  await addForm.getByLabel("Load type").selectOption("germane");
  await addForm.getByLabel("Step name").focus();
  await page.keyboard.press("Enter");
  await expect(golden.getByTestId("step-golden")).toHaveCount(6);
  await expect(golden.getByTestId("step-golden").nth(5)).toContainText("Pair with a buddy");

  // Reorder by keyboard: the move-up button, then Alt+ArrowUp on the step. Each move is saved with
  // a PUT; the page shows it at once, so wait for the save before reloading.
  const orderSaved = () =>
    page.waitForResponse((r) => r.url().includes("/steps/order") && r.request().method() === "PUT" && r.ok());
  await golden.getByRole("button", { name: "Move “Pair with a buddy on the first on-call shift” up" }).focus();
  let saved = orderSaved();
  await page.keyboard.press("Enter");
  await saved;
  await expect(golden.getByTestId("step-golden").nth(4)).toContainText("Pair with a buddy");
  await expect(
    golden.getByRole("button", { name: "Move “Pair with a buddy on the first on-call shift” up" }),
  ).toBeFocused();
  saved = orderSaved();
  await page.keyboard.press("Alt+ArrowUp");
  await saved;
  await expect(golden.getByTestId("step-golden").nth(3)).toContainText("Pair with a buddy");
  await expect(page.getByRole("status").filter({ hasText: "position 4 of 6" })).toBeAttached();
  await page.reload();
  await expect(golden.getByTestId("step-golden").nth(3)).toContainText("Pair with a buddy");

  // …and by pointer: drag its handle below the last step (dnd-kit starts a drag after a few pixels).
  saved = orderSaved();
  await golden
    .getByTestId("step-golden")
    .nth(3)
    .evaluate((step) => step.scrollIntoView({ block: "start" }));
  const grip = (await golden
    .getByRole("button", { name: "Reorder “Pair with a buddy on the first on-call shift”", exact: true })
    .boundingBox())!;
  const last = (await golden.getByTestId("step-golden").nth(5).boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2, last.y + last.height, { steps: 15 });
  await page.waitForTimeout(150);
  await page.mouse.up();
  await saved;
  await expect(golden.getByTestId("step-golden").nth(5)).toContainText("Pair with a buddy");
  await page.reload();
  await expect(golden.getByTestId("step-golden").nth(5)).toContainText("Pair with a buddy");

  // Link the environment step to a backlog theme.
  const envStep = current.getByTestId("step-current").filter({ hasText: "Set up the local development environment" });
  const picker = envStep.getByRole("combobox", { name: /Theme for/ });
  await expect(picker.locator("option")).not.toHaveCount(1);
  const themeLabel = (await picker.locator("option").nth(1).textContent())!.trim();
  await picker.focus();
  await picker.selectOption({ index: 1 });
  await envStep.getByRole("button", { name: "Link", exact: true }).press("Enter");
  const evidence = envStep.getByTestId("step-evidence");
  await expect(evidence).toContainText(`Theme: ${themeLabel}`);
  await expect(evidence).toContainText(/% of respondents|stay hidden/);

  // Totals and charts.
  const totals = page.getByTestId("journey-totals");
  await expect(totals.getByTestId("current-total")).toHaveText("6 d 4 h");
  await expect(totals.getByTestId("golden-total")).toHaveText("2 d 7 h");
  await expect(totals.getByTestId("time-saved")).toHaveText("3 d 5 h");
  await expect(totals.getByRole("list", { name: "Automated" })).toContainText(
    "Accounts and access granted before day one",
  );
  const charts = page.getByTestId("journey-charts");
  await expect(
    charts.getByRole("figure", { name: "Current path: minutes per step" }).locator(".recharts-bar-rectangle"),
  ).toHaveCount(5);
  await expect(
    charts.getByRole("figure", { name: "Golden path: load level per step" }).locator(".recharts-bar-rectangle"),
  ).toHaveCount(6);
  await expect(charts.getByRole("figure", { name: /Pain along the steps/ }).locator(".recharts-line")).toHaveCount(2);

  // A new current step the golden path says nothing about is not yet designed: no time is saved on it.
  await current.getByRole("button", { name: "+ Add a current step" }).click();
  const addCurrent = current.getByRole("form", { name: "Add a current step" });
  await addCurrent.getByLabel("Step name").fill("Wait for a security review");
  await addCurrent.getByLabel("Time (minutes)").fill("480");
  await addCurrent.getByRole("button", { name: "Add step" }).click();
  await expect(current.getByTestId("step-current")).toHaveCount(6);
  await expect(totals.getByTestId("current-total")).toHaveText("7 d 4 h");
  await expect(totals.getByTestId("time-saved")).toHaveText("3 d 5 h");
  await expect(totals.getByRole("list", { name: "Not yet designed" })).toContainText("Wait for a security review");
  await expect(totals.getByRole("list", { name: "Eliminated" })).toHaveCount(0);

  // Print view: the Print button opens the browser's print dialog.
  await page.getByRole("link", { name: "Print view" }).click();
  await expect(page).toHaveURL(/\/print$/);
  await expect(page.getByRole("heading", { level: 1, name: "Onboarding, Payments" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(2);
  await expect(page.getByText(`Theme “${themeLabel}”`)).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.getByRole("button", { name: "Print" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
});

test("a viewer reads a journey map without edit controls and can export it", async ({ asViewer: page }) => {
  await page.goto("/journeys");
  await expect(page.getByRole("region", { name: "New journey map" })).toHaveCount(0);
  await page.getByRole("link", { name: "Create a new service and deploy it" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Create a new service and deploy it" })).toBeVisible();
  await expect(page.getByTestId("journey-totals")).toContainText("Time saved");
  await expect(page.getByTestId("journey-charts").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Current path" }).getByTestId("step-current")).toHaveCount(8);
  for (const name of [/Add a (current|golden) step/, /^Move /, /^Edit /, /^Delete/, "Duplicate", "Save details"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await expect(page.getByRole("textbox")).toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  expect((await download).suggestedFilename()).toBe("create-a-new-service-and-deploy-it.csv");
});

test("an editor records a quarter's timings and sees the median and its status", async ({ asEditor: page }) => {
  // The quarter after this one never has demo data.
  const nextQuarter = nextPeriod(periodOfDate(new Date()));
  await page.goto("/journeys/timings");
  await page.getByLabel("Quarter").selectOption(nextQuarter);
  const rollback = page.getByTestId("timing-row").filter({ hasText: "Roll back a deploy" });
  await expect(rollback).toContainText("No data");
  await rollback.getByLabel("Measurement 1 for Roll back a deploy").fill("4");
  await rollback.getByLabel("Measurement 2 for Roll back a deploy").fill("9");
  await rollback.getByLabel("Measurement 3 for Roll back a deploy").fill("5");
  await rollback.getByRole("button", { name: "Save measurements for Roll back a deploy" }).click();
  await expect(rollback.getByTestId("timing-median")).toHaveText("5 min");
  await expect(rollback).toContainText("Met");
  await rollback.getByLabel("Measurement 3 for Roll back a deploy").fill("-3");
  await rollback.getByRole("button", { name: "Save measurements for Roll back a deploy" }).click();
  await expect(rollback.getByRole("alert")).toHaveText("Time cannot be negative");
  await expect(rollback.getByTestId("timing-median")).toHaveText("5 min");
});
