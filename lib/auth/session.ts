import "server-only";
import { getServerSession } from "next-auth";
import { env } from "@/lib/env";
import { authOptions } from "./options";
import { getSessionUser, type PublicUser } from "./queries";

// Integration tests call route handlers outside a Next.js request, so they name the user directly
// (and, to test session invalidation, the session version their "cookie" carries).
// Only honoured when NODE_ENV=test (Vitest); a production server never reads it.
const testSeam = globalThis as unknown as { __dxPulseTestUserId?: string | null; __dxPulseTestSessionVersion?: number };
export function setTestUser(id: string | null, session: { sessionVersion?: number } = {}) {
  if (env.NODE_ENV !== "test") throw new Error("setTestUser is for tests only");
  testSeam.__dxPulseTestUserId = id;
  testSeam.__dxPulseTestSessionVersion = session.sessionVersion;
}

/**
 * The signed-in user, re-read from the database on every request so role changes, deactivation,
 * sign-out and password changes apply at once. Pages (requireUser) and API routes (lib/api/route.ts)
 * both come through here.
 */
export async function getCurrentUser(): Promise<PublicUser | null> {
  if (env.NODE_ENV === "test" && testSeam.__dxPulseTestUserId !== undefined) {
    const id = testSeam.__dxPulseTestUserId;
    return id ? getSessionUser({ id, sessionVersion: testSeam.__dxPulseTestSessionVersion }) : null;
  }
  const session = await getServerSession(authOptions);
  const { id, sv } = (session?.user ?? {}) as { id?: string; sv?: unknown };
  if (!id) return null;
  // A session from before session versions existed carries none and counts as version 0.
  return getSessionUser({ id, sessionVersion: typeof sv === "number" ? sv : 0 });
}
