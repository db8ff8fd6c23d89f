// GET /api/delivery/keys — the DORA four keys measured from events, per team and quarter, with their bands
import { route } from "@/lib/api/route";
import { getDeliveryKeys } from "@/lib/delivery/queries";
import { deliveryKeysQuery } from "@/lib/delivery/schemas";

export const GET = route({ access: "viewer", query: deliveryKeysQuery }, ({ query }) => getDeliveryKeys(query));
