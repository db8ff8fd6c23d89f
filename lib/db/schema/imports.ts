// Other feedback for the backlog: notes editors write from interviews, shadowing and office hours, or
// import from a support channel. They are not anonymous answers (they may quote people), so only
// signed-in pages show them, like friction entries. Imported survey results need no table of their
// own: they are responses and answers like any other (lib/imports/queries/survey-import.ts).
import { bigserial, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { DEV_LOOPS, NOTE_SOURCES } from "../../imports/constants";
import { teams, users } from "./workspace";

export const noteSourceEnum = pgEnum("note_source", NOTE_SOURCES);
export const devLoopEnum = pgEnum("dev_loop", DEV_LOOPS);

export const feedbackNotes = pgTable(
  "feedback_notes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    text: text("text").notNull(),
    source: noteSourceEnum("source").notNull(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    period: text("period").notNull(),
    loop: devLoopEnum("loop"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("feedback_notes_period_idx").on(t.period)],
);
export type FeedbackNote = typeof feedbackNotes.$inferSelect;
