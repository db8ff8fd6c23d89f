import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { demo, expect, signIn, test } from "./fixtures";

// The role matrix, generated from the route files themselves: a new route without an access rule
// (or outside the short allow-list below) fails this spec.
type Access = "public" | "viewer" | "editor" | "owner";
type Endpoint = { file: string; url: string; method: string; access: Access };

const API_DIR = path.join(process.cwd(), "app", "api");
// Handlers that do not go through lib/api/route.ts, and why.
const UNWRAPPED: Record<string, string> = {
  "auth/[...nextauth]": "next-auth's own sign-in/session endpoints",
  health: "public liveness probe",
  "sign-in": "the sign-in form's plain HTML post: a form body and redirects, not JSON (e2e/access.spec.ts)",
  "openapi.json": "public API description",
};

function routeFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full, pattern);
    return pattern.test(name) ? [full] : [];
  });
}

function toUrl(relDir: string): string {
  const segments = relDir.split(path.sep).map((s) => {
    if (/^\[\.\.\./.test(s)) return "x";
    if (/^\[.*token.*\]$/i.test(s)) return "no-such-token";
    if (/^\[.*\]$/.test(s)) return "00000000-0000-4000-8000-000000000000";
    return s;
  });
  return `/api/${segments.join("/")}`;
}

const endpoints: Endpoint[] = [];
const unruled: string[] = [];
// The Pages Router API files (lib/api/node-route.ts): `GET: nodeRoute({ access: "public" }, …)`.
const PAGES_API_DIR = path.join(process.cwd(), "pages", "api");
for (const file of routeFiles(PAGES_API_DIR, /\.ts$/)) {
  const rel = path.relative(PAGES_API_DIR, file).replace(/\.ts$/, "");
  const source = readFileSync(file, "utf8");
  const ruled = [...source.matchAll(/\b(GET|POST|PUT|PATCH|DELETE):\s*nodeRoute\(\s*\{\s*access:\s*"(\w+)"/g)];
  if (!/export default nodeRoutes\(/.test(source) || ruled.length === 0) unruled.push(`pages/api/${rel}`);
  for (const [, method, access] of ruled)
    endpoints.push({ file: rel, url: toUrl(rel), method, access: access as Access });
}
for (const file of routeFiles(API_DIR, /^route\.ts$/)) {
  const rel = path.relative(API_DIR, path.dirname(file));
  const source = readFileSync(file, "utf8");
  const exported = [
    ...source.matchAll(
      /export const (GET|POST|PUT|PATCH|DELETE)\s*=\s*route\(\s*(?:\/\/[^\n]*\n\s*)*\{\s*access:\s*"(\w+)"/g,
    ),
  ];
  const methods = [...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
    (m) => m[1],
  );
  if (UNWRAPPED[rel.split(path.sep).join("/")]) continue;
  for (const method of methods) {
    const rule = exported.find((m) => m[1] === method);
    if (!rule) unruled.push(`${method} ${rel}`);
    else endpoints.push({ file: rel, url: toUrl(rel), method, access: rule[2] as Access });
  }
}

async function call(request: APIRequestContext, e: Endpoint) {
  const res = await request.fetch(e.url, {
    method: e.method,
    headers: e.method === "GET" ? {} : { "content-type": "application/json" },
    data: e.method === "GET" ? undefined : "{}",
    maxRedirects: 0,
  });
  return res.status();
}

const rank: Record<Access, number> = { public: 0, viewer: 1, editor: 2, owner: 3 };
// Provider webhooks take no session: their signature is the credential, so an unsigned call is refused
// (401) whoever makes it, signed in or not (lib/delivery; signatures tested in its integration suite).
const signatureOnly = (e: Endpoint) => e.url.startsWith("/api/delivery/webhooks/");

test("every API route declares its access rule", () => {
  expect(unruled, "routes exporting a handler without route({ access })").toEqual([]);
  expect(endpoints.length).toBeGreaterThan(3);
  expect(
    endpoints
      .filter((e) => e.url.startsWith("/api/s/"))
      .map((e) => e.method)
      .sort(),
  ).toEqual(["GET", "GET", "POST", "POST"]); // a team's link and one person's invitation
});

test("anonymous callers get 401 everywhere except public endpoints", async ({ request }) => {
  for (const e of endpoints) {
    const status = await call(request, e);
    if (signatureOnly(e)) expect(status, `${e.method} ${e.url}`).toBe(401);
    else if (e.access === "public") expect([401, 403], `${e.method} ${e.url}`).not.toContain(status);
    else expect(status, `${e.method} ${e.url}`).toBe(401);
  }
});

for (const role of ["viewer", "editor", "owner"] as const) {
  test(`${role}: allowed routes pass the role check, others answer 403`, async ({ page }) => {
    await signIn(page, demo[role]);
    for (const e of endpoints) {
      const status = await call(page.request, e);
      if (signatureOnly(e)) expect(status, `${e.method} ${e.url} as ${role}`).toBe(401);
      else if (rank[e.access] > rank[role]) expect(status, `${e.method} ${e.url} as ${role}`).toBe(403);
      else expect([401, 403], `${e.method} ${e.url} as ${role}`).not.toContain(status);
    }
  });
}
