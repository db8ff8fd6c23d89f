// Responses of the people and password endpoints as zod schemas: the OpenAPI document is built from
// them and the integration tests parse every response with them. Never a password hash or token hash.
import { z } from "zod";
import { ROLES } from "@/lib/auth/constants";

const timestamp = z.iso.datetime();

/** `PublicUser` (./queries.ts) as JSON. */
export const userWire = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    deactivatedAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "User" });

export const userListWire = z.object({ users: z.array(userWire) });
export const oneUserWire = z.object({ user: userWire });
/** PATCH with an empty body changes nothing and answers `{}` (user left out). */
export const updatedUserWire = z.object({ user: userWire.optional() });

export const resetLinkWire = z.object({
  path: z.string().meta({
    description: "A path on this site; the owner's browser adds its own origin",
    examples: ["/reset-password/…"],
  }),
  expiresAt: timestamp,
});

export const passwordResetDoneWire = z.object({ ok: z.literal(true), email: z.string() });
