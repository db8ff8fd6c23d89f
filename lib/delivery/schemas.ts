// Inputs of the delivery routes, shared by the settings forms and the handlers.
import { z } from "zod";
import { periodSchema } from "@/lib/period";
import { userText } from "@/lib/text/display-safe";
import { CSV_IMPORT_MAX_BYTES, deliveryProviders } from "./constants";

export const createSourceSchema = z.object({
  provider: z.enum(deliveryProviders, { error: "Choose GitHub or GitLab" }),
  name: userText({ error: "Name the integration" })
    .min(1, "Name the integration")
    .max(80, "Keep the name under 80 characters"),
});
export type CreateSourceInput = z.infer<typeof createSourceSchema>;

export const sourceIdParams = z.object({ id: z.uuid("Unknown integration") });
export const webhookParams = z.object({ sourceId: z.uuid("Unknown integration") });

export const mapRepoSchema = z.object({
  repo: userText({ error: "Name the repository" })
    .min(1, "Name the repository")
    .max(200)
    .transform((r) => r.toLowerCase()),
  teamId: z.uuid("Choose a team").nullable(),
});
export type MapRepoInput = z.infer<typeof mapRepoSchema>;

export const csvImportSchema = z.object({
  csv: z.string().min(1, "Choose a CSV file").max(CSV_IMPORT_MAX_BYTES, "The file is too large"),
  /** false: check and preview only; true: store every row, or none if any row has an error. */
  commit: z.boolean().default(false),
});

export const deliveryKeysQuery = z.object({ from: periodSchema.optional(), to: periodSchema.optional() });
