// Issue 13, findings 2 and 3, against the demo: suppression explains itself once per view, filters avoid
// dead ends, and a hidden team says the real reason. In the demo's 2026-Q3 Identity answered with fewer
// than 5 people and Growth (more than 5) is hidden with it, both off the platform; 2026-Q4 is collecting.
import { expect, test } from "./fixtures";

test("dashboard, Platform = On the platform: no error cards, one notice with a way out of a dead end", async ({
  asViewer: page,
}) => {
  await page.goto("/dashboard");
  const filters = page.getByRole("form", { name: "Dashboard filters" });
  await filters.getByLabel("Platform").selectOption("on");
  await expect(page).toHaveURL(/adoption=on/);
  await expect(page.getByTestId("nps-latest")).toBeVisible();
  await expect(page.locator(".analytics-card .alert-error")).toHaveCount(0);
  // Teams off the platform cannot be combined with it: the choice says so instead of failing later.
  await expect(filters.getByRole("option", { name: "Growth (nobody in this group)" })).toBeDisabled();

  // Only the quarter still collecting in range: one notice, and one click back to what can be shown.
  await filters.getByLabel("From").selectOption("2026-Q4");
  const notice = page.getByTestId("suppression-notice");
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText("Nothing to show for On the platform here.");
  await expect(notice).toContainText("results are published once the survey closes");
  await expect(page.locator(".analytics-card")).toHaveCount(0);
  await notice.getByRole("button", { name: "Show 2026-Q1 to 2026-Q3 instead" }).click();
  await expect(page).toHaveURL(/from=2026-Q1/);
  await expect(page).toHaveURL(/to=2026-Q3/);
  await expect(page.getByTestId("suppression-notice")).toHaveCount(0);
  await expect(page.getByTestId("nps-latest")).toBeVisible();
  await expect(page.locator(".analytics-card .alert-error")).toHaveCount(0);
});

test("survey results, Team filter: the real reason, no quarter-range advice, and the group that shows it", async ({
  asViewer: page,
}) => {
  await page.goto("/results");
  await page.getByRole("link", { name: "Developer experience survey 2026-Q3" }).click();
  const filters = page.getByRole("form", { name: "Dashboard filters" });
  const team = filters.getByLabel("Team");
  // Choices that would show nothing are disabled, with why.
  await expect(team.getByRole("option", { name: "Identity (hidden: fewer than 5 answers)" })).toBeDisabled();
  const growth = team.getByRole("option", { name: "Growth (hidden to protect a smaller group)" });
  await expect(growth).toBeDisabled();

  // A shared link can still name Growth: one notice says why, not a marker on every question.
  const growthId = await growth.getAttribute("value");
  await page.goto(`${page.url()}?team=${growthId}`);
  const notice = page.getByTestId("suppression-notice");
  await expect(notice).toContainText("Growth is hidden to protect Identity (fewer than 5)");
  await expect(notice).not.toContainText(/quarter|range/i);
  await expect(notice).not.toContainText("Growth has fewer");
  await expect(page.locator(".hidden-note")).toHaveCount(0);
  await notice.getByRole("button", { name: "Show Not on the platform instead" }).click();
  await expect(page).toHaveURL(/adoption=off/);
  await expect(page.getByTestId("suppression-notice")).toHaveCount(0);
  await expect(page.getByTestId("result-bar").first()).toBeVisible();
});

test("the team heatmap: a hidden team names the group it protects, a small one says it is small", async ({
  asViewer: page,
}) => {
  await page.goto("/dashboard/teams?period=2026-Q3");
  const heatmap = page.getByTestId("team-heatmap");
  await expect(heatmap.getByRole("row", { name: /^Growth/ }).getByTestId("hidden-why")).toHaveText(
    "hidden to protect Identity",
  );
  await expect(heatmap.getByRole("row", { name: /^Identity/ }).getByTestId("hidden-why")).toHaveText(
    "hidden: fewer than 5 answered",
  );
  await expect(heatmap.getByRole("row", { name: /^Growth/ })).not.toContainText("Hidden: fewer than");
});
