import { networkInterfaces } from "node:os";

// `next dev` serves its scripts and hot reload only to pages opened at localhost (or at the host
// given with -H); opened at 127.0.0.1 or at the "Network" address it prints, the page never
// hydrates. These are the hosts a developer may type, for next.config.ts's allowedDevOrigins and
// for keeping sign-in redirects on the host the page was opened at (lib/auth/dev-redirects.ts).

type Interfaces = ReturnType<typeof networkInterfaces>;

/** localhost, 127.0.0.1, NEXTAUTH_URL's host and this machine's LAN IPv4 addresses, lower-case. */
export function devServerHostnames(
  configuredUrl: string | undefined,
  interfaces: Interfaces = networkInterfaces(),
): string[] {
  const hosts = new Set(["localhost", "127.0.0.1"]);
  if (configuredUrl) hosts.add(new URL(configuredUrl).hostname.toLowerCase());
  for (const addresses of Object.values(interfaces)) {
    for (const address of addresses ?? []) {
      if (address.family === "IPv4" && !address.internal) hosts.add(address.address);
    }
  }
  return [...hosts];
}
