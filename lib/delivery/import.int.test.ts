// CSV import through its route on both engines: preview stores nothing, a file with one bad row
// stores nothing, a clean file stores every row; then mapping and the keys endpoint read them.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/delivery/import/route";
import { GET as keysRoute } from "@/app/api/delivery/keys/route";
import { GET as reposRoute, PUT as mapRoute } from "@/app/api/delivery/repos/route";
import { createUser } from "@/lib/auth/queries";
import { teams } from "@/lib/db/schema";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { CSV_COLUMNS } from "./csv-import";
import { countDeliveryEvents } from "./queries";

const db = withTestDatabase();
let editor = "";
let viewer = "";
let team = "";

const csv = (...rows: string[]) => [CSV_COLUMNS.join(","), ...rows].join("\n");
const good = [
  "deployment,d1,Billing,production,success,2026-04-02T10:00:00Z,2026-04-02T10:30:00Z,false,2026-04-02T09:00:00Z;2026-04-02T09:30:00Z,,",
  "deployment,d2,Billing,production,success,2026-04-03T10:00:00Z,2026-04-03T10:30:00Z,true,,,",
  "incident,i1,Billing,,,,,,,2026-04-02T12:00:00Z,2026-04-02T12:45:00Z",
];

beforeAll(async () => {
  editor = (await createUser({ name: "Ed", email: "ed@example.com", password: "editor-password", role: "editor" })).id;
  viewer = (await createUser({ name: "Vi", email: "vi@example.com", password: "viewer-password", role: "viewer" })).id;
  [{ id: team }] = await db.handle().db.insert(teams).values({ name: "Billing" }).returning({ id: teams.id });
});

describe("CSV import of deployments and incidents", () => {
  it("previews without storing", async () => {
    const res = await callRoute(importRoute, { body: { csv: csv(...good) }, userId: editor });
    expect(res.json).toEqual({ committed: false, deployments: 2, incidents: 1, changes: 2, errors: [] });
    expect(await countDeliveryEvents()).toMatchObject({ changes: 0, deployments: 0, incidents: 0 });
  });

  it("stores nothing when any row has an error, and names its line", async () => {
    const res = await callRoute(importRoute, {
      body: { csv: csv(...good, "incident,i2,Billing,,,,,,,not-a-time,"), commit: true },
      userId: editor,
    });
    expect(res.json.committed).toBe(false);
    expect(res.json.errors).toEqual([
      { line: 5, message: "opened_at is not a date and time such as 2026-04-02T10:00:00Z" },
    ]);
    expect(await countDeliveryEvents()).toMatchObject({ changes: 0, deployments: 0, incidents: 0 });
  });

  it("stores every row of a clean file, and importing it again changes nothing", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await callRoute(importRoute, { body: { csv: csv(...good), commit: true }, userId: editor });
      expect(res.json.committed).toBe(true);
    }
    expect(await countDeliveryEvents()).toMatchObject({ changes: 2, deployments: 2, incidents: 1 });
  });

  it("viewers cannot import", async () => {
    expect((await callRoute(importRoute, { body: { csv: csv(...good) }, userId: viewer })).status).toBe(403);
  });

  it("lists the service unmapped, then counts it for the team it is mapped to", async () => {
    const repos = await callRoute(reposRoute, { userId: editor });
    expect(repos.json.repos).toEqual([
      { repo: "billing", teamId: null, teamName: null, changes: 2, deployments: 2, incidents: 1 },
    ]);
    const before = await callRoute(keysRoute, {
      url: "http://localhost/api/delivery/keys?from=2026-Q2&to=2026-Q2",
      userId: viewer,
    });
    expect(before.json.teams).toEqual([]);
    const mapped = await callRoute(mapRoute, {
      method: "PUT",
      body: { repo: "Billing", teamId: team },
      userId: editor,
    });
    expect(mapped.json.repos[0]).toMatchObject({ repo: "billing", teamName: "Billing" });
    const after = await callRoute(keysRoute, {
      url: "http://localhost/api/delivery/keys?from=2026-Q2&to=2026-Q2",
      userId: viewer,
    });
    const [q2] = after.json.teams[0].quarters;
    // d1 is followed by the rolled-back d2 and an incident; d2 by nothing. Commits: 1h30m and 1h → 1h15m.
    expect(q2).toMatchObject({
      deployments: 2,
      failedDeployments: 1,
      changeFailureRate: 0.5,
      changes: 2,
      leadTimeSeconds: 4500,
    });
    expect(q2).toMatchObject({
      restoreSeconds: 2700,
      bands: { leadTime: "high", changeFailureRate: "low", timeToRestore: "elite" },
    });
  });

  it("refuses a bad quarter and mapping to an unknown team", async () => {
    expect(
      (await callRoute(keysRoute, { url: "http://localhost/api/delivery/keys?from=2026-Q5", userId: viewer })).status,
    ).toBe(422);
    const res = await callRoute(mapRoute, {
      method: "PUT",
      body: { repo: "billing", teamId: "00000000-0000-4000-8000-000000000000" },
      userId: editor,
    });
    expect(res.status).toBe(404);
  });
});
