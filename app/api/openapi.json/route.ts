// GET /api/openapi.json — the OpenAPI 3.1 description of every API operation (lib/api/openapi)
import { json, route } from "@/lib/api/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = route({ access: "public" }, async () =>
  json((cached ??= buildOpenApiDocument()), 200, { "Cache-Control": "public, max-age=300" }),
);
