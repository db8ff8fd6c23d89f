// Every response callRoute receives is held to the OpenAPI document (lib/testing/documented-responses.ts).
// This file calls the operations no domain's integration test reaches, so each of them is checked too.
import { beforeAll, describe, expect, it } from "vitest";
import * as backlogScopes from "@/app/api/backlog/scopes/route";
import * as frictionLinks from "@/app/api/friction/links/route";
import * as friction from "@/app/api/friction/[token]/route";
import * as health from "@/app/api/health/route";
import * as journeyExport from "@/app/api/journeys/[id]/export/route";
import * as journeys from "@/app/api/journeys/route";
import * as journeyThemes from "@/app/api/journeys/themes/route";
import * as openApiDocument from "@/app/api/openapi.json/route";
import * as settings from "@/app/api/settings/route";
import * as signIn from "@/app/api/sign-in/route";
import * as teams from "@/app/api/teams/route";
import { createUser } from "@/lib/auth/queries";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { buildOpenApiDocument } from ".";

withTestDatabase();
let editor = "";
let viewer = "";

beforeAll(async () => {
  editor = (await createUser({ name: "Ed", email: "ed@example.com", password: "editor-password", role: "editor" })).id;
  viewer = (await createUser({ name: "Vi", email: "vi@example.com", password: "viewer-password", role: "viewer" })).id;
});

describe("operations answer as the OpenAPI document describes them", () => {
  it("health, settings and teams", async () => {
    expect((await callRoute(health.GET)).json.status).toBe("ok");
    expect((await callRoute(settings.GET, { userId: viewer })).json.settings.anonymityThreshold).toBe(5);
    await callRoute(teams.POST, { body: { name: "Payments", headcount: 8 }, userId: editor });
    expect((await callRoute(teams.GET, { userId: viewer })).json.teams).toHaveLength(1);
  });

  it("friction-log links: tokens for editors only, and a report through one", async () => {
    const created = await callRoute(frictionLinks.POST, { body: {}, userId: editor });
    expect(created.status).toBe(201);
    const token = created.json.links[0].token as string;
    expect((await callRoute(frictionLinks.GET, { userId: viewer })).json.links[0].token).toBeNull();
    const report = await callRoute(friction.POST, { params: { token }, body: { text: "Waiting on CI again" } });
    expect(report.status).toBe(201);
    expect(
      (await callRoute(frictionLinks.POST, { body: { teamId: crypto.randomUUID() }, userId: editor })).status,
    ).toBe(422);
  });

  it("backlog scopes, linkable themes and a journey map as CSV", async () => {
    expect((await callRoute(backlogScopes.GET, { userId: viewer })).json.frictionCount).toBeGreaterThanOrEqual(0);
    expect((await callRoute(journeyThemes.GET, { userId: editor })).json.themes).toEqual([]);
    const map = await callRoute(journeys.POST, { body: { name: "Onboarding" }, userId: editor });
    const csv = await callRoute(journeyExport.GET, { params: { id: map.json.map.id }, userId: viewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
  });

  it("the sign-in form redirects, and the document is served as built", async () => {
    const form = new URLSearchParams({ email: "vi@example.com", password: "viewer-password", callbackUrl: "/surveys" });
    const signedIn = await callRoute(signIn.POST, {
      method: "POST",
      rawBody: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/surveys");
    const served = await callRoute(openApiDocument.GET);
    expect(served.json).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });
});
