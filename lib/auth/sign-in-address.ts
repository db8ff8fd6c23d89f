// The client address that sign-in attempts are throttled by (never stored beyond the throttle's key).
//
// Which address to believe (the socket, or an entry of X-Forwarded-For behind TRUSTED_PROXY_HOPS
// proxies) is decided in one place, lib/api/client-address.ts, which is being added in parallel with
// this module. Until it lands this returns null and sign-in is throttled per account only; the
// next step is `return known(clientAddress(source))`. An unknown address is treated as none: one
// shared "unknown" bucket would let a single client slow down everyone's sign-in.
type HeaderValue = string | string[] | undefined | null;
/** A Web Request, or next-auth's `req` in authorize (plain header record). */
export type SignInRequest = { headers?: { get(name: string): string | null } | Record<string, HeaderValue> };

export function signInAddress(_source: SignInRequest): string | null {
  return null;
}
