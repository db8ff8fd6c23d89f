import { sql } from "drizzle-orm";
import {
  check,
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
import { JOURNEY_PATHS, LINK_STATUSES, LOAD_TYPES, PAINS, STEP_OUTCOMES } from "../../journeys/constants";
import { backlogItems } from "./backlog";

export const journeyPathEnum = pgEnum("journey_path", JOURNEY_PATHS);
export const painEnum = pgEnum("pain", PAINS);
export const loadTypeEnum = pgEnum("load_type", LOAD_TYPES);
export const stepOutcomeEnum = pgEnum("step_outcome", STEP_OUTCOMES);

export const journeyMaps = pgTable(
  "journey_maps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    workflow: text("workflow").notNull().default(""),
    persona: text("persona").notNull().default(""),
    // Self-service maturity 0 manual ticket … 4 automated.
    maturityNow: integer("maturity_now").notNull().default(0),
    maturityTarget: integer("maturity_target").notNull().default(3),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("journey_maps_maturity_now", sql`${t.maturityNow} between 0 and 4`),
    check("journey_maps_maturity_target", sql`${t.maturityTarget} between 0 and 4`),
  ],
);
export type JourneyMap = typeof journeyMaps.$inferSelect;

export const journeySteps = pgTable(
  "journey_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mapId: uuid("map_id")
      .notNull()
      .references(() => journeyMaps.id, { onDelete: "cascade" }),
    path: journeyPathEnum("path").notNull(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    minutes: real("minutes").notNull().default(0),
    pain: painEnum("pain").notNull().default("low"),
    loadType: loadTypeEnum("load_type").notNull().default("intrinsic"),
    loadLevel: integer("load_level").notNull().default(1),
    tools: integer("tools").notNull().default(0),
    concepts: integer("concepts").notNull().default(0),
    configFiles: integer("config_files").notNull().default(0),
    people: integer("people").notNull().default(0),
    dashboards: integer("dashboards").notNull().default(0),
    docs: integer("docs").notNull().default(0),
    notes: text("notes").notNull().default(""),
    // Golden-path steps record what happened to their current-path counterpart.
    counterpartStepId: uuid("counterpart_step_id"),
    outcome: stepOutcomeEnum("outcome"),
  },
  (t) => [
    index("journey_steps_map_idx").on(t.mapId, t.path, t.position),
    check("journey_steps_minutes_nonneg", sql`${t.minutes} >= 0`),
    check("journey_steps_load_level", sql`${t.loadLevel} between 1 and 5`),
    check(
      "journey_steps_counts_nonneg",
      sql`least(${t.tools}, ${t.concepts}, ${t.configFiles}, ${t.people}, ${t.dashboards}, ${t.docs}) >= 0`,
    ),
  ],
);
export type JourneyStep = typeof journeySteps.$inferSelect;

export const linkStatusEnum = pgEnum("step_link_status", LINK_STATUSES);

// Evidence: a step linked to the backlog theme developers complained about.
export const journeyStepThemes = pgTable(
  "journey_step_themes",
  {
    stepId: uuid("step_id")
      .notNull()
      .references(() => journeySteps.id, { onDelete: "cascade" }),
    backlogItemId: uuid("backlog_item_id")
      .notNull()
      .references(() => backlogItems.id, { onDelete: "cascade" }),
    status: linkStatusEnum("status").notNull().default("accepted"),
  },
  (t) => [primaryKey({ columns: [t.stepId, t.backlogItemId] })],
);

// Baseline workflow timings: critical workflows timed up to three times per quarter; the median is kept.
export const baselineWorkflows = pgTable("baseline_workflows", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  targetMinutes: real("target_minutes").notNull(),
  builtIn: integer("built_in").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type BaselineWorkflow = typeof baselineWorkflows.$inferSelect;

export const workflowTimings = pgTable(
  "workflow_timings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workflowId: uuid("workflow_id")
      .notNull()
      .references(() => baselineWorkflows.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    measurementsMinutes: real("measurements_minutes").array().notNull(),
    notes: text("notes").notNull().default(""),
  },
  (t) => [
    uniqueIndex("workflow_timings_workflow_period").on(t.workflowId, t.period),
    check("workflow_timings_count", sql`cardinality(${t.measurementsMinutes}) between 1 and 3`),
  ],
);
export type WorkflowTiming = typeof workflowTimings.$inferSelect;
