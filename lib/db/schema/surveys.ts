import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { LINK_KINDS, QUESTION_KINDS, SURVEY_STATUSES } from "../../surveys/constants";
import { teams, users } from "./workspace";

export type { LinkKind, QuestionKind, SurveyStatus } from "../../surveys/constants";
export const surveyStatusEnum = pgEnum("survey_status", SURVEY_STATUSES);
export const questionKindEnum = pgEnum("question_kind", QUESTION_KINDS);

export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    // Quarter such as 2026-Q3; sorts lexicographically.
    period: text("period").notNull(),
    status: surveyStatusEnum("status").notNull().default("draft"),
    intro: text("intro").notNull().default(""),
    opensOn: date("opens_on"),
    closesOn: date("closes_on"),
    template: text("template"),
    copiedFromSurveyId: uuid("copied_from_survey_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("surveys_period_format", sql`${t.period} ~ '^[0-9]{4}-Q[1-4]$'`),
    index("surveys_period_idx").on(t.period),
  ],
);
export type Survey = typeof surveys.$inferSelect;

export type ChoiceOption = { id: string; label: string };

export const questions = pgTable(
  "questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    // Stable identity across quarters: trends join questions by key, not by wording.
    key: text("key").notNull(),
    position: integer("position").notNull(),
    kind: questionKindEnum("kind").notNull(),
    prompt: text("prompt").notNull(),
    helpText: text("help_text").notNull().default(""),
    required: boolean("required").notNull().default(false),
    dimension: text("dimension"),
    options: jsonb("options").$type<ChoiceOption[]>(),
    maxLength: integer("max_length"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("questions_survey_key").on(t.surveyId, t.key), index("questions_key_idx").on(t.key)],
);
export type Question = typeof questions.$inferSelect;

// Wording of a kept question key may change between quarters; the change is recorded.
export const questionWordingChanges = pgTable("question_wording_changes", {
  id: uuid("id").primaryKey().defaultRandom(),
  questionId: uuid("question_id")
    .notNull()
    .references(() => questions.id, { onDelete: "cascade" }),
  previousPrompt: text("previous_prompt").notNull(),
  newPrompt: text("new_prompt").notNull(),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});
export type QuestionWordingChange = typeof questionWordingChanges.$inferSelect;

export const linkKindEnum = pgEnum("link_kind", LINK_KINDS);

// A public link carries a survey (or the friction log) and optionally a team segment — nothing else.
export const surveyLinks = pgTable(
  "survey_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    token: text("token").notNull().unique(),
    kind: linkKindEnum("kind").notNull().default("survey"),
    surveyId: uuid("survey_id").references(() => surveys.id, { onDelete: "cascade" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("survey_links_survey_idx").on(t.surveyId)],
);
export type SurveyLink = typeof surveyLinks.$inferSelect;
