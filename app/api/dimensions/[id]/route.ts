// PATCH /api/dimensions/[id] — rename a custom dimension · DELETE — remove one no question uses
import { route } from "@/lib/api/route";
import { deleteCustomDimension, updateCustomDimension } from "@/lib/workspace/queries";
import { dimensionIdParams, updateDimensionSchema } from "@/lib/workspace/schemas";

export const PATCH = route(
  { access: "editor", params: dimensionIdParams, body: updateDimensionSchema },
  async ({ params, body }) => ({
    dimension: await updateCustomDimension({ id: params.id, input: body }),
  }),
);

export const DELETE = route({ access: "editor", params: dimensionIdParams }, async ({ params }) => {
  await deleteCustomDimension({ id: params.id });
  return { ok: true };
});
