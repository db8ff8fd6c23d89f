import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: one person's link, never guessable. */
export const newInviteToken = () => randomBytes(32).toString("base64url");

/** Only this hash is stored: a copy of the database opens no link. */
export const hashInviteToken = (token: string) => createHash("sha256").update(token).digest("hex");
