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
ALTER TABLE "theme_members" ADD COLUMN "sentiment" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "theme_members" ADD COLUMN "representative_rank" integer;--> statement-breakpoint
CREATE INDEX "backlog_runs_scope_idx" ON "backlog_runs" USING btree ("scope","ran_at");