// Webhook intake on both engines with real payloads: GitHub's from @octokit/webhooks-examples,
// GitLab's shaped as its documentation's examples (./fixtures/gitlab). Valid and invalid signatures;
// an unverifiable request stores nothing; a duplicate delivery is stored once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sign } from "@octokit/webhooks-methods";
import examples from "@octokit/webhooks-examples";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as githubRoute } from "@/app/api/delivery/webhooks/github/[sourceId]/route";
import { POST as gitlabRoute } from "@/app/api/delivery/webhooks/gitlab/[sourceId]/route";
import { POST as regenerateRoute } from "@/app/api/delivery/sources/[id]/secret/route";
import { GET as listSourcesRoute, POST as createSourceRoute } from "@/app/api/delivery/sources/route";
import { createUser } from "@/lib/auth/queries";
import { selectRows } from "@/lib/db/client";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { WEBHOOK_MAX_BYTES } from "./constants";
import { countDeliveryEvents } from "./queries";

const db = withTestDatabase();
let editor = "";
let github = { id: "", secret: "" };
let gitlab = { id: "", secret: "" };

function githubExample(name: string, pick: (e: any) => boolean = () => true): any {
  const group = (examples as { name: string; examples: any[] }[]).find((e) => e.name === name)!;
  return structuredClone(group.examples.find(pick));
}
const gitlabFixture = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, "fixtures/gitlab", `${name}.json`), "utf8"));

let deliveries = 0;
async function sendGithub(
  event: string,
  payload: unknown,
  opts: { secret?: string; id?: string; sourceId?: string } = {},
) {
  const body = JSON.stringify(payload);
  return callRoute(githubRoute, {
    params: { sourceId: opts.sourceId ?? github.id },
    rawBody: body,
    headers: {
      "x-github-event": event,
      "x-github-delivery": opts.id ?? `gh-${++deliveries}`,
      "x-hub-signature-256": await sign(opts.secret ?? github.secret, body),
    },
  });
}
async function sendGitlab(event: string, payload: unknown, opts: { token?: string; id?: string } = {}) {
  return callRoute(gitlabRoute, {
    params: { sourceId: gitlab.id },
    rawBody: JSON.stringify(payload),
    headers: {
      "x-gitlab-event": event,
      "x-gitlab-event-uuid": opts.id ?? `gl-${++deliveries}`,
      "x-gitlab-token": opts.token ?? gitlab.secret,
    },
  });
}

beforeAll(async () => {
  editor = (await createUser({ name: "Ed", email: "ed@example.com", password: "editor-password", role: "editor" })).id;
  const create = async (provider: string) => {
    const res = await callRoute(createSourceRoute, { body: { provider, name: `${provider} org` }, userId: editor });
    expect(res.status).toBe(201);
    return { id: res.json.source.id as string, secret: res.json.secret as string };
  };
  github = await create("github");
  gitlab = await create("gitlab");
});

describe("GitHub webhooks", () => {
  it("never lists a secret after creating it", async () => {
    const res = await callRoute(listSourcesRoute, { userId: editor });
    expect(JSON.stringify(res.json)).not.toContain(github.secret);
    expect(res.json.sources).toHaveLength(2);
  });

  it("refuses a wrong secret, a tampered body, no signature and an unknown integration, storing nothing", async () => {
    const push = githubExample("push", (e) => e.ref === "refs/heads/master");
    const before = await countDeliveryEvents();
    expect((await sendGithub("push", push, { secret: "not-the-secret" })).status).toBe(401);
    expect((await sendGithub("push", push, { sourceId: gitlab.id })).status).toBe(401);
    expect((await sendGithub("push", push, { sourceId: "00000000-0000-4000-8000-000000000000" })).status).toBe(401);
    const body = JSON.stringify(push);
    const tampered = await callRoute(githubRoute, {
      params: { sourceId: github.id },
      rawBody: body.replace("Codertocat", "Mallory"),
      headers: {
        "x-github-event": "push",
        "x-github-delivery": "t-1",
        "x-hub-signature-256": await sign(github.secret, body),
      },
    });
    expect(tampered.status).toBe(401);
    const unsigned = await callRoute(githubRoute, {
      params: { sourceId: github.id },
      rawBody: body,
      headers: { "x-github-event": "push", "x-github-delivery": "t-2" },
    });
    expect(unsigned.status).toBe(401);
    expect(await countDeliveryEvents()).toEqual(before);
  });

  it("stores a push to the default branch, a production deployment and its status, once per delivery", async () => {
    const push = githubExample("push", (e) => e.ref === "refs/heads/master");
    const first = await sendGithub("push", push, { id: "push-1" });
    expect(first.json).toEqual({ stored: 1, duplicate: false, ignored: false });
    const again = await sendGithub("push", push, { id: "push-1" });
    expect(again.json).toEqual({ stored: 0, duplicate: true, ignored: false });
    await sendGithub(
      "deployment",
      githubExample("deployment", (e) => e.deployment.environment === "production"),
    );
    await sendGithub(
      "deployment_status",
      githubExample("deployment_status", (e) => e.deployment_status.state === "success"),
    );
    expect(await countDeliveryEvents()).toMatchObject({ changes: 1, deployments: 1 });
    const [deployment] = await selectRows<{ status: string; production: boolean; repo: string; finished_at: unknown }>(
      db.handle().db,
      sql`select status, production, repo, finished_at from delivery_deployments`,
    );
    expect(deployment).toMatchObject({ status: "success", production: true, repo: "codertocat/hello-world" });
    expect(new Date(deployment.finished_at as string).toISOString()).toBe("2019-05-15T15:20:55.000Z");
  });

  it("takes issues labelled as incidents and nothing from other issues or unmerged pull requests", async () => {
    const bug = githubExample("issues", (e) => e.action === "opened");
    expect((await sendGithub("issues", bug)).json.stored).toBe(0);
    expect(
      (
        await sendGithub(
          "pull_request",
          githubExample("pull_request", (e) => e.action === "closed"),
        )
      ).json.stored,
    ).toBe(0);
    const incident = githubExample("issues", (e) => e.action === "labeled");
    incident.label.name = "incident";
    incident.issue.labels.push({ ...incident.issue.labels[0], name: "incident" });
    expect((await sendGithub("issues", incident)).json.stored).toBe(1);
    incident.issue.state = "closed";
    incident.issue.closed_at = "2019-05-15T17:20:18Z";
    incident.issue.updated_at = "2019-05-15T17:20:18Z";
    await sendGithub("issues", incident);
    const [row] = await selectRows<{ opened_at: unknown; resolved_at: unknown }>(
      db.handle().db,
      sql`select opened_at, resolved_at from delivery_incidents where origin = 'github'`,
    );
    expect(new Date(row.resolved_at as string).getTime() - new Date(row.opened_at as string).getTime()).toBe(
      2 * 3600_000,
    );
    expect((await sendGithub("star", { action: "created" })).json).toEqual({
      stored: 0,
      duplicate: false,
      ignored: true,
    });
  });

  it("refuses a body over the cap with 413 and stores nothing", async () => {
    const before = await countDeliveryEvents();
    const push = githubExample("push", (e) => e.ref === "refs/heads/master");
    push.padding = "x".repeat(WEBHOOK_MAX_BYTES);
    expect((await sendGithub("push", push)).status).toBe(413);
    expect(await countDeliveryEvents()).toEqual(before);
  });

  it("stops taking the old secret once it is regenerated", async () => {
    const res = await callRoute(regenerateRoute, { method: "POST", params: { id: github.id }, userId: editor });
    expect(res.status).toBe(200);
    const push = githubExample("push", (e) => e.ref === "refs/heads/master");
    expect((await sendGithub("push", push)).status).toBe(401);
    github.secret = res.json.secret;
    expect((await sendGithub("push", push)).status).toBe(200);
  });
});

describe("GitLab webhooks", () => {
  it("refuses a wrong or missing token, storing nothing", async () => {
    const before = await countDeliveryEvents();
    expect((await sendGitlab("Push Hook", gitlabFixture("push"), { token: "wrong" })).status).toBe(401);
    expect((await sendGitlab("Push Hook", gitlabFixture("push"), { token: "" })).status).toBe(401);
    expect((await sendGitlab("Push Hook", gitlabFixture("push"), { token: github.secret })).status).toBe(401);
    expect(await countDeliveryEvents()).toEqual(before);
  });

  it("stores push commits, a merged merge request, a deployment and an incident, each delivery once", async () => {
    const before = await countDeliveryEvents();
    expect((await sendGitlab("Push Hook", gitlabFixture("push"), { id: "gl-push" })).json.stored).toBe(2);
    expect((await sendGitlab("Push Hook", gitlabFixture("push"), { id: "gl-push" })).json.duplicate).toBe(true);
    // The merge commit is one of the pushed commits of another project: a change of its own.
    expect((await sendGitlab("Merge Request Hook", gitlabFixture("merge_request"))).json.stored).toBe(1);
    expect((await sendGitlab("Deployment Hook", gitlabFixture("deployment"))).json.stored).toBe(1);
    expect((await sendGitlab("Issue Hook", gitlabFixture("incident"))).json.stored).toBe(1);
    const after = await countDeliveryEvents();
    expect(after.changes - before.changes).toBe(3);
    expect(after.deployments - before.deployments).toBe(1);
    expect(after.incidents - before.incidents).toBe(1);
    const [deployment] = await selectRows<{ sha: string; production: boolean; status: string }>(
      db.handle().db,
      sql`select sha, production, status from delivery_deployments where origin = 'gitlab'`,
    );
    expect(deployment).toEqual({
      sha: "279484c09fbe69ededfced8c1bb6e6d24616b468",
      production: false,
      status: "success",
    });
  });

  it("takes GitLab's Idempotency-Key when the event UUID is absent, and refuses a delivery with neither", async () => {
    const body = JSON.stringify(gitlabFixture("deployment"));
    const call = (headers: Record<string, string>) =>
      callRoute(gitlabRoute, {
        params: { sourceId: gitlab.id },
        rawBody: body,
        headers: { "x-gitlab-event": "Deployment Hook", "x-gitlab-token": gitlab.secret, ...headers },
      });
    expect((await call({ "idempotency-key": "k-1" })).json.duplicate).toBe(false);
    expect((await call({ "idempotency-key": "k-1" })).json.duplicate).toBe(true);
    expect((await call({})).status).toBe(400);
  });

  it("keeps no author, email or message from any payload", async () => {
    const rows = await selectRows<{ row: unknown }>(
      db.handle().db,
      sql`select row_to_json(c)::text as row from delivery_changes c
          union all select row_to_json(d)::text from delivery_deployments d
          union all select row_to_json(i)::text from delivery_incidents i`,
    );
    const stored = rows.map((r) => String(r.row)).join("\n");
    for (const personal of ["@", "Jordi", "Codertocat/", "Administrator", "readme"])
      expect(stored).not.toContain(personal);
  });
});
