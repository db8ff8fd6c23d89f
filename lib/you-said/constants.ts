// "You said, we did": what developers read about each published theme. Free of drizzle, so the schema,
// the editor and the public page share these lists.
import type { BacklogStatus } from "@/lib/backlog/constants";

/** The status developers see; an editor sets it per item, apart from the backlog's own working status. */
export const YOU_SAID_STATUSES = ["looking_into_it", "planned", "in_progress", "shipped"] as const;
export type YouSaidStatus = (typeof YOU_SAID_STATUSES)[number];
export const youSaidStatusLabels: Record<YouSaidStatus, string> = {
  looking_into_it: "Looking into it",
  planned: "Planned",
  in_progress: "In progress",
  shipped: "Shipped",
};

/** The public status an item starts with when an editor adds it to the page. */
export function defaultYouSaidStatus(status: BacklogStatus): YouSaidStatus {
  if (status === "done") return "shipped";
  if (status === "in_progress") return "in_progress";
  if (status === "planned") return "planned";
  return "looking_into_it";
}

/** How many themes the public page lists at most (the editors' most mentioned first). */
export const YOU_SAID_MAX_ITEMS = 12;
export const YOU_SAID_TITLE_MAX = 120;
export const YOU_SAID_NOTE_MAX = 600;
