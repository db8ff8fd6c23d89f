import "server-only";
import { getServerSession } from "next-auth";
import { env } from "@/lib/env";
import { authOptions } from "./options";
import { getUserById, type PublicUser } from "./queries";

// Integration tests call route handlers outside a Next.js request, so they name the user directly.
// Only honoured when NODE_ENV=test (Vitest); a production server never reads it.
const testSeam = globalThis as unknown as { __dxPulseTestUserId?: string | null };
export function setTestUser(id: string | null) {
  if (env.NODE_ENV !== "test") throw new Error("setTestUser is for tests only");
  testSeam.__dxPulseTestUserId = id;
}

/** The signed-in user, re-read from the database so role changes and removals apply at once. */
export async function getCurrentUser(): Promise<PublicUser | null> {
  if (env.NODE_ENV === "test" && testSeam.__dxPulseTestUserId !== undefined) {
    return testSeam.__dxPulseTestUserId ? getUserById({ id: testSeam.__dxPulseTestUserId }) : null;
  }
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return getUserById({ id });
}
