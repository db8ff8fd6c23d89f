import { demo, expect, signIn, test } from "./fixtures";

// Pages, plus one App Router and the one Pages Router API response (the headers come from one config).
const pages = [
  "/sign-in",
  "/dashboard",
  "/surveys",
  "/backlog",
  "/journeys",
  "/settings",
  "/s/no-such-token",
  "/f/demo-friction",
  "/api/health",
  "/api/s/demo-q4",
];

test("every page carries a Content-Security-Policy with frame-ancestors and anti-framing headers", async ({ page }) => {
  await signIn(page, demo.owner);
  for (const url of pages) {
    const res = await page.request.get(url, { maxRedirects: 0 });
    const headers = res.headers();
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], url).toContain("default-src 'self'");
    expect(headers["x-frame-options"], url).toBe("DENY");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
  }
});

test("the public respondent and friction pages allow no inline script", async ({ request }) => {
  for (const url of ["/s/demo-q4", "/f/demo-friction"]) {
    const csp = (await request.get(url)).headers()["content-security-policy"];
    expect(csp, url).toContain("script-src 'self';");
  }
});

test("the session cookie is HttpOnly and SameSite", async ({ page, context }) => {
  await signIn(page, demo.viewer);
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
});

test("sign-in is rate limited per account", async ({ request }) => {
  const email = "nobody-rate-limit@example.com";
  const csrf = await (await request.get("/api/auth/csrf")).json();
  let lastUrl = "";
  for (let i = 0; i < 12; i++) {
    const res = await request.post("/api/auth/callback/credentials", {
      form: { email, password: `wrong-${i}`, csrfToken: csrf.csrfToken, json: "true" },
      maxRedirects: 0,
    });
    lastUrl = (await res.json().catch(() => ({}))).url ?? res.headers()["location"] ?? "";
  }
  expect(lastUrl).toContain("TooManyAttempts");
});
