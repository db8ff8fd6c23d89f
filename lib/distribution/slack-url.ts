// Slack incoming webhook URLs: what is accepted, and how one is shown back (never whole: the URL is
// the credential that lets anyone post to the channel).
import { isIP } from "node:net";
import { refusedWebhookUrl } from "@/lib/integrations/webhook-target";

const SLACK_PATH = /^\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+$/;

const isLoopbackHost = (host: string) =>
  /^localhost$/i.test(host) || (isIP(host) === 4 && host.startsWith("127.")) || host === "::1";

/** Why a URL cannot be a Slack channel, or null. Loopback receivers only where the server allows them (tests). */
export function refusedSlackUrl(raw: string, allowLoopback: boolean): string | null {
  const refused = refusedWebhookUrl(raw, allowLoopback);
  if (refused) return refused;
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (allowLoopback && isLoopbackHost(host)) return null;
  if (url.protocol !== "https:" || host !== "hooks.slack.com" || !SLACK_PATH.test(url.pathname))
    return "Paste the channel's incoming webhook URL from Slack: https://hooks.slack.com/services/T…/B…/…";
  return null;
}

/** "https://hooks.slack.com/services/…Xy12": enough to tell channels apart, not enough to post. */
export function maskSlackUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const tail = raw.slice(-4);
    return `${url.protocol}//${url.host}${url.pathname.startsWith("/services/") ? "/services/" : "/"}…${tail}`;
  } catch {
    return "…";
  }
}
