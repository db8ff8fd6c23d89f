CREATE TYPE "public"."dev_loop" AS ENUM('inner', 'outer');--> statement-breakpoint
CREATE TYPE "public"."note_source" AS ENUM('interview', 'shadowing', 'office_hours', 'support');--> statement-breakpoint
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
ALTER TABLE "theme_members" ADD COLUMN "feedback_note_id" bigint;--> statement-breakpoint
ALTER TABLE "feedback_notes" ADD CONSTRAINT "feedback_notes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_notes" ADD CONSTRAINT "feedback_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_theme_members" ADD CONSTRAINT "sub_theme_members_sub_theme_id_sub_themes_id_fk" FOREIGN KEY ("sub_theme_id") REFERENCES "public"."sub_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_themes" ADD CONSTRAINT "sub_themes_backlog_item_id_backlog_items_id_fk" FOREIGN KEY ("backlog_item_id") REFERENCES "public"."backlog_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_notes_period_idx" ON "feedback_notes" USING btree ("period");--> statement-breakpoint
CREATE INDEX "sub_theme_members_source_idx" ON "sub_theme_members" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "sub_themes_item_idx" ON "sub_themes" USING btree ("backlog_item_id");--> statement-breakpoint
ALTER TABLE "theme_members" ADD CONSTRAINT "theme_members_feedback_note_id_feedback_notes_id_fk" FOREIGN KEY ("feedback_note_id") REFERENCES "public"."feedback_notes"("id") ON DELETE cascade ON UPDATE no action;