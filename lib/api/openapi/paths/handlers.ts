import type { NodeRouteHandler } from "@/lib/api/node-route";

/**
 * Stands in for GET /api/openapi.json's handler, which imports this document: importing it back
 * would make an import cycle.
 */
export const documentHandler = { access: "public" as const };

/** One method of the Pages Router route. */
export const node = (handler: NodeRouteHandler, method: "GET" | "POST") => handler.methods[method]!;
