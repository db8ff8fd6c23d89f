import { z } from "zod";
import { userText } from "@/lib/text/display-safe";
import { API_TOKEN_SCOPES, WEBHOOK_EVENTS } from "./constants";

export const idParams = z.object({ id: z.uuid() });

export const createApiTokenSchema = z.object({
  name: userText({ error: "Name the token" })
    .min(1, "Name the token, e.g. after the script that uses it")
    .max(80, "Keep the name under 80 characters"),
  scope: z.enum(API_TOKEN_SCOPES, { error: "Choose read or read-write" }),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

// Whether the address may be reached depends on the server's settings; the handler checks that
// (lib/integrations/webhook-target.ts) and answers with a field error on `url`.
const webhookFields = z.object({
  url: z.string().trim().min(1, "Enter the URL that receives the events").max(2000, "Use a shorter URL"),
  description: userText().max(200, "Keep the description under 200 characters"),
  events: z
    .array(z.enum(WEBHOOK_EVENTS), { error: "Choose at least one event" })
    .min(1, "Choose at least one event")
    .max(WEBHOOK_EVENTS.length)
    .transform((events) => [...new Set(events)]),
  enabled: z.boolean(),
});
export const createWebhookSchema = webhookFields.extend({
  description: webhookFields.shape.description.default(""),
  enabled: z.boolean().default(true),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = webhookFields
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one field");

export const deliveriesQuerySchema = z.object({ endpointId: z.uuid().optional() });
