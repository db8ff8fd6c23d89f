import { describe, expect, it } from "vitest";
import { routeMethodsFromFiles } from "@/lib/testing/route-files";
import { matchRoute, refusedMethod, ROUTE_METHODS } from "./allowed-methods";

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
