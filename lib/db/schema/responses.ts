import { bigserial, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { questions, surveys } from "./surveys";
import { teams } from "./workspace";

// Anonymity: no user id, IP, user agent, cookie id or precise time — the day of submission at most.
// lib/responses/anonymity.int.test.ts fails if such a column appears.
export const responses = pgTable(
  "responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    submittedOn: date("submitted_on").notNull().defaultNow(),
  },
  (t) => [index("responses_survey_team_idx").on(t.surveyId, t.teamId)],
);
export type Response = typeof responses.$inferSelect;

export const answers = pgTable(
  "answers",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    responseId: uuid("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    // Likert 1–5 or NPS 0–10.
    numberValue: integer("number_value"),
    // Option ids for single and multiple choice.
    choiceValues: text("choice_values").array(),
    textValue: text("text_value"),
  },
  (t) => [
    index("answers_question_idx").on(t.questionId),
    index("answers_response_idx").on(t.responseId),
    // Analytics read answers question by question; covering the join key and both value columns lets
    // PostgreSQL answer NPS, Likert and DORA aggregates from the index alone (scripts/bench/analytics.ts).
    index("answers_question_cover_idx").on(t.questionId, t.responseId, t.numberValue, t.choiceValues),
  ],
);
export type Answer = typeof answers.$inferSelect;

// Idempotency: a retried submission with the same key is stored once. Only a hash of the
// page-generated random key is kept; it identifies a submission, never a person.
export const submissionKeys = pgTable("submission_keys", {
  keyHash: text("key_hash").primaryKey(),
  responseId: uuid("response_id")
    .notNull()
    .references(() => responses.id, { onDelete: "cascade" }),
});

// The always-on friction log: one sentence, optionally tagged with a team.
export const frictionEntries = pgTable(
  "friction_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    period: text("period").notNull(),
    text: text("text").notNull(),
    submittedOn: date("submitted_on").notNull().defaultNow(),
    /** SHA-256 of the page's random key, so a report sent twice (a double click, a retry) is filed once. */
    keyHash: text("key_hash"),
  },
  (t) => [
    index("friction_entries_period_idx").on(t.period),
    uniqueIndex("friction_entries_key_hash_idx").on(t.keyHash),
  ],
);
export type FrictionEntry = typeof frictionEntries.$inferSelect;
