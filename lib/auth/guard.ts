import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { REQUESTED_PATH_HEADER, signInPathFor } from "./callback-url";
import { countUsers, type PublicUser } from "./queries";
import { hasRole } from "./roles";
import { getCurrentUser } from "./session";
import type { Role } from "@/lib/auth/constants";

/**
 * For server pages: sends visitors to sign-in (or first-run setup) and wrong roles to a 403 page.
 * Sign-in returns to the page asked for, which proxy.ts passes in a request header.
 */
export async function requireUser(role: Role = "viewer"): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) {
    if ((await countUsers()) === 0) redirect("/setup");
    redirect(signInPathFor((await headers()).get(REQUESTED_PATH_HEADER)));
  }
  if (!hasRole(user.role, role)) forbidden();
  return user;
}
