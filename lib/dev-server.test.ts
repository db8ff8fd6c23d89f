import { describe, expect, it } from "vitest";
import { devServerHostnames } from "./dev-server";

const ipv4 = (address: string, internal = false) => ({
  address,
  family: "IPv4" as const,
  internal,
  netmask: "255.255.255.0",
  mac: "00:00:00:00:00:00",
  cidr: null,
});
const ipv6 = (address: string) => ({
  address,
  family: "IPv6" as const,
  internal: false,
  netmask: "ffff::",
  mac: "00:00:00:00:00:00",
  cidr: null,
  scopeid: 0,
});

describe("devServerHostnames", () => {
  it("lists localhost, 127.0.0.1, NEXTAUTH_URL's host and the LAN IPv4 addresses that next dev prints", () => {
    const interfaces = {
      lo: [ipv4("127.0.0.1", true)],
      eth0: [ipv4("192.168.1.20"), ipv6("fd00::2")],
      wlan0: [ipv4("10.0.0.7")],
    };
    expect(devServerHostnames("https://DX.Example.com:8443/app", interfaces)).toEqual([
      "localhost",
      "127.0.0.1",
      "dx.example.com",
      "192.168.1.20",
      "10.0.0.7",
    ]);
  });

  it("works without NEXTAUTH_URL and without a network", () => {
    expect(devServerHostnames(undefined, {})).toEqual(["localhost", "127.0.0.1"]);
  });
});
