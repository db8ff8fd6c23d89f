// Over 400 lines on purpose: each curation attack (rename, merge, move, export) is one test over the same seeded scope.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as auditRoute } from "@/app/api/audit/route";
import { POST as buildRoute } from "@/app/api/backlog/build/route";
import { GET as exportRoute } from "@/app/api/backlog/export/route";
import { GET as itemRoute, PATCH as patchItemRoute } from "@/app/api/backlog/items/[id]/route";
import { DELETE as unmergeRoute, POST as mergeRoute } from "@/app/api/backlog/items/[id]/merge/route";
import { POST as moveRoute } from "@/app/api/backlog/items/[id]/move/route";
import { GET as backlogRoute } from "@/app/api/backlog/route";
import { GET as evidenceRoute } from "@/app/api/journeys/[id]/evidence/route";
import { POST as linkRoute } from "@/app/api/journeys/[id]/steps/[stepId]/themes/route";
import { symmetricDifferenceSize } from "@/lib/anonymity/release";
import { hashPassword } from "@/lib/auth/password";
import { selectRows } from "@/lib/db/client";
import { runJobsNow } from "@/lib/jobs/drain";
import * as s from "@/lib/db/schema";
import { addJourneyStep, createJourneyMap } from "@/lib/journeys/queries";
import { stepDefaults } from "@/lib/journeys/schemas";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { seedWorkspace } from "@/lib/testing/workspace-fixture";
import { releaseUnreleasedThemes } from "./queries";

/*
 * The edits attack (issue 11): an editor moves answers between themes — out and back, split and merge,
 * pad and drop, re-analyse after a pinned move — and compares the themes' published figures. Whatever
 * the sequence, any two views of a theme must describe the same people or differ by at least k.
 * The truth (who each view describes) is read from the database; the figures from the API, as the
 * editor sees them.
 *
 * Fixture (k = 5), one closed survey, NPS + Likert + two free-text questions, 30 respondents:
 *   CI 12 people (one of them wrote two CI answers) · Docs 8 · Vault 3 · 7 wrote nothing thematic.
 */
const db = withTestDatabase();
const K = 5;
const ids = { owner: "", editor: "", viewer: "", survey: "", scope: "", ci: "", docs: "", vault: "" };
const texts: string[] = [];

beforeAll(async () => {
  const d = db.handle().db;
  Object.assign(ids, await seedWorkspace(d, { anonymityThreshold: K, roles: ["owner", "editor", "viewer"] }));
  await hashPassword("unused"); // warms bcrypt outside the timed tests
  const [big, small] = await d
    .insert(s.teams)
    .values([
      { name: "Big", headcount: 30 },
      { name: "Small", headcount: 5 },
    ])
    .returning();
  const [survey] = await d
    .insert(s.surveys)
    .values({ title: "DX 2026-Q3", period: "2026-Q3", status: "closed" })
    .returning();
  ids.survey = survey.id;
  ids.scope = `survey:${survey.id}`;
  const [nps, likert, frustration, wish] = await d
    .insert(s.questions)
    .values([
      { surveyId: survey.id, key: "platform_nps", position: 0, kind: "nps", prompt: "Recommend?" },
      {
        surveyId: survey.id,
        key: "ease",
        position: 1,
        kind: "likert",
        prompt: "Easy?",
        dimension: "space.satisfaction",
      },
      { surveyId: survey.id, key: "frustration", position: 2, kind: "free_text", prompt: "What frustrates you?" },
      { surveyId: survey.id, key: "wish", position: 3, kind: "free_text", prompt: "One wish?" },
    ])
    .returning();

  const theme = (i: number) => (i < 12 ? "ci" : i < 20 ? "docs" : i < 23 ? "vault" : null);
  const phrase = {
    ci: (i: number) => `The CI pipeline is slow, builds queue for ages (${i})`,
    docs: (i: number) => `Docs are outdated and hard to find (${i})`,
    vault: (i: number) => `Vault secrets access takes a week (${i})`,
  };
  const members: { theme: "ci" | "docs" | "vault"; answerId: number }[] = [];
  for (let i = 0; i < 30; i++) {
    const [response] = await d
      .insert(s.responses)
      .values({
        surveyId: survey.id,
        teamId: [10, 11, 20, 21].includes(i) ? small.id : big.id,
        submittedOn: "2026-08-01",
      })
      .returning();
    const t = theme(i);
    const text = t ? phrase[t](i) : `Everything is fine (${i})`;
    texts.push(text);
    const rows = await d
      .insert(s.answers)
      .values([
        { responseId: response.id, questionId: nps.id, numberValue: (i * 7) % 11 },
        { responseId: response.id, questionId: likert.id, numberValue: 1 + ((i * 3) % 5) },
        { responseId: response.id, questionId: frustration.id, textValue: text },
        ...(i === 0 ? [{ responseId: response.id, questionId: wish.id, textValue: "Faster CI builds, please" }] : []),
      ])
      .returning();
    if (i === 0) texts.push("Faster CI builds, please");
    if (t) for (const a of rows.filter((r) => r.textValue)) members.push({ theme: t, answerId: a.id });
  }
  const items = await d
    .insert(s.backlogItems)
    .values([
      { scope: ids.scope, label: "Slow CI", terms: ["ci", "slow"] },
      { scope: ids.scope, label: "Docs", terms: ["docs"] },
      { scope: ids.scope, label: "Vault", terms: ["vault"] },
    ])
    .returning();
  [ids.ci, ids.docs, ids.vault] = items.map((i) => i.id);
  const itemOf = { ci: ids.ci, docs: ids.docs, vault: ids.vault };
  await d.insert(s.themeMembers).values(
    members.map((m) => ({
      backlogItemId: itemOf[m.theme],
      sourceId: `a:${m.answerId}`,
      answerId: m.answerId,
      similarity: 0.9,
    })),
  );
  await releaseUnreleasedThemes(d);
});

// ── What the editor sees, and what the database says it describes ────────────────────────────

type Quote = { id: string; text: string };
type PeopleFigures = Record<string, unknown>;
type Snapshot = { label: string; figures: Map<string, PeopleFigures>; released: Map<string, Set<string>> };

const asEditor = (handler: Parameters<typeof callRoute>[0], opts: Parameters<typeof callRoute>[1] = {}) =>
  callRoute(handler, { ...opts, userId: ids.editor });

/** Everything the backlog publishes about the people behind an item (not its text: editors read that). */
function peopleFigures(detail: any): PeopleFigures {
  const { respondents, share, mentionersNps, mentionersLikert, mentionRates, quotable } = detail.item;
  return {
    respondents,
    share,
    mentionersNps,
    mentionersLikert,
    mentionRates,
    quotable,
    teams: detail.teams,
    hiddenTeamMentioners: detail.hiddenTeamMentioners,
  };
}

const snapshots: Snapshot[] = [];

async function snapshot(label: string): Promise<Snapshot> {
  const list = await asEditor(backlogRoute, {
    url: `http://localhost/api/backlog?scope=${encodeURIComponent(ids.scope)}`,
  });
  expect(list.status).toBe(200);
  const figures = new Map<string, PeopleFigures>();
  for (const item of list.json.items) {
    const detail = await asEditor(itemRoute, { params: { id: item.id } });
    expect(detail.status).toBe(200);
    figures.set(item.id, peopleFigures(detail.json));
  }
  const rows = await selectRows<{ item: string; respondent: string }>(
    db.handle().db,
    sql`select backlog_item_id as item, respondent from theme_releases where version = 0`,
  );
  const released = new Map<string, Set<string>>();
  for (const id of figures.keys())
    released.set(id, new Set(rows.filter((r) => r.item === id).map((r) => r.respondent)));
  const snap = { label, figures, released };
  snapshots.push(snap);
  return snap;
}

/**
 * The property: for every two views of an item, either they describe the same people and every
 * figure about people is identical, or they describe sets at least k people apart.
 */
function expectNoViewsFewerThanKApart(views: Snapshot[]) {
  for (let i = 0; i < views.length; i++) {
    for (let j = i + 1; j < views.length; j++) {
      for (const [id, before] of views[i].figures) {
        const after = views[j].figures.get(id);
        if (!after) continue;
        const apart = symmetricDifferenceSize(views[i].released.get(id)!, views[j].released.get(id)!);
        const where = `${id} between "${views[i].label}" and "${views[j].label}"`;
        if (apart === 0) expect(after, where).toEqual(before);
        else expect(apart, where).toBeGreaterThanOrEqual(K);
      }
    }
  }
}

async function quotesOf(itemId: string): Promise<Quote[]> {
  const res = await asEditor(itemRoute, { params: { id: itemId } });
  return res.json.quotes;
}

async function move(from: string, quoteIds: string[], to: { targetId: string } | { newLabel: string }) {
  const res = await asEditor(moveRoute, { params: { id: from }, body: { memberIds: quoteIds, ...to } });
  expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
  return res.json.targetId as string;
}

/** The respondent (response id) and NPS behind a quote, from the database: what the attacker is after. */
async function authorOf(quoteId: string) {
  const [row] = await selectRows<{ response_id: string; nps: number }>(
    db.handle().db,
    sql`select a.response_id, (select n.number_value from answers n join questions q on q.id = n.question_id and q.kind = 'nps'
                                where n.response_id = a.response_id) as nps
        from theme_members m join answers a on a.id = m.answer_id where m.public_id = ${quoteId}`,
  );
  return row;
}

describe("curation never moves a published figure by fewer than k respondents", () => {
  it("move one answer out of a theme and back: the theme's figures never change", async () => {
    const before = await snapshot("start");
    const ci = before.figures.get(ids.ci)!;
    expect(ci.respondents).toBe(12);
    expect(ci.mentionersNps).toEqual(expect.any(Number));

    // The attacker picks a quote whose author wrote nothing else in the theme.
    const quotes = await quotesOf(ids.ci);
    const authors = await Promise.all(quotes.map((q) => authorOf(q.id)));
    const lone = quotes.find((q, i) => authors.filter((a) => a.response_id === authors[i].response_id).length === 1)!;
    const author = await authorOf(lone.id);

    await move(ids.ci, [lone.id], { targetId: ids.docs });
    const out = await snapshot("one answer out");
    // Quotes move at once (the editor curates what they see)…
    expect((await quotesOf(ids.ci)).map((q) => q.id)).not.toContain(lone.id);
    expect((await quotesOf(ids.docs)).map((q) => q.id)).toContain(lone.id);
    await move(ids.docs, [lone.id], { targetId: ids.ci });
    const back = await snapshot("and back");

    // …but the figures about people did not: n·NPS before minus after is not the author's score.
    for (const view of [out, back]) {
      expect(view.figures.get(ids.ci)).toEqual(ci);
      expect(view.figures.get(ids.docs)).toEqual(before.figures.get(ids.docs));
    }
    const reconstructed =
      (before.figures.get(ids.ci)!.respondents as number) * (before.figures.get(ids.ci)!.mentionersNps as number) -
      (out.figures.get(ids.ci)!.respondents as number) * (out.figures.get(ids.ci)!.mentionersNps as number);
    expect(reconstructed).toBeCloseTo(0, 9);
    expect(author.nps).toEqual(expect.any(Number));
    expectNoViewsFewerThanKApart(snapshots);
  });

  it("split 1..k−1 answers into a new theme and merge them back: nothing about them is published", async () => {
    const start = snapshots.at(-1)!;
    for (let m = 1; m < K; m++) {
      const quotes = await quotesOf(ids.ci);
      const split = await move(
        ids.ci,
        quotes.slice(0, m).map((q) => q.id),
        { newLabel: `Split of ${m}` },
      );
      const afterSplit = await snapshot(`split ${m}`);
      expect(afterSplit.figures.get(ids.ci)).toEqual(start.figures.get(ids.ci));
      // The new theme shows nobody until k people are in it: its figures would be those m people's.
      expect(afterSplit.figures.get(split)).toMatchObject({
        quotable: false,
        mentionersNps: null,
        mentionersLikert: null,
        teams: [],
      });
      expect(
        (afterSplit.figures.get(split)!.respondents as number) === 0 ||
          (afterSplit.figures.get(split)!.respondents as number) >= K,
      ).toBe(true);
      const merged = await asEditor(mergeRoute, { params: { id: split }, body: { targetId: ids.ci } });
      expect(merged.status).toBe(200);
      await snapshot(`merged ${m} back`);
      // Undo and redo the merge too.
      expect((await asEditor(unmergeRoute, { method: "DELETE", params: { id: split } })).status).toBe(200);
      await snapshot(`unmerged ${m}`);
      expect((await asEditor(mergeRoute, { params: { id: split }, body: { targetId: ids.ci } })).status).toBe(200);
    }
    expectNoViewsFewerThanKApart(snapshots);
  });

  it("pad a theme with k others, then drop them with one more person: the last view is not one person from the first", async () => {
    const first = snapshots.at(-1)!;
    const docs = await quotesOf(ids.docs);
    const padding = docs.slice(0, K).map((q) => q.id);
    await move(ids.docs, padding, { targetId: ids.ci });
    const padded = await snapshot("padded with k");
    // k people in: a legitimate release, k apart.
    expect(symmetricDifferenceSize(first.released.get(ids.ci)!, padded.released.get(ids.ci)!)).toBeGreaterThanOrEqual(
      K,
    );

    const ciQuotes = await quotesOf(ids.ci);
    const victim = ciQuotes.find((q) => !padding.includes(q.id))!;
    await move(ids.ci, [...padding, victim.id], { targetId: ids.docs });
    await snapshot("padding and one person out");
    expectNoViewsFewerThanKApart(snapshots);
  });

  it("re-analysing after a pinned move does not publish the move either", async () => {
    const quotes = await quotesOf(ids.ci);
    await move(ids.ci, [quotes[0].id], { targetId: ids.vault });
    await snapshot("pinned move");
    const build = await asEditor(buildRoute, { body: { scope: ids.scope } });
    expect(build.status).toBe(200);
    expect(await runJobsNow({ kinds: ["backlog.analyse"] })).toEqual({ completed: 1, failed: 0 });
    await snapshot("re-analysed");
    expectNoViewsFewerThanKApart(snapshots);
  });

  it("moving k or more people does publish, and then by at least k", async () => {
    const before = await snapshot("before a large split");
    const quotes = await quotesOf(ids.ci);
    expect(quotes.length).toBeGreaterThan(K + 1);
    const target = await move(
      ids.ci,
      quotes.slice(0, K + 1).map((q) => q.id),
      { newLabel: "Large split" },
    );
    const after = await snapshot("large split");
    // The new theme has k or more people: published (and k apart from nothing).
    expect(after.figures.get(target)).toMatchObject({ quotable: true, mentionersNps: expect.any(Number) });
    expect(after.figures.get(target)!.respondents as number).toBeGreaterThanOrEqual(K);
    expect(before.figures.has(target)).toBe(false);
    expectNoViewsFewerThanKApart(snapshots);
  });
});

describe("no sequential answer or friction id leaves the server", () => {
  it("backlog list, item details, CSV and journey evidence carry only random quote ids", async () => {
    const d = db.handle().db;
    const { id: mapId } = await createJourneyMap({
      input: { name: "Ship", workflow: "", persona: "", maturityNow: 0, maturityTarget: 3 },
    });
    const step = await addJourneyStep({
      mapId,
      input: {
        ...stepDefaults,
        path: "current",
        name: "Wait for CI",
        minutes: 45,
        pain: "high",
        loadType: "extraneous",
        loadLevel: 3,
        tools: 1,
        concepts: 1,
      },
    });
    const open = await selectRows<{ id: string }>(
      d,
      sql`select id from backlog_items where merged_into_id is null and scope = ${ids.scope}`,
    );
    for (const { id } of open)
      expect(
        (await asEditor(linkRoute, { params: { id: mapId, stepId: step.id }, body: { backlogItemId: id } })).status,
      ).toBe(201);

    const bodies: string[] = [];
    const list = await asEditor(backlogRoute, {
      url: `http://localhost/api/backlog?scope=${encodeURIComponent(ids.scope)}`,
    });
    bodies.push(JSON.stringify(list.json));
    const quotes: { id: string }[] = [];
    for (const { id } of open) {
      const detail = await asEditor(itemRoute, { params: { id } });
      bodies.push(JSON.stringify(detail.json));
      quotes.push(...detail.json.quotes);
    }
    bodies.push(
      String(
        (
          await asEditor(exportRoute, {
            url: `http://localhost/api/backlog/export?scope=${encodeURIComponent(ids.scope)}`,
          })
        ).json,
      ),
    );
    bodies.push(JSON.stringify((await asEditor(evidenceRoute, { params: { id: mapId } })).json));

    const sourceIds = (await selectRows<{ source_id: string }>(d, sql`select source_id from theme_members`)).map(
      (r) => r.source_id,
    );
    expect(sourceIds.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body).not.toMatch(/\b[af]:\d+\b/);
      expect(body).not.toMatch(/"(sourceId|answerId|frictionEntryId|source_id|answer_id)"/);
      // A number-valued "id" would be a row id of a serial column.
      expect(body).not.toMatch(/"id":\s*\d/);
    }
    // Quotes are named by random (v4) uuids instead.
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes)
      expect(q.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("curation is audited for owners", () => {
  it("each move, split, merge, undo, analysis and status change has an entry; only owners read them", async () => {
    const status = await asEditor(patchItemRoute, {
      method: "PATCH",
      params: { id: ids.docs },
      body: { status: "planned" },
    });
    expect(status.status).toBe(200);

    expect((await callRoute(auditRoute, { userId: ids.viewer })).status).toBe(403);
    expect((await callRoute(auditRoute, { userId: ids.editor })).status).toBe(403);
    expect((await callRoute(auditRoute, {})).status).toBe(401);
    const entries: any[] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const page = await callRoute(auditRoute, {
        url: `http://localhost/api/audit?offset=${offset}`,
        userId: ids.owner,
      });
      expect(page.status).toBe(200);
      entries.push(...page.json.entries);
      offset = page.json.nextOffset;
    }
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      "backlog.move",
      "backlog.split",
      "backlog.merge",
      "backlog.unmerge",
      "backlog.analyse",
      "backlog.status",
    ])
      expect(actions).toContain(action);
    for (const e of entries) expect(e.actorEmail).toBe("editor@example.com");
    // Moves: one entry per request, newest first.
    const ats = entries.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);

    // Nothing about answers or respondents: no text, no response ids, no answer ids.
    const body = JSON.stringify(entries);
    for (const text of texts) expect(body).not.toContain(text);
    const responseIds = (await selectRows<{ id: string }>(db.handle().db, sql`select id from responses`)).map(
      (r) => r.id,
    );
    for (const id of responseIds) expect(body).not.toContain(id);
    expect(body).not.toMatch(/\b[afr]:[0-9a-f]/);
    expect(
      (await callRoute(auditRoute, { url: "http://localhost/api/audit?offset=-1", userId: ids.owner })).status,
    ).toBe(422);
  });
});
