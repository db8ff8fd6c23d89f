import { describe, expect, it } from "vitest";
import { keepRedirectsOnRequestHost, onRequestOrigin } from "./dev-redirects";

const configured = "http://localhost:3000";

describe("onRequestOrigin", () => {
  it("moves a redirect on NEXTAUTH_URL's origin onto the request's, keeping path, query and fragment", () => {
    expect(
      onRequestOrigin("http://localhost:3000/sign-in?error=CredentialsSignin#x", configured, "http://127.0.0.1:3000"),
    ).toBe("http://127.0.0.1:3000/sign-in?error=CredentialsSignin#x");
  });

  it("leaves other origins (an SSO provider, another port) and relative paths alone", () => {
    expect(onRequestOrigin("http://localhost:8080/auth?client_id=dx", configured, "http://127.0.0.1:3000")).toBe(
      "http://localhost:8080/auth?client_id=dx",
    );
    expect(onRequestOrigin("https://login.example.com/authorize", configured, "http://127.0.0.1:3000")).toBe(
      "https://login.example.com/authorize",
    );
    expect(onRequestOrigin("/dashboard", configured, "http://127.0.0.1:3000")).toBe("/dashboard");
  });
});

describe("keepRedirectsOnRequestHost", () => {
  const hostnames = ["localhost", "127.0.0.1", "192.168.1.20"];
  const redirectTo = (location: string) => async () =>
    new Response(null, {
      status: 302,
      headers: [
        ["location", location],
        ["set-cookie", "a=1; Path=/"],
        ["set-cookie", "b=2; Path=/"],
      ],
    });
  const request = (host: string, init?: RequestInit) =>
    new Request(`http://${host}/api/auth/callback/credentials`, { ...init, headers: { host } });

  it("sends a form post's redirect back to the host the page was opened at, with every cookie", async () => {
    const handler = keepRedirectsOnRequestHost(redirectTo("http://localhost:3000/dashboard"), {
      configuredUrl: configured,
      hostnames,
    });
    const res = await handler(request("127.0.0.1:3000", { method: "POST" }), {});
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("http://127.0.0.1:3000/dashboard");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    const lan = await handler(request("192.168.1.20:3000", { method: "POST" }), {});
    expect(lan.headers.get("location")).toBe("http://192.168.1.20:3000/dashboard");
  });

  it("rewrites the { url } that next-auth/react's signIn and signOut receive", async () => {
    const json = async () =>
      Response.json({ url: "http://localhost:3000/sign-in" }, { headers: { "set-cookie": "c=3" } });
    const handler = keepRedirectsOnRequestHost(json, { configuredUrl: configured, hostnames });
    const res = await handler(request("127.0.0.1:3000", { method: "POST" }), {});
    expect(await res.json()).toEqual({ url: "http://127.0.0.1:3000/sign-in" });
    expect(res.headers.getSetCookie()).toEqual(["c=3"]);
  });

  it("leaves requests to NEXTAUTH_URL itself or to an unknown host untouched", async () => {
    const handler = keepRedirectsOnRequestHost(redirectTo("http://localhost:3000/dashboard"), {
      configuredUrl: configured,
      hostnames,
    });
    expect((await handler(request("localhost:3000"), {})).headers.get("location")).toBe(
      "http://localhost:3000/dashboard",
    );
    expect((await handler(request("evil.example"), {})).headers.get("location")).toBe(
      "http://localhost:3000/dashboard",
    );
  });
});
