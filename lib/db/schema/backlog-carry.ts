import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./workspace";
import { backlogItems } from "./backlog";

// Curation carried into a new scope (lib/backlog/carry.ts): which earlier theme an item took its name,
// status, owner, effort, notes and merge from, so the page can say so and an editor can undo it. An
// undone carry stays (item_id cleared once the item goes) so the next analysis does not carry it again.
export const backlogCarries = pgTable(
  "backlog_carries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The scope the curation was carried into.
    scope: text("scope").notNull(),
    itemId: uuid("item_id").references(() => backlogItems.id, { onDelete: "set null" }),
    fromItemId: uuid("from_item_id").references(() => backlogItems.id, { onDelete: "set null" }),
    fromScope: text("from_scope").notNull(),
    // When the scope carried from was last analysed, as the page names it ("analysed 12 Oct").
    fromRanAt: timestamp("from_ran_at", { withTimezone: true }).notNull(),
    // "answers" (shared answers) or "terms" (no shared answers: similar terms).
    via: text("via").notNull(),
    // The merge into another carried theme was carried too.
    merged: boolean("merged").notNull().default(false),
    carriedAt: timestamp("carried_at", { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
  },
  (t) => [index("backlog_carries_scope_idx").on(t.scope), index("backlog_carries_item_idx").on(t.itemId)],
);
export type BacklogCarry = typeof backlogCarries.$inferSelect;

// The backlog the dashboard shows, picked by an editor (single row). Without a row the dashboard shows
// the widest range of quarters analysed (lib/backlog/dashboard-scope.ts).
export const backlogDashboard = pgTable(
  "backlog_dashboard",
  {
    id: integer("id").primaryKey().default(1),
    scope: text("scope").notNull(),
    chosenBy: uuid("chosen_by").references(() => users.id, { onDelete: "set null" }),
    chosenAt: timestamp("chosen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("backlog_dashboard_singleton", sql`${t.id} = 1`)],
);
