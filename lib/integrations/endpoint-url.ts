import "server-only";
import { webhookLoopbackAllowed } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { refusedWebhookUrl } from "./webhook-target";

/** A webhook URL the server may send to, or a 422 on the `url` field saying why not. */
export function assertWebhookUrl(url: string | undefined) {
  if (url === undefined) return;
  const refused = refusedWebhookUrl(url, webhookLoopbackAllowed);
  if (refused) throw new AppError("validation", `url: ${refused}`, { url: [refused] });
}
