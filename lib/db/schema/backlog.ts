import {
  bigint,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { BACKLOG_STATUSES, EFFORTS } from "../../backlog/constants";
import { feedbackNotes } from "./imports";
import { answers, frictionEntries } from "./responses";

export type { BacklogStatus, Effort } from "../../backlog/constants";
export const effortEnum = pgEnum("effort", EFFORTS);
export const backlogStatusEnum = pgEnum("backlog_status", BACKLOG_STATUSES);

// A backlog item is a curated theme: its PM-owned fields survive re-clustering, which re-attaches
// fresh clusters to the item they overlap most (lib/backlog).
export const backlogItems = pgTable(
  "backlog_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // What the themes were built from: "survey:<id>", "periods:2026-Q1..2026-Q4" or "friction".
    scope: text("scope").notNull(),
    label: text("label").notNull(),
    // A PM's rename wins over the generated label.
    customLabel: text("custom_label"),
    terms: text("terms").array().notNull().default([]),
    effort: effortEnum("effort"),
    status: backlogStatusEnum("status").notNull().default("new"),
    owner: text("owner").notNull().default(""),
    notes: text("notes").notNull().default(""),
    // Set when a PM merged this item into another; kept so re-clustering can follow the merge.
    mergedIntoId: uuid("merged_into_id"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("backlog_items_scope_idx").on(t.scope)],
);
export type BacklogItem = typeof backlogItems.$inferSelect;

// Which free-text answers (or friction entries) belong to which item. `pinned` marks a PM's manual move.
export const themeMembers = pgTable(
  "theme_members",
  {
    backlogItemId: uuid("backlog_item_id")
      .notNull()
      .references(() => backlogItems.id, { onDelete: "cascade" }),
    sourceId: text("source_id").notNull(), // "a:<answer id>", "f:<friction entry id>" or "n:<feedback note id>"
    answerId: bigint("answer_id", { mode: "number" }).references(() => answers.id, { onDelete: "cascade" }),
    frictionEntryId: bigint("friction_entry_id", { mode: "number" }).references(() => frictionEntries.id, {
      onDelete: "cascade",
    }),
    feedbackNoteId: bigint("feedback_note_id", { mode: "number" }).references(() => feedbackNotes.id, {
      onDelete: "cascade",
    }),
    similarity: real("similarity").notNull().default(0),
    pinned: integer("pinned").notNull().default(0),
    // Sentiment of the text in [-1, 1], scored when the member was attached (impact uses it).
    sentiment: real("sentiment").notNull().default(0),
    // 1..3 for the clustering's representative quotes (quoted first), null for the rest.
    representativeRank: integer("representative_rank"),
    // The id the API shows for this quote: answer and friction ids are sequential (a submission-order clock).
    publicId: uuid("public_id").notNull().defaultRandom(),
  },
  (t) => [
    primaryKey({ columns: [t.backlogItemId, t.sourceId] }),
    index("theme_members_source_idx").on(t.sourceId),
    uniqueIndex("theme_members_public_id").on(t.publicId),
  ],
);
export type ThemeMember = typeof themeMembers.$inferSelect;

// The respondents behind an item's published figures (mentioner NPS, Likert, counts). Curation moves
// members at once, but the published figures follow only when the membership has changed by at least
// k respondents since this release, so a move-and-compare never isolates fewer than k people.
export const themeReleases = pgTable(
  "theme_releases",
  {
    backlogItemId: uuid("backlog_item_id")
      .notNull()
      .references(() => backlogItems.id, { onDelete: "cascade" }),
    // 0 is the current release; 1, 2, … the earlier ones in order. A new release is compared with all
    // of them, since anyone may have seen any of them.
    version: integer("version").notNull().default(0),
    // "r:<response id>" or "f:<friction entry id>", as the backlog's population names respondents.
    respondent: text("respondent").notNull(),
  },
  (t) => [primaryKey({ columns: [t.backlogItemId, t.version, t.respondent] })],
);

// One row per "Analyse answers": which k was asked for and which the clustering chose, shown in the UI.
export const backlogRuns = pgTable(
  "backlog_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scope: text("scope").notNull(),
    requestedK: integer("requested_k"),
    chosenK: integer("chosen_k").notNull(),
    textCount: integer("text_count").notNull().default(0),
    itemsMatched: integer("items_matched").notNull().default(0),
    itemsCreated: integer("items_created").notNull().default(0),
    itemsRemoved: integer("items_removed").notNull().default(0),
    ranAt: timestamp("ran_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("backlog_runs_scope_idx").on(t.scope, t.ranAt)],
);
export type BacklogRun = typeof backlogRuns.$inferSelect;
