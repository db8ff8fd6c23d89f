import "server-only";
// Posting to Slack incoming webhooks (@slack/webhook) over a fetch of our own that connects only to
// addresses lib/integrations/webhook-target.ts allows (checked at connection time) and follows no
// redirect. Failures become a short sentence of our own, never Slack's reply.
import http from "node:http";
import https from "node:https";
import { IncomingWebhook, type FetchFunction } from "@slack/webhook";
import { webhookLoopbackAllowed } from "@/lib/env";
import { guardedLookup } from "@/lib/integrations/webhook-target";
import { refusedSlackUrl } from "./slack-url";

const TIMEOUT_MS = 10_000;

export class SlackError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "SlackError";
  }
}

const guardedFetch: FetchFunction = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === "https:" ? https : http;
    const body = typeof init?.body === "string" ? init.body : "";
    const request = client.request(
      target,
      {
        method: init?.method ?? "POST",
        agent: false,
        timeout: TIMEOUT_MS,
        lookup: guardedLookup(webhookLoopbackAllowed) as never,
        headers: { ...init?.headers, "Content-Length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("error", reject);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8").slice(0, 2000);
          const status = response.statusCode ?? 0;
          const headers = new Headers();
          resolve({
            ok: status >= 200 && status < 300,
            status,
            statusText: response.statusMessage ?? "",
            url: target.toString(),
            headers,
            text: async () => text,
            json: async () => JSON.parse(text),
            arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
          });
        });
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    request.on("error", reject);
    request.end(body);
  });

/** Posts `text` (mrkdwn) to an incoming webhook; throws SlackError with a plain reason. */
export async function postToSlack(url: string, text: string): Promise<void> {
  const refused = refusedSlackUrl(url, webhookLoopbackAllowed);
  if (refused) throw new SlackError(`The Slack URL is not allowed: ${refused}`);
  try {
    await new IncomingWebhook(url, { fetch: guardedFetch, timeout: TIMEOUT_MS }).send({ text });
  } catch (error) {
    throw new SlackError(describeSlackError(error));
  }
}

export function describeSlackError(error: unknown): string {
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === "number") {
    if (status === 404 || status === 410 || status === 403)
      return `Slack answered HTTP ${status}: the webhook URL was removed or is wrong`;
    return `Slack answered HTTP ${status}`;
  }
  const original = (error as { original?: { code?: string; cause?: { code?: string } } })?.original;
  const code = original?.code ?? original?.cause?.code;
  if (code === "ECONNREFUSED") return "Slack could not be reached (connection refused)";
  if (code === "ETIMEDOUT" || (original as { name?: string })?.name === "TimeoutError")
    return "Slack did not answer in time";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "Slack's host could not be found";
  if (code === "EWEBHOOKTARGET") return "The Slack URL points at an address that is not allowed";
  return "Slack could not be reached";
}
