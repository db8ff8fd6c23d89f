import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/*
 * Stored XSS: text that people type (answers, friction notes, survey titles and questions, team names,
 * theme names, journey steps) is stored through the API with script payloads, then every page that
 * shows it is opened. No payload may run (window.__xss stays undefined, no dialog opens) and each must
 * read back as plain text. CSV exports must neutralise cells that a spreadsheet would run as a formula.
 */
const PAYLOADS = [
  `<img src=x onerror="window.__xss=1;alert(1)">`,
  `<script>window.__xss=1;alert(1)</script>`,
  `"><svg onload=window.__xss=1>`,
  `javascript:window.__xss=1//`,
  `<a href="javascript:window.__xss=1">click me</a>`,
  `{{constructor.constructor('window.__xss=1')()}}`,
];
const tag = (i: number, where: string) => `${where} ${PAYLOADS[i % PAYLOADS.length]}`;

// Negative numbers are values, not formulas, and stay sortable.
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?(e[-+]?\d+)?$/i.test(cell);

test.describe.configure({ mode: "serial" });

async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return dialogs;
}

/** Opens a page, lets its client code run, and checks that nothing executed. */
async function visit(
  page: Page,
  dialogs: string[],
  url: string,
  shown: string[],
  before?: (page: Page) => Promise<void>,
) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  if (before) await before(page);
  for (const text of shown)
    await expect(page.getByText(text, { exact: false }).first(), `${url} shows ${text} as text`).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    `${url} ran a payload`,
  ).toBeUndefined();
  expect(dialogs, `${url} opened a dialog`).toEqual([]);
  expect(
    await page
      .locator("img[src='x'], svg[onload], script:not([src]):has-text('__xss'), a[href^='javascript:' i]")
      .count(),
    `${url} injected markup`,
  ).toBe(0);
}

async function api(request: APIRequestContext, method: "GET" | "POST" | "PATCH", url: string, data?: unknown) {
  const res = await request.fetch(url, {
    method,
    data,
    headers: data ? { "content-type": "application/json" } : undefined,
  });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** Queues an analysis of the scope and waits for its job to finish (the server's job workers run it). */
async function analyse(request: APIRequestContext, body: { scope: string; k?: number }) {
  await api(request, "POST", "/api/backlog/build", body);
  await expect
    .poll(
      async () =>
        (await api(request, "GET", `/api/backlog/analysis?scope=${encodeURIComponent(body.scope)}`)).analysis?.state,
      { timeout: 60_000 },
    )
    .toBe("done");
}

test("stored script payloads render as inert text on every page that shows them", async ({ asOwner: page }) => {
  test.setTimeout(240_000);
  const request = page.request;
  const dialogs = await watch(page);

  // Survey title and a question prompt on a new survey, answered with payloads by more than k people
  // and closed, so its results (and the answers' text) are published.
  const surveyTitle = tag(0, "survey");
  const { survey } = await api(request, "POST", "/api/surveys", {
    templateId: "blank",
    period: "2027-Q3",
    title: surveyTitle,
  });
  const prompt = tag(2, "prompt");
  await api(request, "POST", `/api/surveys/${survey.id}/questions`, {
    key: "xss_prompt",
    kind: "free_text",
    prompt,
    helpText: tag(1, "help"),
  });
  await api(request, "POST", `/api/surveys/${survey.id}/status`, { status: "open" });
  const token: string = (await api(request, "GET", `/api/surveys/${survey.id}/links`)).links[0].token;
  const surveyDef = await api(request, "GET", `/api/s/${token}`);
  const answerTexts = PAYLOADS.map((_, i) => tag(i, `answer-${i}`));
  for (const [i, text] of answerTexts.entries()) {
    await api(request, "POST", `/api/s/${token}`, {
      idempotencyKey: `xss-e2e-answer-${i}-${Date.now()}`,
      answers: [{ questionId: surveyDef.questions[0].id, value: text }],
    });
  }
  // The respondent page renders the question as text too.
  await visit(page, dialogs, `/s/${token}`, [prompt]);
  await api(request, "POST", `/api/surveys/${survey.id}/status`, { status: "closed" });
  const demoSurveyId: string = survey.id;

  // A team.
  // Unique per run: a retry of this test must not collide with the team its first attempt made.
  const teamName = tag(1, `team-${Date.now().toString(36)}`).slice(0, 80);
  await api(request, "POST", "/api/teams", { name: teamName, headcount: 7, onPlatform: false });

  // A renamed backlog theme, and one renamed to a spreadsheet formula.
  // A quarter of its own: backlog.spec.ts curates the demo's analysed scope in the other worker.
  const scope = "periods:2026-Q1..2026-Q1";
  await analyse(request, { scope, k: 6 });
  const backlog = await api(request, "GET", `/api/backlog?scope=${encodeURIComponent(scope)}`);
  const themeName = tag(0, "theme").slice(0, 120);
  const [first, second] = backlog.items as { id: string }[];
  await api(request, "PATCH", `/api/backlog/items/${first.id}`, {
    customLabel: themeName,
    owner: tag(2, "owner").slice(0, 100),
    notes: tag(4, "notes"),
  });
  const formula = `=HYPERLINK("http://x")`;
  await api(request, "PATCH", `/api/backlog/items/${second.id}`, {
    customLabel: formula,
    owner: "+1-2",
    notes: "@SUM(1)",
  });

  // Friction notes, analysed into themes.
  const frictionTexts = PAYLOADS.map((_, i) => tag(i, `Staging deploy broken again friction-${i}`).slice(0, 480));
  for (const text of [...frictionTexts, ...frictionTexts.map((t) => `${t} twice`)])
    await api(request, "POST", "/api/friction/demo-friction", { text });
  await analyse(request, { scope: "friction" });

  // A journey map whose name and steps carry payloads.
  const mapName = tag(3, "map").slice(0, 120);
  const created = await api(request, "POST", "/api/journeys", {
    name: mapName,
    workflow: tag(5, "workflow").slice(0, 300),
    persona: tag(1, "persona").slice(0, 200),
  });
  const mapId: string = created.map.id;
  const stepNames = [tag(0, "step-a"), tag(2, "step-b"), tag(4, "step-c")];
  for (const name of stepNames)
    await api(request, "POST", `/api/journeys/${mapId}/steps`, {
      path: "current",
      name,
      minutes: 20,
      pain: "high",
      notes: tag(1, "step-notes"),
    });

  // ── Now every page that shows them ──
  await visit(page, dialogs, "/surveys", [surveyTitle]);
  await visit(page, dialogs, `/surveys/${survey.id}`, [prompt]);
  await visit(page, dialogs, "/settings", [teamName]);
  await visit(page, dialogs, "/dashboard/teams", []);
  await visit(page, dialogs, `/results/${demoSurveyId}`, [answerTexts[0]], async (p) => {
    await p.getByLabel("Search answers").first().fill("answer-");
    await expect(p.getByText(answerTexts[0]).first()).toBeVisible();
  });
  for (const text of answerTexts) await expect(page.getByText(text).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

  await visit(page, dialogs, `/backlog?scope=${encodeURIComponent(scope)}`, [themeName, formula], async (p) => {
    await p.locator(`[data-testid="backlog-item"]`).filter({ hasText: "theme" }).first().click();
    await expect(p.getByTestId("backlog-detail").getByRole("heading", { level: 2, name: themeName })).toBeVisible();
  });
  await expect(page.getByTestId("backlog-detail").getByText(tag(4, "notes")))
    .toBeVisible()
    .catch(async () => {
      // Notes live in an editable field for owners: the value is text inside a textarea.
      await expect(page.getByTestId("backlog-detail").locator("textarea")).toHaveValue(tag(4, "notes"));
    });

  // The friction theme whose quotes carry the payloads.
  const friction = await api(request, "GET", "/api/backlog?scope=friction");
  let quotedItem: { id: string; label: string } | null = null;
  let quoted: string[] = [];
  for (const item of friction.items as { id: string; label: string }[]) {
    const detail = await api(request, "GET", `/api/backlog/items/${item.id}`);
    const texts = (detail.quotes as { text: string }[]).map((q) => q.text).filter((t) => t.includes("friction-"));
    if (texts.length) {
      quotedItem = item;
      quoted = texts;
      break;
    }
  }
  expect(quotedItem, "a friction theme quotes the payload notes").not.toBeNull();
  await visit(page, dialogs, "/backlog?scope=friction", [], async (p) => {
    await p.locator(`[data-testid="backlog-item"][data-label="${quotedItem!.label.replace(/"/g, '\\"')}"]`).click();
    await expect(p.getByTestId("backlog-detail").getByText(quoted[0]).first()).toBeVisible();
  });

  await visit(page, dialogs, `/journeys`, [mapName]);
  await visit(page, dialogs, `/journeys/${mapId}`, [mapName, ...stepNames]);
  await visit(page, dialogs, `/journeys/${mapId}/print`, [mapName, ...stepNames]);

  // CSV: formula-looking cells are neutralised, and the payload is plain text in its cell.
  await page.goto(`/backlog?scope=${encodeURIComponent(scope)}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  const rows: string[][] = parse(readFileSync((await download.path())!, "utf8"), { bom: true });
  const header = rows[0];
  const formulaRow = rows.find((r) => r[header.indexOf("theme")].includes("HYPERLINK"))!;
  expect(formulaRow, "the renamed theme is exported").toBeDefined();
  for (const cell of rows.slice(1).flat())
    expect(runsAsFormula(cell), `cell ${JSON.stringify(cell)} would run as a formula`).toBe(false);
  expect(formulaRow[header.indexOf("theme")]).toBe(`'${formula}`);
  expect(formulaRow[header.indexOf("owner")]).toBe("'+1-2");
  expect(rows.some((r) => r[header.indexOf("theme")] === themeName)).toBe(true);

  // The journey CSV as well.
  await api(
    request,
    "PATCH",
    `/api/journeys/${mapId}/steps/${created.steps?.[0]?.id ?? (await api(request, "GET", `/api/journeys/${mapId}`)).steps[0].id}`,
    { name: "-2+3" },
  );
  const journeyCsv = await request.get(`/api/journeys/${mapId}/export`);
  expect(journeyCsv.status()).toBe(200);
  const journeyRows: string[][] = parse(await journeyCsv.text(), { bom: true, relax_column_count: true });
  for (const cell of journeyRows.slice(1).flat())
    expect(runsAsFormula(cell), `journey cell ${JSON.stringify(cell)}`).toBe(false);
});
