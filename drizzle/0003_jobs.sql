CREATE TABLE "job_progress" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_events_emitted" (
	"survey_id" uuid NOT NULL,
	"event" text NOT NULL,
	CONSTRAINT "survey_events_emitted_survey_id_event_pk" PRIMARY KEY("survey_id","event")
);
--> statement-breakpoint
ALTER TABLE "survey_events_emitted" ADD CONSTRAINT "survey_events_emitted_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;