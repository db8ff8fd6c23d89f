import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { SHARE_TARGETS } from "../../share/constants";
import { surveys } from "./surveys";
import { users } from "./workspace";

export const shareTargetEnum = pgEnum("share_target", SHARE_TARGETS);

// Read-only links to the overview or one survey's results. Only a SHA-256 of the token is stored; a
// view adds one to a counter and records nothing about the visitor (no IP, no user agent, no time).
export const shareLinks = pgTable(
  "share_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    target: shareTargetEnum("target").notNull(),
    surveyId: uuid("survey_id").references(() => surveys.id, { onDelete: "cascade" }),
    includeFreeText: boolean("include_free_text").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** The creator's name as the shared page says it, kept if the person is later removed. */
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    views: integer("views").notNull().default(0),
  },
  (t) => [index("share_links_created_idx").on(t.createdAt)],
);
export type ShareLink = typeof shareLinks.$inferSelect;
