CREATE TYPE "public"."you_said_status" AS ENUM('looking_into_it', 'planned', 'in_progress', 'shipped');--> statement-breakpoint
CREATE TABLE "you_said_items" (
	"backlog_item_id" uuid PRIMARY KEY NOT NULL,
	"draft_title" text NOT NULL,
	"draft_note" text DEFAULT '' NOT NULL,
	"draft_status" "you_said_status" NOT NULL,
	"published_title" text,
	"published_note" text,
	"published_status" "you_said_status",
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "you_said_items" ADD CONSTRAINT "you_said_items_backlog_item_id_backlog_items_id_fk" FOREIGN KEY ("backlog_item_id") REFERENCES "public"."backlog_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "you_said_items" ADD CONSTRAINT "you_said_items_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "you_said_items_published_idx" ON "you_said_items" USING btree ("published_at");