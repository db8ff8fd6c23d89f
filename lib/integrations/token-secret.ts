// API token secrets. A token is 32 random bytes (256 bits) behind a recognisable "dxp_" prefix, and only
// its SHA-256 is stored. Not bcrypt or scrypt: those slow hashes exist because passwords are guessable,
// and their cost buys time against guessing. Nobody guesses 256 random bits, so a fast hash is as safe,
// and it lets each request find its token by an indexed equality on the hash, instead of paying ~100 ms
// of bcrypt on every API call (which would also hand anyone with a bad token a cheap way to burn CPU).
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "dxp_";
/** How much of a token is kept in the clear to tell tokens apart ("dxp_AbC123…"). */
const SHOWN_CHARACTERS = TOKEN_PREFIX.length + 6;

export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, SHOWN_CHARACTERS) };
}

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The token of an `Authorization: Bearer …` header; null when the request has no Authorization header
 * (a session request), "" when it has one that is not a usable bearer token (refused as unauthorised).
 */
export function bearerTokenOf(authorization: string | null): string | null {
  if (authorization === null) return null;
  const match = /^Bearer[ ]+([A-Za-z0-9_-]{1,200})[ ]*$/i.exec(authorization);
  return match ? match[1] : "";
}
