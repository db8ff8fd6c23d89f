// GET /api/audit — the audit log of edits that can move published figures, newest first (owner)
import { route } from "@/lib/api/route";
import { listAuditEntries } from "@/lib/audit/queries";
import { auditQuerySchema } from "@/lib/audit/schemas";

export const GET = route({ access: "owner", query: auditQuerySchema }, async ({ query }) =>
  listAuditEntries({ offset: query.offset ?? 0 }),
);
