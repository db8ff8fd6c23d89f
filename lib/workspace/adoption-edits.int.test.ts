import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as adoptionRoute } from "@/app/api/analytics/adoption/route";
import { GET as auditRoute } from "@/app/api/audit/route";
import { PATCH as settingsRoute } from "@/app/api/settings/route";
import { DELETE as deleteTeamRoute, PATCH as patchTeamRoute } from "@/app/api/teams/[id]/route";
import { POST as createTeamRoute } from "@/app/api/teams/route";
import { PATCH as patchUserRoute } from "@/app/api/users/[id]/route";
import { selectRows } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { seedWorkspace } from "@/lib/testing/workspace-fixture";

/*
 * The flag flip-and-back attack (issue 11): an editor records that a team moved on or off the platform
 * in a past quarter, reads the adoption comparison, flips it back and diffs — the team's answers fall
 * out. An edit that would move 1..k−1 of a team's respondents in some survey between adoption groups
 * is refused; any accepted one moves 0 or ≥ k people in every group. The truth comes from the database.
 *
 * Fixture (k = 5), closed surveys in 2026-Q2 and 2026-Q3, every team's history starting in 2026-Q1:
 *   Tiny (off) 6 + 3 · Big (off) 6 + 8 · Plat (on) 7 + 9 · Empty (on) no answers · 2 without a team in Q3.
 */
const db = withTestDatabase();
const K = 5;
const ids = { owner: "", editor: "", viewer: "", teams: {} as Record<string, string> };
const QUARTERS = ["2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"];

const asEditor = (handler: Parameters<typeof callRoute>[0], opts: Parameters<typeof callRoute>[1] = {}) =>
  callRoute(handler, { ...opts, userId: ids.editor });
const adoptionView = async () => {
  const res = await callRoute(adoptionRoute, { url: "http://localhost/api/analytics/adoption", userId: ids.viewer });
  expect(res.status).toBe(200);
  return res.json;
};

beforeAll(async () => {
  const d = db.handle().db;
  Object.assign(ids, await seedWorkspace(d, { anonymityThreshold: K, roles: ["owner", "editor", "viewer"] }));

  const plan: Record<string, { onPlatform: boolean; answers: Record<string, number> }> = {
    Tiny: { onPlatform: false, answers: { "2026-Q2": 6, "2026-Q3": 3 } },
    Big: { onPlatform: false, answers: { "2026-Q2": 6, "2026-Q3": 8 } },
    Plat: { onPlatform: true, answers: { "2026-Q2": 7, "2026-Q3": 9 } },
    Empty: { onPlatform: true, answers: {} },
  };
  for (const [name, { onPlatform }] of Object.entries(plan)) {
    const res = await asEditor(createTeamRoute, {
      body: { name, headcount: 10, onPlatform, effectivePeriod: "2026-Q1" },
    });
    expect(res.status).toBe(201);
    ids.teams[name] = res.json.team.id;
  }
  for (const period of ["2026-Q2", "2026-Q3"]) {
    const [survey] = await d
      .insert(s.surveys)
      .values({ title: `DX ${period}`, period, status: "closed" })
      .returning();
    const [nps] = await d
      .insert(s.questions)
      .values({ surveyId: survey.id, key: "platform_nps", position: 0, kind: "nps", prompt: "Recommend?" })
      .returning();
    const people = Object.entries(plan).flatMap(([name, p]) =>
      Array.from({ length: p.answers[period] ?? 0 }, () => ids.teams[name] as string | null),
    );
    if (period === "2026-Q3") people.push(null, null);
    for (const [i, teamId] of people.entries()) {
      const [response] = await d
        .insert(s.responses)
        .values({ surveyId: survey.id, teamId, submittedOn: period === "2026-Q2" ? "2026-05-01" : "2026-08-01" })
        .returning();
      await d.insert(s.answers).values({ responseId: response.id, questionId: nps.id, numberValue: (i * 5) % 11 });
    }
  }
});

/** From the database: does moving the team's adoption from `period` on move 1..k−1 people in some survey? */
async function wouldExposeFewerThanK(teamId: string, period: string): Promise<boolean> {
  const rows = await selectRows<{ n: number }>(
    db.handle().db,
    sql`select count(*)::int as n from responses r join surveys s on s.id = r.survey_id
        where r.team_id = ${teamId} and s.period >= ${period} group by s.id`,
  );
  return rows.some((r) => Number(r.n) > 0 && Number(r.n) < K);
}

/** Visible group sizes of the adoption view, by group and quarter (a hidden group has none). */
function groupSizes(view: any): Map<string, number | undefined> {
  const out = new Map<string, number | undefined>();
  for (const group of ["on", "off"])
    for (const point of view.nps[group]) out.set(`${group} ${point.period}`, point.n ?? undefined);
  return out;
}

async function flagOf(teamId: string, period: string): Promise<boolean> {
  const [row] = await selectRows<{ on: boolean }>(
    db.handle().db,
    sql`select coalesce((select c.on_platform from team_platform_changes c where c.team_id = t.id and c.effective_period <= ${period}
                          order by c.effective_period desc limit 1), t.on_platform) as on from teams t where t.id = ${teamId}`,
  );
  return row.on;
}

describe("platform-flag edits never move fewer than k respondents between adoption groups", () => {
  it("flip and flip back, for every team and quarter: refused exactly when 1..k−1 people would move, and the view never differs by fewer than k", async () => {
    const initial = await adoptionView();
    let refused = 0;
    let accepted = 0;
    for (const [name, teamId] of Object.entries(ids.teams)) {
      for (const period of QUARTERS) {
        const was = await flagOf(teamId, period);
        const history = await selectRows(
          db.handle().db,
          sql`select effective_period, on_platform from team_platform_changes where team_id = ${teamId} order by 1`,
        );
        const flip = await asEditor(patchTeamRoute, {
          method: "PATCH",
          params: { id: teamId },
          body: { onPlatform: !was, effectivePeriod: period },
        });
        const during = await adoptionView();
        if (await wouldExposeFewerThanK(teamId, period)) {
          refused++;
          expect(flip.status, `${name} from ${period}`).toBe(422);
          expect(flip.json.error.fieldErrors.effectivePeriod[0]).toMatch(/fewer than 5 people/i);
          expect(during).toEqual(initial);
          expect(
            await selectRows(
              db.handle().db,
              sql`select effective_period, on_platform from team_platform_changes where team_id = ${teamId} order by 1`,
            ),
          ).toEqual(history);
          continue;
        }
        accepted++;
        expect(flip.status, `${name} from ${period}: ${JSON.stringify(flip.json)}`).toBe(200);
        const before = groupSizes(initial);
        for (const [group, n] of groupSizes(during)) {
          const m = before.get(group);
          if (n === undefined || m === undefined) continue;
          const moved = Math.abs(n - m);
          expect(moved === 0 || moved >= K, `${group} after flipping ${name} from ${period}: ${m} → ${n}`).toBe(true);
        }
        const back = await asEditor(patchTeamRoute, {
          method: "PATCH",
          params: { id: teamId },
          body: { onPlatform: was, effectivePeriod: period },
        });
        expect(back.status).toBe(200);
        expect(await adoptionView()).toEqual(initial);
      }
    }
    // The fixture exercises both outcomes: Tiny cannot move in Q2/Q3; Big, Plat and Empty can.
    expect(refused).toBe(2);
    expect(accepted).toBe(14);
  });

  it("changes for quarters without the team's responses are always allowed", async () => {
    const res = await asEditor(patchTeamRoute, {
      method: "PATCH",
      params: { id: ids.teams.Tiny },
      body: { onPlatform: true, effectivePeriod: "2027-Q2" },
    });
    expect(res.status).toBe(200);
  });

  it("a team with answers cannot be deleted (its people would fall into “no team”); an unused one can", async () => {
    const before = await adoptionView();
    const refused = await asEditor(deleteTeamRoute, { method: "DELETE", params: { id: ids.teams.Tiny } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/archive/i);
    expect(await adoptionView()).toEqual(before);
    const [{ n }] = await selectRows<{ n: number }>(
      db.handle().db,
      sql`select count(*)::int as n from responses where team_id = ${ids.teams.Tiny}`,
    );
    expect(Number(n)).toBe(9);

    expect(
      (await callRoute(deleteTeamRoute, { method: "DELETE", params: { id: ids.teams.Empty }, userId: ids.viewer }))
        .status,
    ).toBe(403);
    expect((await asEditor(deleteTeamRoute, { method: "DELETE", params: { id: ids.teams.Empty } })).status).toBe(200);
    expect((await asEditor(deleteTeamRoute, { method: "DELETE", params: { id: ids.teams.Empty } })).status).toBe(404);
  });
});

describe("the audit log", () => {
  it("records team, threshold and role edits (not refused ones), and only owners read it", async () => {
    expect(
      (await asEditor(patchTeamRoute, { method: "PATCH", params: { id: ids.teams.Big }, body: { archived: true } }))
        .status,
    ).toBe(200);
    expect(
      (await asEditor(patchTeamRoute, { method: "PATCH", params: { id: ids.teams.Big }, body: { archived: false } }))
        .status,
    ).toBe(200);
    expect(
      (await callRoute(settingsRoute, { method: "PATCH", body: { anonymityThreshold: 6 }, userId: ids.owner })).status,
    ).toBe(200);
    expect(
      (
        await callRoute(patchUserRoute, {
          method: "PATCH",
          params: { id: ids.viewer },
          body: { role: "editor" },
          userId: ids.owner,
        })
      ).status,
    ).toBe(200);
    // An editor is refused; the viewer just became an editor and is refused too.
    expect((await callRoute(auditRoute, { userId: ids.editor })).status).toBe(403);
    expect((await callRoute(auditRoute, { userId: ids.viewer })).status).toBe(403);

    const page = await callRoute(auditRoute, { userId: ids.owner });
    expect(page.status).toBe(200);
    const entries: { action: string; actorEmail: string; subject: string; detail: Record<string, unknown> }[] =
      page.json.entries;
    const count = (action: string) => entries.filter((e) => e.action === action).length;
    expect(count("team.create")).toBe(4);
    // 14 accepted flips and 14 flips back, plus the future-dated change; the two refused flips wrote nothing.
    expect(count("team.platform")).toBe(29);
    expect(count("team.delete")).toBe(1);
    expect(count("team.archive")).toBe(1);
    expect(count("team.restore")).toBe(1);
    expect(entries.find((e) => e.action === "settings.anonymity_threshold")).toMatchObject({
      actorEmail: "owner@example.com",
      detail: { from: 5, to: 6 },
    });
    expect(entries.find((e) => e.action === "user.role")).toMatchObject({
      actorEmail: "owner@example.com",
      subject: "viewer@example.com",
      detail: { from: "viewer", to: "editor" },
    });
    expect(
      entries.filter((e) => e.action.startsWith("team.")).every((e) => e.actorEmail === "editor@example.com"),
    ).toBe(true);
    // No counts of anyone's answers in the log.
    for (const e of entries) expect(Object.keys(e.detail)).not.toEqual(expect.arrayContaining(["respondents"]));
  });
});
