// Where webhooks may be sent. A webhook URL is an owner's input that makes the server open
// connections, so it must not reach the machine itself or the private network behind it (databases,
// cloud metadata at 169.254.169.254, admin consoles): literal addresses are checked when the URL is
// saved and again before each delivery, and hostnames are checked on the addresses they resolve to at
// connection time (guardedLookup), so a name that later resolves inward is refused too. Loopback is
// allowed only when WEBHOOK_ALLOW_LOOPBACK says so (by default outside production), for local receivers.
import { BlockList, isIP } from "node:net";
import { lookup, type LookupAddress, type LookupOptions } from "node:dns";

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

const privateNetworks = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  privateNetworks.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  privateNetworks.addSubnet(net, prefix, "ipv6");

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is. */
function unmapped(address: string): { address: string; family: "ipv4" | "ipv6" } | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1], family: "ipv4" };
  const version = isIP(address);
  return version === 4 ? { address, family: "ipv4" } : version === 6 ? { address, family: "ipv6" } : null;
}

/** Why an address may not receive webhooks, or null when it may. */
export function refusedAddress(address: string, allowLoopback: boolean): string | null {
  const ip = unmapped(address);
  if (!ip) return "not an IP address";
  if (loopback.check(ip.address, ip.family))
    return allowLoopback ? null : "this server itself (loopback) is not allowed as a webhook target";
  if (privateNetworks.check(ip.address, ip.family)) return "private and internal network addresses are not allowed";
  return null;
}

/** Why a URL cannot be a webhook endpoint, or null when it can (its hostname is checked again on use). */
export function refusedWebhookUrl(raw: string, allowLoopback: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, e.g. https://hooks.example.com/dx-pulse";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an https:// (or http://) URL";
  if (url.username || url.password) return "Leave credentials out of the URL; deliveries are signed instead";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    const why = refusedAddress(host, allowLoopback);
    return why ? `Not allowed: ${why}` : null;
  }
  if (/^localhost$|\.localhost$/i.test(host) && !allowLoopback)
    return "Not allowed: this server itself (loopback) is not allowed as a webhook target";
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup for http.request that refuses to connect to an address refusedAddress() refuses. */
export function guardedLookup(allowLoopback: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const list = addresses as LookupAddress[];
      const refused = list.map((a) => refusedAddress(a.address, allowLoopback)).find(Boolean);
      if (refused || list.length === 0)
        return callback(Object.assign(new Error(refused ?? "no address"), { code: "EWEBHOOKTARGET" }), "");
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
