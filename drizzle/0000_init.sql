CREATE TYPE "public"."role" AS ENUM('owner', 'editor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."link_kind" AS ENUM('survey', 'friction');--> statement-breakpoint
CREATE TYPE "public"."question_kind" AS ENUM('likert', 'nps', 'single_choice', 'multiple_choice', 'free_text');--> statement-breakpoint
CREATE TYPE "public"."survey_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."backlog_status" AS ENUM('new', 'planned', 'in_progress', 'done', 'wont_do');--> statement-breakpoint
CREATE TYPE "public"."effort" AS ENUM('S', 'M', 'L');--> statement-breakpoint
CREATE TYPE "public"."journey_path" AS ENUM('current', 'golden');--> statement-breakpoint
CREATE TYPE "public"."step_link_status" AS ENUM('suggested', 'accepted', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."load_type" AS ENUM('intrinsic', 'extraneous', 'germane');--> statement-breakpoint
CREATE TYPE "public"."pain" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."step_outcome" AS ENUM('kept', 'eliminated', 'automated', 'abstracted');--> statement-breakpoint
CREATE TABLE "custom_dimensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_dimensions_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "team_platform_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"effective_period" text NOT NULL,
	"on_platform" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"headcount" integer DEFAULT 0 NOT NULL,
	"on_platform" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_headcount_nonneg" CHECK ("teams"."headcount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "workspace_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text DEFAULT 'My engineering org' NOT NULL,
	"anonymity_threshold" integer DEFAULT 5 NOT NULL,
	"frequency_threshold" real DEFAULT 0.1 NOT NULL,
	"impact_threshold" real DEFAULT 0.5 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_settings_singleton" CHECK ("workspace_settings"."id" = 1),
	CONSTRAINT "workspace_settings_k_range" CHECK ("workspace_settings"."anonymity_threshold" between 3 and 100)
);
--> statement-breakpoint
CREATE TABLE "question_wording_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"previous_prompt" text NOT NULL,
	"new_prompt" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"kind" "question_kind" NOT NULL,
	"prompt" text NOT NULL,
	"help_text" text DEFAULT '' NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"dimension" text,
	"options" jsonb,
	"max_length" integer,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token" text NOT NULL,
	"kind" "link_kind" DEFAULT 'survey' NOT NULL,
	"survey_id" uuid,
	"team_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_links_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"period" text NOT NULL,
	"status" "survey_status" DEFAULT 'draft' NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"template" text,
	"copied_from_survey_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_period_format" CHECK ("surveys"."period" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
CREATE TABLE "answers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"number_value" integer,
	"choice_values" text[],
	"text_value" text
);
--> statement-breakpoint
CREATE TABLE "friction_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" uuid,
	"period" text NOT NULL,
	"text" text NOT NULL,
	"submitted_on" date DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"team_id" uuid,
	"submitted_on" date DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submission_keys" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"response_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backlog_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"label" text NOT NULL,
	"custom_label" text,
	"terms" text[] DEFAULT '{}' NOT NULL,
	"effort" "effort",
	"status" "backlog_status" DEFAULT 'new' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"merged_into_id" uuid,
	"status_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backlog_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"requested_k" integer,
	"chosen_k" integer NOT NULL,
	"text_count" integer DEFAULT 0 NOT NULL,
	"items_matched" integer DEFAULT 0 NOT NULL,
	"items_created" integer DEFAULT 0 NOT NULL,
	"items_removed" integer DEFAULT 0 NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_members" (
	"backlog_item_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"answer_id" bigint,
	"friction_entry_id" bigint,
	"similarity" real DEFAULT 0 NOT NULL,
	"pinned" integer DEFAULT 0 NOT NULL,
	"sentiment" real DEFAULT 0 NOT NULL,
	"representative_rank" integer,
	CONSTRAINT "theme_members_backlog_item_id_source_id_pk" PRIMARY KEY("backlog_item_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "baseline_workflows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"target_minutes" real NOT NULL,
	"built_in" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "baseline_workflows_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "journey_maps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"workflow" text DEFAULT '' NOT NULL,
	"persona" text DEFAULT '' NOT NULL,
	"maturity_now" integer DEFAULT 0 NOT NULL,
	"maturity_target" integer DEFAULT 3 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_maps_maturity_now" CHECK ("journey_maps"."maturity_now" between 0 and 4),
	CONSTRAINT "journey_maps_maturity_target" CHECK ("journey_maps"."maturity_target" between 0 and 4)
);
--> statement-breakpoint
CREATE TABLE "journey_step_themes" (
	"step_id" uuid NOT NULL,
	"backlog_item_id" uuid NOT NULL,
	"status" "step_link_status" DEFAULT 'accepted' NOT NULL,
	CONSTRAINT "journey_step_themes_step_id_backlog_item_id_pk" PRIMARY KEY("step_id","backlog_item_id")
);
--> statement-breakpoint
CREATE TABLE "journey_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"map_id" uuid NOT NULL,
	"path" "journey_path" NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"minutes" real DEFAULT 0 NOT NULL,
	"pain" "pain" DEFAULT 'low' NOT NULL,
	"load_type" "load_type" DEFAULT 'intrinsic' NOT NULL,
	"load_level" integer DEFAULT 1 NOT NULL,
	"tools" integer DEFAULT 0 NOT NULL,
	"concepts" integer DEFAULT 0 NOT NULL,
	"config_files" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"dashboards" integer DEFAULT 0 NOT NULL,
	"docs" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"counterpart_step_id" uuid,
	"outcome" "step_outcome",
	CONSTRAINT "journey_steps_minutes_nonneg" CHECK ("journey_steps"."minutes" >= 0),
	CONSTRAINT "journey_steps_load_level" CHECK ("journey_steps"."load_level" between 1 and 5),
	CONSTRAINT "journey_steps_counts_nonneg" CHECK (least("journey_steps"."tools", "journey_steps"."concepts", "journey_steps"."config_files", "journey_steps"."people", "journey_steps"."dashboards", "journey_steps"."docs") >= 0)
);
--> statement-breakpoint
CREATE TABLE "workflow_timings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workflow_id" uuid NOT NULL,
	"period" text NOT NULL,
	"measurements_minutes" real[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "workflow_timings_count" CHECK (cardinality("workflow_timings"."measurements_minutes") between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "team_platform_changes" ADD CONSTRAINT "team_platform_changes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_wording_changes" ADD CONSTRAINT "question_wording_changes_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "friction_entries" ADD CONSTRAINT "friction_entries_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_keys" ADD CONSTRAINT "submission_keys_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_members" ADD CONSTRAINT "theme_members_backlog_item_id_backlog_items_id_fk" FOREIGN KEY ("backlog_item_id") REFERENCES "public"."backlog_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_members" ADD CONSTRAINT "theme_members_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_members" ADD CONSTRAINT "theme_members_friction_entry_id_friction_entries_id_fk" FOREIGN KEY ("friction_entry_id") REFERENCES "public"."friction_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_step_themes" ADD CONSTRAINT "journey_step_themes_step_id_journey_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."journey_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_step_themes" ADD CONSTRAINT "journey_step_themes_backlog_item_id_backlog_items_id_fk" FOREIGN KEY ("backlog_item_id") REFERENCES "public"."backlog_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_steps" ADD CONSTRAINT "journey_steps_map_id_journey_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."journey_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_timings" ADD CONSTRAINT "workflow_timings_workflow_id_baseline_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."baseline_workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "team_platform_changes_team_period" ON "team_platform_changes" USING btree ("team_id","effective_period");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_name_unique" ON "teams" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "questions_survey_key" ON "questions" USING btree ("survey_id","key");--> statement-breakpoint
CREATE INDEX "questions_key_idx" ON "questions" USING btree ("key");--> statement-breakpoint
CREATE INDEX "survey_links_survey_idx" ON "survey_links" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "surveys_period_idx" ON "surveys" USING btree ("period");--> statement-breakpoint
CREATE INDEX "answers_question_idx" ON "answers" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "answers_response_idx" ON "answers" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "answers_question_cover_idx" ON "answers" USING btree ("question_id","response_id","number_value","choice_values");--> statement-breakpoint
CREATE INDEX "friction_entries_period_idx" ON "friction_entries" USING btree ("period");--> statement-breakpoint
CREATE INDEX "responses_survey_team_idx" ON "responses" USING btree ("survey_id","team_id");--> statement-breakpoint
CREATE INDEX "backlog_items_scope_idx" ON "backlog_items" USING btree ("scope");--> statement-breakpoint
CREATE INDEX "backlog_runs_scope_idx" ON "backlog_runs" USING btree ("scope","ran_at");--> statement-breakpoint
CREATE INDEX "theme_members_source_idx" ON "theme_members" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "journey_steps_map_idx" ON "journey_steps" USING btree ("map_id","path","position");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_timings_workflow_period" ON "workflow_timings" USING btree ("workflow_id","period");