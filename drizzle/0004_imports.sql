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
ALTER TABLE "theme_members" ADD COLUMN "feedback_note_id" bigint;--> statement-breakpoint
ALTER TABLE "feedback_notes" ADD CONSTRAINT "feedback_notes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_notes" ADD CONSTRAINT "feedback_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_notes_period_idx" ON "feedback_notes" USING btree ("period");--> statement-breakpoint
ALTER TABLE "theme_members" ADD CONSTRAINT "theme_members_feedback_note_id_feedback_notes_id_fk" FOREIGN KEY ("feedback_note_id") REFERENCES "public"."feedback_notes"("id") ON DELETE cascade ON UPDATE no action;