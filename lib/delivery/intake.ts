import "server-only";
// One webhook delivery, from raw body to stored events: verify first (an unverifiable request is
// refused with 401 and leaves no trace), then take the delivery id and store the normalised events
// in one transaction, so a duplicate delivery stores nothing and a failed one can be retried.
import { readCappedText } from "@/lib/api/capped-body";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { WEBHOOK_MAX_BYTES, type DeliveryProvider } from "./constants";
import { eventCount, type NormalizedEvents } from "./events";
import { githubEvents, normalizeGithub, PayloadError } from "./normalize-github";
import { gitlabEvents, normalizeGitlab } from "./normalize-gitlab";
import { claimDelivery, getDeliveryVerifier, storeDeliveryEvents } from "./queries";
import { verifyGithubSignature, verifyGitlabToken } from "./verify";

export type WebhookReceipt = { stored: number; duplicate: boolean; ignored: boolean };

const refused = () => new AppError("unauthorized", "The delivery could not be verified");

async function verified(provider: DeliveryProvider, sourceId: string, request: Request, body: string) {
  const source = await getDeliveryVerifier({ id: sourceId });
  // An unknown integration answers as a bad signature does, so ids cannot be probed.
  if (!source || source.provider !== provider) return false;
  return provider === "github"
    ? verifyGithubSignature(source.verifier, body, request.headers.get("x-hub-signature-256"))
    : verifyGitlabToken(source.verifier, request.headers.get("x-gitlab-token"));
}

function normalize(provider: DeliveryProvider, request: Request, payload: unknown): NormalizedEvents | null {
  try {
    if (provider === "github") {
      const event = request.headers.get("x-github-event") ?? "";
      return (githubEvents as readonly string[]).includes(event) ? normalizeGithub(event, payload) : null;
    }
    const event = request.headers.get("x-gitlab-event") ?? "";
    return gitlabEvents.includes(event) ? normalizeGitlab(payload) : null;
  } catch (error) {
    if (error instanceof PayloadError) throw new AppError("validation", error.message);
    throw error;
  }
}

function deliveryIdOf(provider: DeliveryProvider, request: Request): string {
  const id =
    provider === "github"
      ? request.headers.get("x-github-delivery")
      : (request.headers.get("x-gitlab-event-uuid") ?? request.headers.get("idempotency-key"));
  if (!id || id.length > 200) throw new AppError("bad_request", "The delivery id header is missing");
  return id;
}

export async function receiveWebhook(
  provider: DeliveryProvider,
  sourceId: string,
  request: Request,
): Promise<WebhookReceipt> {
  const body = await readCappedText(request, WEBHOOK_MAX_BYTES);
  if (!(await verified(provider, sourceId, request, body))) throw refused();
  const deliveryId = deliveryIdOf(provider, request);
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    throw new AppError("bad_request", "The body is not JSON");
  }
  const events = normalize(provider, request, payload);
  if (!events) return { stored: 0, duplicate: false, ignored: true };
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await claimDelivery({ sourceId, deliveryId }, tx))) return { stored: 0, duplicate: true, ignored: false };
    await storeDeliveryEvents(events, tx);
    return { stored: eventCount(events), duplicate: false, ignored: false };
  });
}
