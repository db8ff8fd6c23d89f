// POST /api/friction/[token] — report one sentence of friction (public, anonymous)
import { clientAddress } from "@/lib/api/client-address";
import { json, route } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { announceFrictionCreated } from "@/lib/integrations/announce";
import { addFrictionEntry, getFrictionLink } from "@/lib/responses/queries";
import { takeSubmissionSlot } from "@/lib/responses/submit";
import { frictionSchema } from "@/lib/responses/submission-schema";
import { tokenParams } from "@/lib/surveys/schemas";

export const POST = route(
  { access: "public", params: tokenParams, body: frictionSchema, maxBodyBytes: 8 * 1024 },
  async ({ params, body, request }) => {
    takeSubmissionSlot(`friction:${params.token}`, clientAddress(request));
    const link = await getFrictionLink({ token: params.token });
    if (!link) throw new AppError("not_found", "This friction-log link does not exist");
    const entry = await addFrictionEntry({ teamId: link.teamId, text: body.text, idempotencyKey: body.idempotencyKey });
    if (!entry.duplicate) await announceFrictionCreated({ teamId: link.teamId, period: entry.period });
    return json({ ok: true, period: entry.period, duplicate: entry.duplicate }, entry.duplicate ? 200 : 201);
  },
);
