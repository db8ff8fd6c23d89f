import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { demo, expect, signIn, test } from "./fixtures";

// Every signed-in page, at desktop and phone size, for each role that sees it differently:
// axe finds nothing serious or critical, and nothing sticks out sideways. A new page under app/(app)
// must be added to `pages` below (the first test fails until it is).

type Ids = { surveyId: string; linkId: string; journeyId: string; resultsIds: string[] };
type Role = keyof typeof demo;
type AuditPage = {
  /** The route as its folder spells it under app/(app). */
  route: string;
  /** The URLs that show the route's states worth checking (tabs, an open panel). */
  visits: (ids: Ids) => { url: string; name: string; open?: (page: Page) => Promise<void> }[];
  /** Roles whose view differs; the page is checked for each. */
  roles: Role[];
};

const everyone: Role[] = ["owner", "editor", "viewer"];
const editors: Role[] = ["owner", "editor"];

const pages: AuditPage[] = [
  {
    route: "/dashboard",
    roles: everyone,
    visits: () => [
      { url: "/dashboard", name: "dashboard" },
      // Only the collecting quarter in range: the view is one suppression notice with a way out.
      { url: "/dashboard?adoption=on&from=2026-Q4", name: "dashboard with a suppression notice" },
    ],
  },
  { route: "/dashboard/teams", roles: ["owner"], visits: () => [{ url: "/dashboard/teams", name: "teams" }] },
  {
    route: "/dashboard/adoption",
    roles: ["owner"],
    visits: () => [{ url: "/dashboard/adoption", name: "adoption" }],
  },
  { route: "/results", roles: ["owner"], visits: () => [{ url: "/results", name: "results list" }] },
  {
    route: "/results/[surveyId]",
    roles: ["owner"],
    // The newest survey (collecting, so mostly hidden) and the oldest (closed, with every chart).
    visits: ({ resultsIds }) => resultsIds.map((id, i) => ({ url: `/results/${id}`, name: `survey results ${i + 1}` })),
  },
  { route: "/surveys", roles: everyone, visits: () => [{ url: "/surveys", name: "surveys" }] },
  { route: "/surveys/new", roles: editors, visits: () => [{ url: "/surveys/new", name: "new survey" }] },
  {
    route: "/surveys/import",
    roles: ["editor"],
    visits: () => [
      { url: "/surveys/import", name: "import past results" },
      {
        url: "/surveys/import",
        name: "import past results, checked",
        open: async (page) => {
          const csv = "Email,platform_nps,Cognitive load\na@x.example,9,Agree\nb@x.example,4,Sometimes\n";
          await page
            .getByLabel("CSV file")
            .setInputFiles({ name: "past.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
          await page.getByRole("button", { name: "Check file" }).click();
          await expect(page.getByTestId("survey-import-preview")).toBeVisible();
        },
      },
    ],
  },
  {
    route: "/surveys/[id]",
    roles: everyone,
    visits: ({ surveyId }) =>
      ["questions", "share", "preview", "details"].map((tab) => ({
        url: `/surveys/${surveyId}?tab=${tab}`,
        name: `survey ${tab}`,
      })),
  },
  {
    route: "/surveys/[id]",
    roles: ["editor"],
    visits: ({ surveyId }) => [{ url: `/surveys/${surveyId}?tab=distribution`, name: "survey distribution" }],
  },
  {
    route: "/surveys/[id]/qr/[linkId]",
    roles: editors,
    visits: ({ surveyId, linkId }) => [{ url: `/surveys/${surveyId}/qr/${linkId}`, name: "QR code" }],
  },
  {
    route: "/backlog",
    roles: everyone,
    visits: () => [
      { url: "/backlog", name: "backlog" },
      {
        url: "/backlog",
        name: "backlog item",
        open: async (page) => {
          await page.getByTestId("backlog-item").first().click();
          await expect(page.getByTestId("backlog-detail")).toBeVisible();
        },
      },
    ],
  },
  { route: "/feedback", roles: ["editor", "viewer"], visits: () => [{ url: "/feedback", name: "feedback notes" }] },
  { route: "/backlog/roadmap", roles: ["owner"], visits: () => [{ url: "/backlog/roadmap", name: "roadmap" }] },
  { route: "/journeys", roles: everyone, visits: () => [{ url: "/journeys", name: "journeys" }] },
  {
    route: "/journeys/[id]",
    roles: everyone,
    visits: ({ journeyId }) => [{ url: `/journeys/${journeyId}`, name: "journey map" }],
  },
  {
    route: "/journeys/[id]/print",
    roles: ["owner"],
    visits: ({ journeyId }) => [{ url: `/journeys/${journeyId}/print`, name: "journey print" }],
  },
  { route: "/journeys/timings", roles: everyone, visits: () => [{ url: "/journeys/timings", name: "timings" }] },
  { route: "/settings", roles: everyone, visits: () => [{ url: "/settings", name: "settings" }] },
  { route: "/settings/jobs", roles: ["owner"], visits: () => [{ url: "/settings/jobs", name: "settings jobs" }] },
  {
    route: "/settings/api-tokens",
    roles: ["owner"],
    visits: () => [{ url: "/settings/api-tokens", name: "API tokens" }],
  },
  { route: "/settings/webhooks", roles: ["owner"], visits: () => [{ url: "/settings/webhooks", name: "webhooks" }] },
  {
    route: "/settings/delivery",
    roles: editors,
    visits: () => [{ url: "/settings/delivery", name: "delivery events" }],
  },
  {
    route: "/settings/distribution",
    roles: editors,
    visits: () => [{ url: "/settings/distribution", name: "distribution settings" }],
  },
  {
    route: "/settings/share-links",
    roles: ["editor"],
    visits: () => [{ url: "/settings/share-links", name: "share links" }],
  },
  {
    route: "/backlog/you-said",
    roles: ["editor"],
    visits: () => [
      { url: "/backlog/you-said", name: "you said, we did (editor)" },
      {
        url: "/backlog/you-said",
        name: "you said, we did (editor), a draft open",
        open: async (page) => {
          // A theme not yet on the page (e2e/you-said.spec.ts may have published the first ones).
          const item = page.getByTestId("you-said-item").filter({ hasText: "Not on the page" }).first();
          await item.locator("summary").click();
          await expect(item.getByLabel("Title developers read")).toBeVisible();
        },
      },
    ],
  },
  { route: "/report", roles: ["viewer"], visits: () => [{ url: "/report", name: "leadership report" }] },
  { route: "/account", roles: ["owner"], visits: () => [{ url: "/account", name: "account" }] },
];

const viewports = {
  desktop: { width: 1400, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** Routes of every page.tsx under app/(app), spelled as their folders are. */
function appRoutes(): string[] {
  const root = join(process.cwd(), "app", "(app)");
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file === "page.tsx" || file.endsWith(`${sep}page.tsx`))
    .map((file) => `/${relative(root, join(root, file)).split(sep).slice(0, -1).join("/")}`)
    .sort();
}

test("the audit lists every signed-in page", () => {
  const listed = new Set(pages.map((p) => p.route));
  const missing = appRoutes().filter((route) => !listed.has(route));
  expect(missing, "add these pages to `pages` in e2e/page-audit.spec.ts").toEqual([]);
});

/** Real ids from the demo workspace, read from the pages that link to them. */
async function demoIds(browser: Browser): Promise<Ids> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demo.owner);
  /** The ids captured by `pattern` from each link on `url` that matches it, in page order. */
  const linkIds = async (url: string, pattern: RegExp) => {
    await page.goto(url);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const matches = hrefs.flatMap((h) => pattern.exec(h)?.slice(1) ?? []);
    if (!matches.length) throw new Error(`no link matching ${pattern} on ${url}`);
    return matches;
  };
  const uuid = "([0-9a-f-]{36})";
  const [surveyId] = await linkIds("/surveys", new RegExp(`^/surveys/${uuid}$`));
  const [linkId] = await linkIds(`/surveys/${surveyId}?tab=share`, new RegExp(`^/surveys/${surveyId}/qr/${uuid}$`));
  const [journeyId] = await linkIds("/journeys", new RegExp(`^/journeys/${uuid}$`));
  const results = await linkIds("/results", new RegExp(`^/results/${uuid}$`));
  await context.close();
  return { surveyId, linkId, journeyId, resultsIds: [...new Set([results[0], results.at(-1)!])] };
}

/** What sticks out past the right or left edge of the viewport without a scroll box of its own to hold it. */
function findOverflow() {
  const width = window.innerWidth;
  const describe = (el: Element) => {
    const parts: string[] = [];
    for (let node: Element | null = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
      const testId = node.getAttribute("data-testid");
      const classes = [...node.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join("");
      parts.unshift(
        `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}${testId ? `[data-testid="${testId}"]` : ""}${classes}`,
      );
    }
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `${parts.join(" > ")}${text ? ` “${text}”` : ""}`;
  };
  const inside = (rect: DOMRect) => rect.left >= -1 && rect.right <= width + 1;
  const held = (el: Element) => {
    // An absolutely positioned box is clipped only by scroll boxes around its containing block.
    let node = el.parentElement;
    if (getComputedStyle(el).position === "absolute") {
      while (node && node !== document.body && getComputedStyle(node).position === "static") node = node.parentElement;
    }
    for (; node && node !== document.body; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== "visible" && inside(node.getBoundingClientRect())) return true;
    }
    return false;
  };
  const offenders: string[] = [];
  const reported: Element[] = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.position === "fixed") continue;
    const rect = el.getBoundingClientRect();
    if ((rect.width === 0 && rect.height === 0) || inside(rect) || held(el)) continue;
    // Report the outermost offender, not each of its children.
    if (reported.some((outer) => outer.contains(el))) continue;
    reported.push(el);
    offenders.push(`${describe(el)} (${Math.round(rect.left)}–${Math.round(rect.right)} px)`);
    if (offenders.length >= 8) break;
  }
  return { scrollWidth: document.documentElement.scrollWidth, width, offenders };
}

test.describe.configure({ mode: "parallel" });

let ids: Ids;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  ids = await demoIds(browser);
});

for (const role of everyone) {
  for (const [size, viewport] of Object.entries(viewports)) {
    test(`every page fits and passes axe for the ${role} at ${size} size`, async ({ page }) => {
      test.setTimeout(480_000); // ~30 pages × axe; up to 264 s seen in CI
      await page.setViewportSize(viewport);
      await signIn(page, demo[role]);
      for (const entry of pages.filter((p) => p.roles.includes(role))) {
        for (const visit of entry.visits(ids)) {
          await test.step(visit.name, async () => {
            await page.goto(visit.url);
            await page.waitForLoadState("networkidle");
            await expect(page.locator(".skeleton")).toHaveCount(0);
            await visit.open?.(page);
            await expectFitsAndPassesAxe(page, `${visit.name} (${visit.url}) at ${size}`);
          });
        }
      }
    });
  }
}

/** Public pages a developer opens without an account (the respondent pages have e2e/respondent.spec.ts). */
const publicPages = [{ url: "/you-said", name: "you said, we did" }];

for (const [size, viewport] of Object.entries(viewports)) {
  test(`every public page fits and passes axe signed out at ${size} size`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const visit of publicPages) {
      await test.step(visit.name, async () => {
        const response = await page.goto(visit.url);
        expect(response?.status()).toBe(200);
        await expectFitsAndPassesAxe(page, `${visit.name} (${visit.url}) signed out at ${size}`);
      });
    }
  });
}

async function expectFitsAndPassesAxe(page: Page, where: string) {
  const overflow = await page.evaluate(findOverflow);
  expect
    .soft(
      overflow.offenders,
      `${where}: wider than the screen (scrollWidth ${overflow.scrollWidth} > ${overflow.width})`,
    )
    .toEqual([]);
  expect.soft(overflow.scrollWidth, `${where}: page scrolls sideways`).toBeLessThanOrEqual(overflow.width);

  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 4)
          .join(" | ")}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ""}`,
    );
  expect.soft(serious, `${where}: axe`).toEqual([]);
}
