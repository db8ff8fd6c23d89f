// Which address a request comes from, for rate limits and sign-in throttling only (never stored).
//
// X-Forwarded-For is written by whoever sends the request, so it is believed only as far as the
// operator says proxies of their own append to it: TRUSTED_PROXY_HOPS=N takes the Nth address from
// the right (the one the outermost trusted proxy saw), and the default 0 ignores the header and uses
// the TCP peer. Next.js does not hand the peer address to App Router handlers (a Web Request has no
// socket, and Next only fills X-Forwarded-For with it when the client sent none), so the server's
// front door (lib/api/front-door.ts) copies it into SOCKET_ADDRESS_HEADER as each request arrives,
// overwriting anything a client sent under that name. Without the front door there is no trustworthy
// address, and every such request shares one bucket, UNKNOWN_CLIENT.
import { isIP } from "node:net";
import { env } from "@/lib/env";

export const SOCKET_ADDRESS_HEADER = "x-dx-pulse-socket-address";
export const UNKNOWN_CLIENT = "unknown";

type HeaderValue = string | string[] | undefined | null;
type HeaderSource = { get(name: string): string | null } | Record<string, HeaderValue>;
/** A Web Request, Node's IncomingMessage, or anything with headers (next-auth's `req` in authorize). */
export type AddressSource = { headers: HeaderSource; socket?: { remoteAddress?: string } | null };

const hook = globalThis as unknown as { __dxpSocketAddressHeader?: "recorded" | "test" };

/** Called by the front door once it writes SOCKET_ADDRESS_HEADER on every request of this process. */
export function markSocketAddressHeaderRecorded() {
  hook.__dxpSocketAddressHeader = "recorded";
}

/** Tests call handlers without a server: the header they set stands for the socket address. */
export function trustSocketAddressHeaderForTests() {
  hook.__dxpSocketAddressHeader ??= "test";
}

/**
 * The client's address as a throttling key: IPv4, or an IPv6 /64 prefix (one subscriber holds a
 * whole /64, so single IPv6 addresses would be free to rotate).
 */
export function clientAddress(source: AddressSource, hops: number = env.TRUSTED_PROXY_HOPS): string {
  const recorded = hook.__dxpSocketAddressHeader ? headerOf(source.headers, SOCKET_ADDRESS_HEADER) : null;
  const socket = recorded || source.socket?.remoteAddress || null;
  return throttleKey(pickClientAddress({ socket, forwardedFor: headerOf(source.headers, "x-forwarded-for"), hops }));
}

/**
 * The address to believe: with no trusted proxy, the peer; with N, the Nth entry of X-Forwarded-For
 * counted from the right. When the header has fewer entries than that, the request did not pass every
 * proxy, so the leftmost entry (or the peer) is as close as we can get; it is still one client's.
 */
export function pickClientAddress({
  socket,
  forwardedFor,
  hops,
}: {
  socket: string | null;
  forwardedFor: string | null;
  hops: number;
}): string {
  if (hops <= 0) return socket || UNKNOWN_CLIENT;
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const fromRight = chain.reverse();
  const picked = fromRight[Math.min(hops, fromRight.length) - 1];
  return picked || socket || UNKNOWN_CLIENT;
}

export function throttleKey(address: string): string {
  let plain = address.trim();
  // "[2001:db8::1]:443" and "192.0.2.1:8080" (some proxies add the port)
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(plain);
  if (bracketed) plain = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(plain)) plain = plain.replace(/:\d+$/, "");
  plain = plain.replace(/%.*$/, ""); // zone index (fe80::1%eth0)
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(plain);
  if (mapped) plain = mapped[1];
  const version = isIP(plain);
  if (version === 4) return plain;
  if (version === 6) return `${ipv6Groups(plain).slice(0, 4).join(":")}::/64`;
  // Not an address (a misconfigured proxy): a bounded key, so junk cannot grow the limiter's memory.
  return plain === UNKNOWN_CLIENT ? UNKNOWN_CLIENT : `other:${plain.slice(0, 64)}`;
}

function ipv6Groups(address: string): string[] {
  let text = address.toLowerCase();
  // An embedded IPv4 tail (::ffff:… was handled above; 64:ff9b::1.2.3.4 and the like) as two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) =>
    String(parseInt(group, 16).toString(16)),
  );
}

function headerOf(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === "function")
    return (headers as { get(name: string): string | null }).get(name);
  const value =
    (headers as Record<string, HeaderValue>)[name] ?? (headers as Record<string, HeaderValue>)[name.toLowerCase()];
  if (Array.isArray(value)) return value.join(", ");
  return value ?? null;
}
