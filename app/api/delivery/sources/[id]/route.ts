// DELETE /api/delivery/sources/[id] — remove an integration; its events stay
import { route } from "@/lib/api/route";
import { deleteDeliverySource } from "@/lib/delivery/queries";
import { sourceIdParams } from "@/lib/delivery/schemas";

export const DELETE = route({ access: "editor", params: sourceIdParams }, async ({ params }) => {
  await deleteDeliverySource(params);
  return { ok: true };
});
