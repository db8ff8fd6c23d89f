import { describe, expect, it } from "vitest";
import { guardedLookup, refusedAddress, refusedWebhookUrl } from "./webhook-target";

describe("webhook targets", () => {
  it("refuses private, link-local and metadata addresses whatever the setting", () => {
    for (const address of ["10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "fd00::1", "fe80::1"])
      expect(refusedAddress(address, true), address).toMatch(/private/);
    expect(refusedAddress("::ffff:10.0.0.1", true)).toMatch(/private/);
    expect(refusedAddress("93.184.216.34", false)).toBeNull();
    expect(refusedAddress("2606:4700::1111", false)).toBeNull();
  });

  it("allows loopback only when the setting does", () => {
    expect(refusedAddress("127.0.0.1", false)).toMatch(/loopback/);
    expect(refusedAddress("::ffff:127.0.0.1", false)).toMatch(/loopback/);
    expect(refusedAddress("127.0.0.1", true)).toBeNull();
    expect(refusedAddress("::1", true)).toBeNull();
    expect(refusedWebhookUrl("http://127.0.0.1:9999/hook", false)).toMatch(/loopback/);
    expect(refusedWebhookUrl("http://[::1]:9999/hook", false)).toMatch(/loopback/);
    expect(refusedWebhookUrl("http://localhost:9999/hook", false)).toMatch(/loopback/);
    expect(refusedWebhookUrl("http://127.0.0.1:9999/hook", true)).toBeNull();
  });

  it("wants a plain http(s) URL without credentials", () => {
    expect(refusedWebhookUrl("https://hooks.example.com/dx", false)).toBeNull();
    expect(refusedWebhookUrl("ftp://example.com/", false)).toMatch(/https/);
    expect(refusedWebhookUrl("not a url", false)).toMatch(/full URL/);
    expect(refusedWebhookUrl("https://user:pw@example.com/", false)).toMatch(/credentials/);
    expect(refusedWebhookUrl("http://10.0.0.5/", true)).toMatch(/private/);
  });

  it("refuses a hostname that resolves to a refused address at connection time", async () => {
    const resolve = (allowLoopback: boolean) =>
      new Promise<string>((done) =>
        guardedLookup(allowLoopback)("localhost", {}, (error, address) =>
          done(error ? error.message : String(address)),
        ),
      );
    expect(await resolve(false)).toMatch(/loopback/);
    expect(await resolve(true)).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
