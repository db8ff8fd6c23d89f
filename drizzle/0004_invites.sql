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
ALTER TABLE "invite_list_members" ADD CONSTRAINT "invite_list_members_team_id_invite_lists_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."invite_lists"("team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invite_lists" ADD CONSTRAINT "invite_lists_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invites" ADD CONSTRAINT "survey_invites_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invites" ADD CONSTRAINT "survey_invites_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invite_list_members_team_email" ON "invite_list_members" USING btree ("team_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invites_survey_team_email" ON "survey_invites" USING btree ("survey_id","team_id",lower("email"));--> statement-breakpoint
CREATE INDEX "survey_invites_survey_idx" ON "survey_invites" USING btree ("survey_id");