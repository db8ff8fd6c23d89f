import { decode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/sign-in/route";
import { authSecret } from "@/lib/env";
import { withTestDatabase } from "@/lib/testing/test-db";
import { createUser } from "./queries";
import { authorizeCredentials } from "./sign-in";

withTestDatabase();

const password = "right-password-1";
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

beforeAll(async () => {
  for (const email of ["ann@example.com", "ben@example.com", "cat@example.com", "dan@example.com", "eve@example.com"]) {
    await createUser({ name: email, email, password, role: "viewer" });
  }
});

describe("throttling per account", () => {
  it("lets five mistakes pass, then makes every address wait, doubling, with the right password too", async () => {
    const t0 = new Date();
    for (let i = 0; i < 5; i++) {
      const address = `198.51.100.${i}`; // a guesser rotating addresses still hits the account's counter
      expect(
        await authorizeCredentials({ email: "ann@example.com", password: `guess-${i}` }, { address, now: at(t0, i) }),
      ).toMatchObject({ ok: false, error: "CredentialsSignin" });
    }
    const blocked = await authorizeCredentials(
      { email: "ann@example.com", password },
      { address: "203.0.113.9", now: at(t0, 4.5) },
    );
    expect(blocked).toMatchObject({ ok: false, error: "TooManyAttempts" });
    expect((blocked as { retryAt: Date }).retryAt.getTime()).toBe(at(t0, 5).getTime());
    // The sixth failure doubles the wait to 2 s.
    await authorizeCredentials(
      { email: "ann@example.com", password: "guess-5" },
      { address: "198.51.100.5", now: at(t0, 6) },
    );
    expect(
      await authorizeCredentials({ email: "ann@example.com", password }, { address: null, now: at(t0, 7.5) }),
    ).toMatchObject({ error: "TooManyAttempts" });
    // The rightful user gets in once the wait is over, which clears the account's counter.
    expect(
      (await authorizeCredentials({ email: "ann@example.com", password }, { address: null, now: at(t0, 8.1) })).ok,
    ).toBe(true);
    expect(
      await authorizeCredentials({ email: "ann@example.com", password: "typo" }, { address: null, now: at(t0, 9) }),
    ).toMatchObject({ error: "CredentialsSignin" });
    expect(
      (await authorizeCredentials({ email: "ann@example.com", password }, { address: null, now: at(t0, 9.1) })).ok,
    ).toBe(true);
  });

  it("never locks the rightful user out for more than a minute, however long a stranger keeps guessing", async () => {
    let now = new Date();
    for (let i = 0; i < 16; i++) {
      await authorizeCredentials(
        { email: "ben@example.com", password: `guess-${i}` },
        { address: `192.0.2.${i}`, now },
      );
      now = at(now, 61); // each guess lands just after the previous wait ended
    }
    const refused = await authorizeCredentials(
      { email: "ben@example.com", password },
      { address: null, now: at(now, -30) },
    );
    expect(refused).toMatchObject({ error: "TooManyAttempts" });
    expect((refused as { retryAt: Date }).retryAt.getTime() - at(now, -61).getTime()).toBeLessThanOrEqual(60_000);
    expect((await authorizeCredentials({ email: "ben@example.com", password }, { address: null, now })).ok).toBe(true);
  });

  it("forgets failures after an hour without any", async () => {
    const t0 = new Date();
    for (let i = 0; i < 5; i++)
      await authorizeCredentials(
        { email: "cat@example.com", password: `guess-${i}` },
        { address: null, now: at(t0, i) },
      );
    const later = at(t0, 3600 + 10);
    expect(
      await authorizeCredentials(
        { email: "cat@example.com", password: "one-more-typo" },
        { address: null, now: later },
      ),
    ).toMatchObject({ error: "CredentialsSignin" });
    expect(
      (await authorizeCredentials({ email: "cat@example.com", password }, { address: null, now: at(later, 0.1) })).ok,
    ).toBe(true);
  });

  it("counts unknown emails like known ones, so a block does not tell whether an account exists", async () => {
    const t0 = new Date();
    for (let i = 0; i < 5; i++)
      await authorizeCredentials(
        { email: "nobody@example.com", password: `guess-${i}` },
        { address: null, now: at(t0, i) },
      );
    expect(
      await authorizeCredentials({ email: "nobody@example.com", password }, { address: null, now: at(t0, 4.5) }),
    ).toMatchObject({ error: "TooManyAttempts" });
  });
});

describe("throttling per client address", () => {
  it("slows an address that fails against many accounts, and only that address", async () => {
    const t0 = new Date();
    const spray = "203.0.113.77";
    for (let i = 0; i < 20; i++) {
      await authorizeCredentials(
        { email: `user${i}@example.com`, password: "Summer2026!" },
        { address: spray, now: at(t0, i * 0.01) },
      );
    }
    expect(
      await authorizeCredentials({ email: "dan@example.com", password }, { address: spray, now: at(t0, 0.5) }),
    ).toMatchObject({ error: "TooManyAttempts" });
    expect(
      (
        await authorizeCredentials(
          { email: "dan@example.com", password },
          { address: "203.0.113.78", now: at(t0, 0.5) },
        )
      ).ok,
    ).toBe(true);
    // A success from the address does not reset its counter: a sprayer cannot launder it with an account of its own.
    expect(
      (await authorizeCredentials({ email: "eve@example.com", password }, { address: spray, now: at(t0, 1.5) })).ok,
    ).toBe(true);
    await authorizeCredentials(
      { email: "user99@example.com", password: "Winter2026!" },
      { address: spray, now: at(t0, 1.6) },
    );
    expect(
      await authorizeCredentials({ email: "eve@example.com", password }, { address: spray, now: at(t0, 2.5) }),
    ).toMatchObject({ error: "TooManyAttempts" });
  });
});

describe("timing", () => {
  it("an unknown email costs a password comparison like a known one", async () => {
    const time = async (email: string) => {
      const start = performance.now();
      await authorizeCredentials({ email, password: "not-the-password" }, { address: null });
      return performance.now() - start;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const known: number[] = [];
    const unknown: number[] = [];
    await time("warm-up@example.com");
    for (let i = 0; i < 4; i++) {
      known.push(await time("eve@example.com"));
      unknown.push(await time(`ghost-${i}@example.com`));
    }
    // Without the dummy comparison an unknown email answered in a tenth of the time (4 ms vs 59 ms).
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
  });
});

describe("the sign-in form post", () => {
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    signInRoute(
      new Request("http://localhost/api/sign-in", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          host: "localhost",
          origin: "http://localhost",
          ...headers,
        },
        body: new URLSearchParams(fields).toString(),
      }),
    );

  it("signs in with a session cookie carrying the session version and redirects to a local callback", async () => {
    const res = await post({ email: "Dan@Example.com", password, callbackUrl: "/surveys?tab=open" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/surveys?tab=open");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const token = await decode({ token: cookie.split(";")[0].split("=").slice(1).join("="), secret: authSecret() });
    expect(token).toMatchObject({ email: "dan@example.com", sv: 0 });
  });

  it.each(["//evil.example/phish", "/\\evil.example", "https://evil.example", "/%2F%2Fevil.example"])(
    "sends callbackUrl %j to the dashboard",
    async (callbackUrl) => {
      const res = await post({ email: "dan@example.com", password, callbackUrl });
      expect(res.headers.get("location")).toBe("/dashboard");
    },
  );

  it("sends a refusal back to the sign-in page as a code, without the email or password", async () => {
    const res = await post({ email: "dan@example.com", password: "wrong-password", callbackUrl: "//evil.example" });
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("location")).toBe("/sign-in?error=CredentialsSignin&callbackUrl=%2Fdashboard");
  });

  it("refuses a cross-site post (login CSRF) and a JSON body", async () => {
    expect((await post({ email: "dan@example.com", password }, { origin: "https://evil.example" })).status).toBe(403);
    expect(
      (await post({ email: "dan@example.com", password }, { origin: "null", "sec-fetch-site": "cross-site" })).status,
    ).toBe(403);
    // Our own page under Referrer-Policy: no-referrer posts with Origin: null and Sec-Fetch-Site: same-origin.
    expect(
      (await post({ email: "dan@example.com", password }, { origin: "null", "sec-fetch-site": "same-origin" })).status,
    ).toBe(303);
    const json = await signInRoute(
      new Request("http://localhost/api/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json", host: "localhost" },
        body: "{}",
      }),
    );
    expect(json.status).toBe(400);
  });
});
