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
ALTER TABLE "sub_theme_members" ADD CONSTRAINT "sub_theme_members_sub_theme_id_sub_themes_id_fk" FOREIGN KEY ("sub_theme_id") REFERENCES "public"."sub_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_themes" ADD CONSTRAINT "sub_themes_backlog_item_id_backlog_items_id_fk" FOREIGN KEY ("backlog_item_id") REFERENCES "public"."backlog_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sub_theme_members_source_idx" ON "sub_theme_members" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "sub_themes_item_idx" ON "sub_themes" USING btree ("backlog_item_id");