import "server-only";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "./options";
import type { SignedInUser } from "./sign-in";

/**
 * A Set-Cookie header carrying a fresh next-auth session for `user`, for the two places that sign
 * someone in outside next-auth's own endpoints: the plain form post (app/api/sign-in) and a password
 * change, which ends every older session but keeps the one that made the change.
 */
export async function sessionSetCookie(user: SignedInUser): Promise<string> {
  const token = { name: user.name, email: user.email, sub: user.id, sv: user.sessionVersion };
  const value = await encode({ token, secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
  const { name, options } = sessionCookie;
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${SESSION_MAX_AGE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}
