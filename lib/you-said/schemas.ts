import { z } from "zod";
import { displaySafe, userText } from "@/lib/text/display-safe";
import { YOU_SAID_NOTE_MAX, YOU_SAID_STATUSES, YOU_SAID_TITLE_MAX } from "./constants";

export const youSaidItemParamsSchema = z.object({ id: z.uuid() });

/** An editor's draft of what developers read about one theme (the form and PUT /api/you-said/items/{id}). */
export const youSaidDraftSchema = z.object({
  title: userText({ error: "Give the theme a title" })
    .min(1, "Give the theme a title")
    .max(YOU_SAID_TITLE_MAX, `Keep the title under ${YOU_SAID_TITLE_MAX} characters`),
  note: z
    .string()
    .overwrite(displaySafe)
    .trim()
    .max(YOU_SAID_NOTE_MAX, `Keep the note under ${YOU_SAID_NOTE_MAX} characters`),
  status: z.enum(YOU_SAID_STATUSES, { error: "Pick a status from the list" }),
});
export type YouSaidDraftInput = z.infer<typeof youSaidDraftSchema>;
