CREATE TYPE "public"."dev_loop" AS ENUM('inner', 'outer');--> statement-breakpoint
CREATE TYPE "public"."note_source" AS ENUM('interview', 'shadowing', 'office_hours', 'support');--> statement-breakpoint
CREATE TYPE "public"."distribution_channel" AS ENUM('email', 'slack');--> statement-breakpoint
CREATE TYPE "public"."distribution_delivery_status" AS ENUM('pending', 'sent', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."distribution_message_kind" AS ENUM('announce', 'remind', 'summary', 'draft_notice');--> statement-breakpoint
CREATE TYPE "public"."distribution_message_status" AS ENUM('scheduled', 'sending', 'sent', 'retrying', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."series_cadence" AS ENUM('quarterly');--> statement-breakpoint
CREATE TYPE "public"."plan_measure" AS ENUM('dimension', 'question', 'journey_step', 'timing');--> statement-breakpoint
CREATE TYPE "public"."target_metric" AS ENUM('nps', 'dimension', 'dora', 'timing');--> statement-breakpoint
CREATE TABLE "feedback_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"source" "note_source" NOT NULL,
	"team_id" uuid,
	"period" text NOT NULL,
	"loop" "dev_loop",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sub_theme_members" (
	"sub_theme_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"representative_rank" integer,
	CONSTRAINT "sub_theme_members_sub_theme_id_source_id_pk" PRIMARY KEY("sub_theme_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "sub_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"backlog_item_id" uuid NOT NULL,
	"label" text NOT NULL,
	"custom_label" text,
	"terms" text[] DEFAULT '{}' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invite_list_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"email" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invite_lists" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"invite_only" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text,
	"used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_invites_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "distribution_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"recipient_key" text NOT NULL,
	"team_id" uuid,
	"address" text,
	"status" "distribution_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"sending_since" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "distribution_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"kind" "distribution_message_kind" NOT NULL,
	"channel" "distribution_channel" NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"send_after" timestamp with time zone,
	"status" "distribution_message_status" DEFAULT 'scheduled' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"recipients_ready" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "series_surveys" (
	"series_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"period" text NOT NULL,
	"drafted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "series_surveys_survey_id_unique" UNIQUE("survey_id")
);
--> statement-breakpoint
CREATE TABLE "slack_channels" (
	"key" text PRIMARY KEY NOT NULL,
	"team_id" uuid,
	"url" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cadence" "series_cadence" DEFAULT 'quarterly' NOT NULL,
	"team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"email" boolean DEFAULT true NOT NULL,
	"slack" boolean DEFAULT false NOT NULL,
	"open_days" integer DEFAULT 14 NOT NULL,
	"remind_days_before_close" integer DEFAULT 3 NOT NULL,
	"draft_days_before" integer DEFAULT 14 NOT NULL,
	"last_survey_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "theme_members" ADD COLUMN "feedback_note_id" bigint;--> statement-breakpoint
ALTER TABLE "feedback_notes" ADD CONSTRAINT "feedback_notes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_notes" ADD CONSTRAINT "feedback_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_theme_members" ADD CONSTRAINT "sub_theme_members_sub_theme_id_sub_themes_id_fk" FOREIGN KEY ("sub_theme_id") REFERENCES "public"."sub_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_themes" ADD CONSTRAINT "sub_themes_backlog_item_id_backlog_items_id_fk" FOREIGN KEY ("backlog_item_id") REFERENCES "public"."backlog_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_list_members" ADD CONSTRAINT "invite_list_members_team_id_invite_lists_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."invite_lists"("team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_lists" ADD CONSTRAINT "invite_lists_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invites" ADD CONSTRAINT "survey_invites_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invites" ADD CONSTRAINT "survey_invites_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_deliveries" ADD CONSTRAINT "distribution_deliveries_message_id_distribution_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."distribution_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_messages" ADD CONSTRAINT "distribution_messages_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_surveys" ADD CONSTRAINT "series_surveys_series_id_survey_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."survey_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_surveys" ADD CONSTRAINT "series_surveys_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_channels" ADD CONSTRAINT "slack_channels_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_series" ADD CONSTRAINT "survey_series_last_survey_id_surveys_id_fk" FOREIGN KEY ("last_survey_id") REFERENCES "public"."surveys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_series" ADD CONSTRAINT "survey_series_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_plans" ADD CONSTRAINT "backlog_plans_backlog_item_id_backlog_items_id_fk" FOREIGN KEY ("backlog_item_id") REFERENCES "public"."backlog_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_notes_period_idx" ON "feedback_notes" USING btree ("period");--> statement-breakpoint
CREATE INDEX "sub_theme_members_source_idx" ON "sub_theme_members" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "sub_themes_item_idx" ON "sub_themes" USING btree ("backlog_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invite_list_members_team_email" ON "invite_list_members" USING btree ("team_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invites_survey_team_email" ON "survey_invites" USING btree ("survey_id","team_id",lower("email"));--> statement-breakpoint
CREATE INDEX "survey_invites_survey_idx" ON "survey_invites" USING btree ("survey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "distribution_deliveries_key" ON "distribution_deliveries" USING btree ("message_id","recipient_key");--> statement-breakpoint
CREATE UNIQUE INDEX "distribution_messages_key" ON "distribution_messages" USING btree ("survey_id","kind","channel","round");--> statement-breakpoint
CREATE INDEX "distribution_messages_survey" ON "distribution_messages" USING btree ("survey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "series_surveys_series_period" ON "series_surveys" USING btree ("series_id","period");--> statement-breakpoint
CREATE INDEX "backlog_plans_quarter_idx" ON "backlog_plans" USING btree ("target_quarter");--> statement-breakpoint
CREATE INDEX "targets_metric_idx" ON "targets" USING btree ("metric","metric_key");--> statement-breakpoint
ALTER TABLE "theme_members" ADD CONSTRAINT "theme_members_feedback_note_id_feedback_notes_id_fk" FOREIGN KEY ("feedback_note_id") REFERENCES "public"."feedback_notes"("id") ON DELETE cascade ON UPDATE no action;