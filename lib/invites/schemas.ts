import { z } from "zod";
import { MAX_LIST_CHARS } from "./email-list";

// One schema per input, shared by the Settings → Teams form and the route handlers.

/** The whole list as pasted or read from a CSV file; saving replaces the team's list. */
export const saveInviteListSchema = z.object({
  text: z.string().max(MAX_LIST_CHARS, "That list is too long for one save; split it by team"),
});
export type SaveInviteListInput = z.infer<typeof saveInviteListSchema>;

export const setInviteOnlySchema = z.object({ inviteOnly: z.boolean() });
export type SetInviteOnlyInput = z.infer<typeof setInviteOnlySchema>;

/** An invite link's token: 256 bits in base64url (43 characters). Anything else opens nothing. */
export const inviteTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Unknown invite link") });
