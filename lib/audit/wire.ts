// GET /api/audit's response as a zod schema (`AuditPage` of ./queries.ts, as JSON), for the OpenAPI
// document and the integration tests that parse responses with it.
import { z } from "zod";

export const auditPageWire = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      at: z.iso.datetime(),
      actorEmail: z.string(),
      action: z.string().meta({ description: "One of the actions in lib/audit/actions.ts" }),
      subject: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  offset: z.number().int(),
  pageSize: z.number().int(),
  nextOffset: z.number().int().nullable().meta({ description: "null on the last page" }),
});
