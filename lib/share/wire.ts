// Share-link responses as zod schemas, for the OpenAPI document and the integration tests' response check.
import { z } from "zod";
import { SHARE_TARGETS } from "./constants";

export const shareLinkWire = z
  .object({
    id: z.string(),
    target: z.enum(SHARE_TARGETS),
    surveyId: z.string().nullable(),
    surveyTitle: z.string().nullable(),
    includeFreeText: z.boolean().meta({ description: "Whether the shared view shows written answers" }),
    createdByName: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    views: z.number().int().meta({ description: "Page views; nothing about who looked is kept" }),
    state: z.enum(["active", "expired", "revoked"]),
  })
  .meta({ id: "ShareLink" });

export const shareLinkListWire = z.object({ links: z.array(shareLinkWire) });
export const createdShareLinkWire = z.object({
  link: shareLinkWire,
  path: z.string().meta({ description: "The link's path (/share/<token>); shown once, only its hash is stored" }),
});
export const revokedShareLinkWire = z.object({ link: shareLinkWire });
