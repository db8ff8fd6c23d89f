import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhookBody, verifyWebhookSignature, webhookBody } from "./webhook-payload";

describe("webhook bodies and signatures", () => {
  it("wraps data as { id, event, createdAt, data }", () => {
    const { eventId, body } = webhookBody("survey.opened", { survey: { id: "s" } }, new Date("2026-11-28T10:00:00Z"));
    expect(JSON.parse(body)).toEqual({
      id: eventId,
      event: "survey.opened",
      createdAt: "2026-11-28T10:00:00.000Z",
      data: { survey: { id: "s" } },
    });
  });

  it("keeps the time of friction events to the day, like the entry itself", () => {
    const { body } = webhookBody("friction.created", {}, new Date("2026-11-28T14:03:22Z"));
    expect(JSON.parse(body).createdAt).toBe("2026-11-28T00:00:00.000Z");
  });

  it("signs the raw body with HMAC-SHA256 as GitHub-style sha256=<hex>", () => {
    const secret = generateWebhookSecret();
    const body = '{"a":"é"}';
    const hex = createHmac("sha256", secret).update(Buffer.from(body, "utf8")).digest("hex");
    expect(signWebhookBody(body, secret)).toBe(`sha256=${hex}`);
    expect(verifyWebhookSignature(Buffer.from(body), secret, `sha256=${hex}`)).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(body + " "), secret, `sha256=${hex}`)).toBe(false);
    expect(verifyWebhookSignature(Buffer.from(body), "whsec_other", `sha256=${hex}`)).toBe(false);
    expect(verifyWebhookSignature(Buffer.from(body), secret, undefined)).toBe(false);
  });
});
