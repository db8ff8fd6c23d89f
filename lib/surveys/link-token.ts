import { randomBytes } from "node:crypto";

/** 96 random bits, URL-safe: unguessable, and it carries nothing but itself. */
export const newLinkToken = () => randomBytes(12).toString("base64url");
