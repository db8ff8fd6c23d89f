import { checkThemeName } from "@/lib/text/name-check";
import { expect, test } from "./fixtures";

// #13 finding 6: theme names read as fragments ("Approvals and line", "Slow push kills", "Local setup
// takes"). Every generated name in the demo's dashboard backlog must pass the product's one name rule
// (lib/text/name-check.ts: a complete phrase, no dangling verb or preposition, no stem) and be unique,
// and the backlog page shows each theme under a readable name.
test("the dashboard backlog's generated theme names are complete, distinct phrases", async ({ asEditor: page }) => {
  const dashboard = await page.request.get("/api/backlog/dashboard");
  expect(dashboard.ok()).toBe(true);
  const { dashboard: chosen } = (await dashboard.json()) as { dashboard: { scope: string } | null };
  expect(chosen).not.toBeNull();

  const backlog = await page.request.get(`/api/backlog?scope=${encodeURIComponent(chosen!.scope)}`);
  expect(backlog.ok()).toBe(true);
  const { items } = (await backlog.json()) as { items: { generatedLabel: string; label: string }[] };
  expect(items.length).toBeGreaterThan(3);

  const names = items.map((i) => i.generatedLabel);
  const problems = names.map((name) => ({ name, problem: checkThemeName(name) })).filter((p) => p.problem !== null);
  expect(problems).toEqual([]);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);

  await page.goto(`/backlog?scope=${encodeURIComponent(chosen!.scope)}`);
  const shown = page.getByTestId("backlog-item");
  await expect(shown.first()).toBeVisible();
  const labels = await shown.evaluateAll((els) => els.map((el) => el.getAttribute("data-label") ?? ""));
  expect(labels.every((label) => items.some((i) => i.label === label))).toBe(true);
});
