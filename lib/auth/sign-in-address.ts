// The client address that sign-in attempts are throttled by (never stored beyond the throttle's key).
//
// Which address to believe (the socket, or an entry of X-Forwarded-For behind TRUSTED_PROXY_HOPS
// proxies) is decided in one place, lib/api/client-address.ts. An unknown address is treated as none:
// one shared "unknown" bucket would let a single client slow down everyone's sign-in.
import { clientAddress, UNKNOWN_CLIENT } from "@/lib/api/client-address";

type HeaderValue = string | string[] | undefined | null;
/** A Web Request, or next-auth's `req` in authorize (plain header record). */
export type SignInRequest = { headers?: { get(name: string): string | null } | Record<string, HeaderValue> };

export function signInAddress(source: SignInRequest): string | null {
  if (!source.headers) return null;
  const address = clientAddress({ headers: source.headers });
  return address === UNKNOWN_CLIENT ? null : address;
}
