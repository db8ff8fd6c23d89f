import { describe, expect, it } from "vitest";
import {
  clientAddress,
  pickClientAddress,
  SOCKET_ADDRESS_HEADER,
  throttleKey,
  trustSocketAddressHeaderForTests,
  UNKNOWN_CLIENT,
} from "./client-address";

describe("pickClientAddress", () => {
  it("ignores X-Forwarded-For entirely with no trusted proxy", () => {
    expect(pickClientAddress({ socket: "192.0.2.1", forwardedFor: "203.0.113.9", hops: 0 })).toBe("192.0.2.1");
    expect(pickClientAddress({ socket: null, forwardedFor: "203.0.113.9", hops: 0 })).toBe(UNKNOWN_CLIENT);
  });

  it("takes the Nth address from the right behind N proxies", () => {
    const forwardedFor = "6.6.6.6, 198.51.100.4, 10.0.0.2";
    expect(pickClientAddress({ socket: "10.0.0.3", forwardedFor, hops: 1 })).toBe("10.0.0.2");
    expect(pickClientAddress({ socket: "10.0.0.3", forwardedFor, hops: 2 })).toBe("198.51.100.4");
    // A shorter chain than configured: the leftmost entry, then the peer.
    expect(pickClientAddress({ socket: "10.0.0.3", forwardedFor: "198.51.100.4", hops: 2 })).toBe("198.51.100.4");
    expect(pickClientAddress({ socket: "10.0.0.3", forwardedFor: null, hops: 1 })).toBe("10.0.0.3");
  });
});

describe("throttleKey", () => {
  it("keeps IPv4, drops ports and IPv4-mapped prefixes", () => {
    expect(throttleKey("192.0.2.1")).toBe("192.0.2.1");
    expect(throttleKey("192.0.2.1:5555")).toBe("192.0.2.1");
    expect(throttleKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
  });

  it("collapses IPv6 to its /64, however it is written", () => {
    expect(throttleKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(throttleKey("2001:0db8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(throttleKey("[2001:db8:1:2::9]:443")).toBe("2001:db8:1:2::/64");
    expect(throttleKey("::1")).toBe("0:0:0:0::/64");
  });

  it("bounds junk", () => {
    expect(throttleKey("x".repeat(500))).toHaveLength("other:".length + 64);
    expect(throttleKey(UNKNOWN_CLIENT)).toBe(UNKNOWN_CLIENT);
  });
});

describe("clientAddress", () => {
  it("reads a Web Request, Node-style header records and next-auth's plain headers", () => {
    trustSocketAddressHeaderForTests();
    const web = new Request("http://x/", {
      headers: { [SOCKET_ADDRESS_HEADER]: "192.0.2.7", "x-forwarded-for": "6.6.6.6" },
    });
    expect(clientAddress(web, 0)).toBe("192.0.2.7");
    expect(clientAddress(web, 1)).toBe("6.6.6.6");
    expect(
      clientAddress({ headers: { "x-forwarded-for": "6.6.6.6" }, socket: { remoteAddress: "192.0.2.8" } }, 0),
    ).toBe("192.0.2.8");
    expect(clientAddress({ headers: { "x-forwarded-for": ["1.1.1.1", "2.2.2.2"] } }, 1)).toBe("2.2.2.2");
    expect(clientAddress({ headers: {} }, 0)).toBe(UNKNOWN_CLIENT);
  });
});
