import { doublePrecision, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { PLAN_MEASURES, TARGET_METRICS } from "../../targets/constants";
import { backlogItems } from "./backlog";
import { teams, users } from "./workspace";

export const targetMetricEnum = pgEnum("target_metric", TARGET_METRICS);
export const planMeasureEnum = pgEnum("plan_measure", PLAN_MEASURES);

// A target on one figure: platform NPS, a dimension, a DORA band (overall or one team's) or a workflow
// timing. The baseline is the latest closed quarter's value when the target was set; lib/targets/status.ts
// reads progress against it.
export const targets = pgTable(
  "targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    metric: targetMetricEnum("metric").notNull(),
    // Dimension key, DORA metric key ("" for the overall band), workflow id; "" for NPS.
    metricKey: text("metric_key").notNull().default(""),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    goal: doublePrecision("goal").notNull(),
    due: text("due").notNull(),
    // Null when no closed quarter had a shown value at the time: the target reads "no data" until one does.
    baselinePeriod: text("baseline_period"),
    baselineValue: doublePrecision("baseline_value"),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("targets_metric_idx").on(t.metric, t.metricKey)],
);
export type Target = typeof targets.$inferSelect;

// An action plan for one backlog item: when it should land and how success is measured. Kept beside
// backlog_items (keyed by its id) rather than in it; the item's owner and effort stay on the item.
export const backlogPlans = pgTable(
  "backlog_plans",
  {
    backlogItemId: uuid("backlog_item_id")
      .primaryKey()
      .references(() => backlogItems.id, { onDelete: "cascade" }),
    targetQuarter: text("target_quarter").notNull(),
    measureKind: planMeasureEnum("measure_kind"),
    // Dimension key, question key, journey step id or workflow id.
    measureKey: text("measure_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("backlog_plans_quarter_idx").on(t.targetQuarter)],
);
export type BacklogPlan = typeof backlogPlans.$inferSelect;
