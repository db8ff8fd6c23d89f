// GET /api/dimensions — built-in and custom dimensions · POST /api/dimensions — add a custom dimension
import { json, route } from "@/lib/api/route";
import { builtInDimensions } from "@/lib/surveys/dimensions";
import { createCustomDimension, listCustomDimensions } from "@/lib/workspace/queries";
import { createDimensionSchema } from "@/lib/workspace/schemas";

export const GET = route({ access: "viewer" }, async () => ({
  builtIn: builtInDimensions,
  custom: await listCustomDimensions(),
}));

export const POST = route({ access: "editor", body: createDimensionSchema }, async ({ body }) =>
  json({ dimension: await createCustomDimension({ input: body }) }, 201),
);
