// Distribution-list responses as zod schemas, for the OpenAPI document and the integration tests' response check.
import { z } from "zod";

export const inviteListWire = z
  .object({
    teamId: z.string(),
    inviteOnly: z.boolean().meta({
      description: "When true, the team's open survey links stop working: its people answer through their invitations",
    }),
    emails: z.array(z.string()).meta({ description: "The list, sorted case-insensitively" }),
    people: z.number().int(),
  })
  .meta({ id: "InviteList" });

export const inviteListResponseWire = z.object({ list: inviteListWire });
export const savedInviteListWire = z.object({
  list: inviteListWire,
  duplicates: z.number().int().meta({ description: "Lines naming an address already on the list, merged" }),
  summary: z.string().meta({ examples: ["42 people, 3 duplicates merged"] }),
});
