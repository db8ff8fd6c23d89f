CREATE TYPE "public"."plan_measure" AS ENUM('dimension', 'question', 'journey_step', 'timing');--> statement-breakpoint
CREATE TYPE "public"."target_metric" AS ENUM('nps', 'dimension', 'dora', 'timing');--> statement-breakpoint
CREATE TABLE "backlog_plans" (
	"backlog_item_id" uuid PRIMARY KEY NOT NULL,
	"target_quarter" text NOT NULL,
	"measure_kind" "plan_measure",
	"measure_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"metric" "target_metric" NOT NULL,
	"metric_key" text DEFAULT '' NOT NULL,
	"team_id" uuid,
	"goal" double precision NOT NULL,
	"due" text NOT NULL,
	"baseline_period" text,
	"baseline_value" double precision,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "backlog_plans" ADD CONSTRAINT "backlog_plans_backlog_item_id_backlog_items_id_fk" FOREIGN KEY ("backlog_item_id") REFERENCES "public"."backlog_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backlog_plans_quarter_idx" ON "backlog_plans" USING btree ("target_quarter");--> statement-breakpoint
CREATE INDEX "targets_metric_idx" ON "targets" USING btree ("metric","metric_key");