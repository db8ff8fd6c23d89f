import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchRoute, refusedMethod, ROUTE_METHODS } from "./allowed-methods";

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full, pattern);
    return pattern.test(name) ? [full] : [];
  });
}

/** Route path → the methods its file exports, read from app/**\/route.ts and pages/api. */
export function routeMethodsFromFiles(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const root = process.cwd();
  for (const file of files(path.join(root, "app"), /^route\.ts$/)) {
    const dir = path
      .relative(path.join(root, "app"), path.dirname(file))
      .split(path.sep)
      .filter((s) => !/^\(.*\)$/.test(s));
    const source = readFileSync(file, "utf8");
    const declared = [
      ...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
    ].map((m) => m[1]);
    const reexported = [...source.matchAll(/export \{([^}]*)\}/g)].flatMap((m) =>
      [...m[1].matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)].map((x) => x[1]),
    );
    const methods = [...declared, ...reexported];
    out[`/${dir.join("/")}`] = [...new Set(methods)].sort();
  }
  for (const file of files(path.join(root, "pages", "api"), /\.ts$/)) {
    const rel = path.relative(path.join(root, "pages"), file).replace(/\.ts$/, "").split(path.sep).join("/");
    out[`/${rel}`] = [...readFileSync(file, "utf8").matchAll(/\b(GET|POST|PUT|PATCH|DELETE):\s*nodeRoute\(/g)]
      .map((m) => m[1])
      .sort();
  }
  return out;
}

describe("ROUTE_METHODS", () => {
  it("lists exactly the routes and methods the route files export", () => {
    const listed = Object.fromEntries(
      Object.entries(ROUTE_METHODS).map(([route, methods]) => [route, [...methods].sort()]),
    );
    expect(listed).toEqual(routeMethodsFromFiles());
  });
});

describe("matchRoute", () => {
  it("prefers static segments, as Next.js routes", () => {
    expect(matchRoute("/api/journeys/themes")).toBe("/api/journeys/themes");
    expect(matchRoute("/api/journeys/abc")).toBe("/api/journeys/[id]");
    expect(matchRoute("/api/surveys/abc/questions/order")).toBe("/api/surveys/[id]/questions/order");
    expect(matchRoute("/api/surveys/abc/questions/def")).toBe("/api/surveys/[id]/questions/[questionId]");
    expect(matchRoute("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(matchRoute("/api/auth")).toBeNull();
    expect(matchRoute("/s/tok/submit")).toBe("/s/[token]/submit");
    expect(matchRoute("/dashboard")).toBeNull();
  });
});

describe("refusedMethod", () => {
  it("refuses what a route does not answer, with its Allow list", () => {
    expect(refusedMethod("PATCH", "/api/health")).toEqual({ allow: "GET, HEAD, OPTIONS" });
    expect(refusedMethod("TRACE", "/api/surveys")).toEqual({ allow: "GET, POST, HEAD, OPTIONS" });
    expect(refusedMethod("GET", "/api/backlog/thresholds")).toEqual({ allow: "PATCH, OPTIONS" });
    expect(refusedMethod("TRACE", "/s/some-token")).toEqual({ allow: "GET, HEAD, OPTIONS" });
    for (const ok of ["GET", "HEAD", "OPTIONS"]) expect(refusedMethod(ok, "/api/health")).toBeNull();
    expect(refusedMethod("post", "/api/surveys")).toBeNull();
  });

  it("lets pages take GET and POST (server actions) but not PUT, PATCH, DELETE or TRACE", () => {
    expect(refusedMethod("GET", "/dashboard")).toBeNull();
    expect(refusedMethod("POST", "/sign-in")).toBeNull();
    for (const method of ["PUT", "PATCH", "DELETE", "TRACE", "TRACK", "PROPFIND"])
      expect(refusedMethod(method, "/sign-in")).toEqual({ allow: "GET, HEAD, POST, OPTIONS" });
  });

  it("leaves Next.js's own paths and unknown API paths to Next.js, except methods it cannot route", () => {
    expect(refusedMethod("POST", "/__nextjs_original-stack-frames")).toBeNull();
    expect(refusedMethod("GET", "/_next/static/chunks/x.js")).toBeNull();
    expect(refusedMethod("DELETE", "/api/not-yet-listed")).toBeNull();
    expect(refusedMethod("TRACE", "/_next/static/chunks/x.js")).not.toBeNull();
  });
});
