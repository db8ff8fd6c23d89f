import "server-only";
import { forbidden, redirect } from "next/navigation";
import { countUsers, type PublicUser } from "./queries";
import { hasRole } from "./roles";
import { getCurrentUser } from "./session";
import type { Role } from "@/lib/auth/constants";

/** For server pages: sends visitors to sign-in (or first-run setup) and wrong roles to a 403 page. */
export async function requireUser(role: Role = "viewer"): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect((await countUsers()) === 0 ? "/setup" : "/sign-in");
  if (!hasRole(user.role, role)) forbidden();
  return user;
}
