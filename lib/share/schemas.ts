import { z } from "zod";
import { SHARE_DEFAULT_DAYS, SHARE_MAX_DAYS, SHARE_TARGETS } from "./constants";

/** A new share link, from the Settings form and POST /api/share-links. */
export const createShareLinkSchema = z
  .object({
    target: z.enum(SHARE_TARGETS, "Choose what to share"),
    surveyId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid("Choose a survey").optional()),
    days: z
      .number("Enter a number of days")
      .int("Whole days only")
      .min(1, "At least 1 day")
      .max(SHARE_MAX_DAYS, `At most ${SHARE_MAX_DAYS} days`)
      .default(SHARE_DEFAULT_DAYS),
    includeFreeText: z.boolean("Choose yes or no").default(false),
  })
  .refine((v) => v.target !== "survey" || v.surveyId, { message: "Choose a survey", path: ["surveyId"] });
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

export const shareLinkIdParams = z.object({ id: z.uuid() });
/** Tokens are 43 base64url characters; anything else is not a link. */
export const shareTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Unknown link") });
export const shareSurveyParams = shareTokenParams.extend({ surveyId: z.uuid() });
