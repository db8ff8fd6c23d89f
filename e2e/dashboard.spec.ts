import { expect, test } from "./fixtures";

test.describe("analytics dashboards", () => {
  test("the owner sees the NPS trend with its interval band, the heatmap and hidden small groups", async ({
    asOwner: page,
  }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

    const nps = page.getByTestId("nps-trend");
    await expect(nps.getByRole("heading", { name: "Platform NPS" })).toBeVisible();
    await expect(nps.locator(".recharts-line")).toHaveCount(1);
    // The 95% interval is drawn as a shaded area around the line.
    await expect(nps.locator(".nps-interval-band path.recharts-area-area").first()).toBeVisible();
    // 0, 30 good, 50 excellent (a quarter still collecting adds a faded marker of its own), and the
    // demo's platform NPS target
    await expect(nps.locator(".recharts-reference-line:not(.collecting-marker)")).toHaveCount(4);
    await expect(nps.getByText(/^Target \+30 by 2027-Q2/)).toBeVisible();
    await expect(nps.getByTestId("nps-latest")).toHaveText(/^[+−]?\d+$/);

    const heatmap = page.getByTestId("team-heatmap");
    await expect(heatmap).toBeVisible();
    await expect(heatmap.getByRole("rowheader", { name: /Payments/ })).toBeVisible();
    // Identity answers with fewer than k people: its cells say so instead of showing a number.
    await expect(heatmap.getByRole("row", { name: /^Identity/ })).toContainText("Hidden: fewer than 5 responses");

    await expect(page.getByTestId("dimension-trends").locator(".recharts-line").first()).toBeVisible();
    await expect(page.getByTestId("response-rates-table")).toBeVisible();
    await expect(page.getByTestId("top-backlog-slot")).toBeVisible();
    await expect(page.getByTestId("dora")).toBeVisible();
  });

  test("filters live in the URL, survive a reload, and the CSV export follows them", async ({ asOwner: page }) => {
    await page.goto("/dashboard");
    const filters = page.getByRole("form", { name: "Dashboard filters" });
    await filters.getByLabel("Platform").selectOption("on");
    await expect(page).toHaveURL(/adoption=on/);
    await filters.getByLabel("From").selectOption("2026-Q2");
    await expect(page).toHaveURL(/from=2026-Q2/);
    await page.reload();
    await expect(filters.getByLabel("Platform")).toHaveValue("on");
    await page.getByTestId("nps-trend").getByText("Table", { exact: true }).click();
    // Other specs may add later quarters to the shared demo database: the range starts where the filter says.
    const quarters = page.getByTestId("nps-table").getByRole("rowheader");
    await expect(quarters.nth(0)).toHaveText("2026-Q2");
    await expect(quarters.nth(1)).toHaveText("2026-Q3");
    await expect(quarters.nth(2)).toHaveText("2026-Q4");

    const href = await page.getByTestId("nps-trend").getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toContain("/api/analytics/export/nps");
    expect(href).toContain("adoption=on");
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    const body = await res.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toContain("quarter,status,responses");

    await page.getByRole("link", { name: "Teams" }).first().click();
    await expect(page).toHaveURL(/\/dashboard\/teams\?.*adoption=on/);
    await expect(page.getByTestId("team-benchmarks")).toBeVisible();
  });

  test("a viewer reads every view but has nothing to edit", async ({ asViewer: page }) => {
    for (const path of ["/dashboard", "/dashboard/teams", "/dashboard/adoption", "/results"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText("Something went wrong")).toHaveCount(0);
      // Only reading controls: filters, exports, pagination, "clear filters"; nothing that saves or deletes.
      const buttons = await page.getByRole("main").getByRole("button").allInnerTexts();
      for (const label of buttons) expect(label).toMatch(/^(Clear filters|Previous|Next|Table)?$/);
      await expect(
        page.getByRole("main").getByRole("button", { name: /save|delete|edit|create|new|archive|publish/i }),
      ).toHaveCount(0);
    }
    await page.goto("/dashboard/adoption");
    await expect(page.getByTestId("adoption-nps").locator(".recharts-line")).toHaveCount(2);
  });

  test("survey results: distributions and searchable free-text answers", async ({ asViewer: page }) => {
    await page.goto("/results");
    await page.getByRole("link", { name: "Developer experience survey 2026-Q3" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Developer experience survey 2026-Q3" })).toBeVisible();
    const questions = page.getByTestId("question-result");
    await expect(questions.first()).toBeVisible();
    const frustration = questions.filter({ hasText: "most frustrating part" });
    await frustration.getByLabel("Search answers").fill("deploy");
    await expect(frustration.getByText(/answers? mentioning “deploy”/)).toBeVisible();
    await expect(frustration.locator("mark").first()).toHaveText(/deploy/i);
    // deploy_ease was reworded in Q3: its results say so there and in every later quarter sharing the key.
    const reworded =
      "Reworded in 2026-Q3; before that it asked “How easy is it to get a change deployed to production?”";
    await expect(
      questions.filter({ hasText: "ship a change to production today" }).getByTestId("question-rewording"),
    ).toContainText(reworded);
    await expect(page.getByTestId("question-rewording")).toHaveCount(1);
    await page.goto("/results");
    await page.getByRole("link", { name: "Developer experience survey 2026-Q4" }).click();
    await expect(page.getByTestId("question-rewording")).toContainText(reworded);
    await page.goto("/results");
    await page.getByRole("link", { name: "Developer experience survey 2026-Q2" }).click();
    await expect(questions.first()).toBeVisible();
    await expect(page.getByTestId("question-rewording")).toHaveCount(0);
  });
});
