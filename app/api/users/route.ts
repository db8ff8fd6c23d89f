// GET /api/users — list accounts · POST /api/users — add an account (owner only)
import { json, route } from "@/lib/api/route";
import { createUser, listUsers } from "@/lib/auth/queries";
import { createUserSchema } from "@/lib/auth/schemas";

export const GET = route({ access: "owner" }, async () => ({ users: await listUsers() }));

export const POST = route({ access: "owner", body: createUserSchema }, async ({ body }) =>
  json({ user: await createUser(body) }, 201),
);
