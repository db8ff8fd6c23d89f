import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { YOU_SAID_STATUSES } from "../../you-said/constants";
import { backlogItems } from "./backlog";
import { users } from "./workspace";

export type { YouSaidStatus } from "../../you-said/constants";
export const youSaidStatusEnum = pgEnum("you_said_status", YOU_SAID_STATUSES);

// A backlog item on the public "You said, we did" page (lib/you-said). Editors write a draft (title, note,
// status) and preview it; "Publish" copies the draft to the published columns, which are all the public
// page reads, so an edit never goes live before it is published again. Kept apart from backlog_items:
// these are words written for developers, not the team's working notes.
export const youSaidItems = pgTable(
  "you_said_items",
  {
    backlogItemId: uuid("backlog_item_id")
      .primaryKey()
      .references(() => backlogItems.id, { onDelete: "cascade" }),
    draftTitle: text("draft_title").notNull(),
    draftNote: text("draft_note").notNull().default(""),
    draftStatus: youSaidStatusEnum("draft_status").notNull(),
    publishedTitle: text("published_title"),
    publishedNote: text("published_note"),
    publishedStatus: youSaidStatusEnum("published_status"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("you_said_items_published_idx").on(t.publishedAt)],
);
export type YouSaidItem = typeof youSaidItems.$inferSelect;
