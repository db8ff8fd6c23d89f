// GET /api/delivery/sources — webhook integrations (never their secrets) · POST — add one; its secret is answered once
import { json, route } from "@/lib/api/route";
import { createDeliverySource, listDeliverySources } from "@/lib/delivery/queries";
import { createSourceSchema } from "@/lib/delivery/schemas";

export const GET = route({ access: "editor" }, async () => ({ sources: await listDeliverySources() }));

export const POST = route({ access: "editor", body: createSourceSchema }, async ({ body }) =>
  json(await createDeliverySource(body), 201),
);
