import type { NodeRouteHandler } from "@/lib/api/node-route";

/** Handlers that do not go through route() (health, sign-in, this document): public, nothing parsed. */
export const publicHandler = { access: "public" as const };

/** One method of the Pages Router route. */
export const node = (handler: NodeRouteHandler, method: "GET" | "POST") => handler.methods[method]!;
