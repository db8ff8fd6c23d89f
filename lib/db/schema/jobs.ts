import { integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { surveys } from "./surveys";

// The jobs themselves live in pg-boss's own schema (`pgboss`, created and migrated by pg-boss at
// start-up, next to drizzle's `public`); these tables hold what pg-boss does not.

// How far a running job has got, written by the job as it goes (lib/jobs/progress.ts). pg-boss's rows
// are not updated while a job runs, so the stage lives here, keyed by pg-boss's job id.
export const jobProgress = pgTable("job_progress", {
  jobId: uuid("job_id").primaryKey(),
  stage: text("stage").notNull(),
  percent: integer("percent").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// A survey's opened/closed events, recorded in the transaction that emits them, so retries, duplicate
// jobs and several instances emit each one once (lib/surveys/transitions.ts).
export const surveyEventsEmitted = pgTable(
  "survey_events_emitted",
  {
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.event] })],
);
