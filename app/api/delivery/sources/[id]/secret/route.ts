// POST /api/delivery/sources/[id]/secret — a new secret for an integration, answered once; the old one stops working
import { route } from "@/lib/api/route";
import { regenerateDeliverySecret } from "@/lib/delivery/queries";
import { sourceIdParams } from "@/lib/delivery/schemas";

export const POST = route({ access: "editor", params: sourceIdParams }, ({ params }) =>
  regenerateDeliverySecret(params),
);
