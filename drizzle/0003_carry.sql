CREATE TABLE "backlog_carries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"item_id" uuid,
	"from_item_id" uuid,
	"from_scope" text NOT NULL,
	"from_ran_at" timestamp with time zone NOT NULL,
	"via" text NOT NULL,
	"merged" boolean DEFAULT false NOT NULL,
	"carried_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "backlog_dashboard" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"scope" text NOT NULL,
	"chosen_by" uuid,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "backlog_dashboard_singleton" CHECK ("backlog_dashboard"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "backlog_carries" ADD CONSTRAINT "backlog_carries_item_id_backlog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."backlog_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_carries" ADD CONSTRAINT "backlog_carries_from_item_id_backlog_items_id_fk" FOREIGN KEY ("from_item_id") REFERENCES "public"."backlog_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_dashboard" ADD CONSTRAINT "backlog_dashboard_chosen_by_users_id_fk" FOREIGN KEY ("chosen_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backlog_carries_scope_idx" ON "backlog_carries" USING btree ("scope");--> statement-breakpoint
CREATE INDEX "backlog_carries_item_idx" ON "backlog_carries" USING btree ("item_id");