import { describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER, trustSocketAddressHeaderForTests } from "@/lib/api/client-address";
import { signInAddress } from "./sign-in-address";

describe("signInAddress", () => {
  it("is the recorded peer address, never X-Forwarded-For by default, and none when unknown", () => {
    trustSocketAddressHeaderForTests();
    expect(
      signInAddress(
        new Request("http://x/", { headers: { [SOCKET_ADDRESS_HEADER]: "192.0.2.4", "x-forwarded-for": "6.6.6.6" } }),
      ),
    ).toBe("192.0.2.4");
    // next-auth's authorize gets a plain header record.
    expect(signInAddress({ headers: { [SOCKET_ADDRESS_HEADER]: "2001:db8:1:2::7" } })).toBe("2001:db8:1:2::/64");
    expect(signInAddress({ headers: { "x-forwarded-for": "6.6.6.6" } })).toBeNull();
    expect(signInAddress({})).toBeNull();
  });
});
