import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { getUserById, type PublicUser } from "./queries";

/** The signed-in user, re-read from the database so role changes and removals apply at once. */
export async function getCurrentUser(): Promise<PublicUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return getUserById({ id });
}
