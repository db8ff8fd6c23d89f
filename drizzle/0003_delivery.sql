CREATE TYPE "public"."delivery_origin" AS ENUM('github', 'gitlab', 'csv');--> statement-breakpoint
CREATE TYPE "public"."delivery_provider" AS ENUM('github', 'gitlab');--> statement-breakpoint
CREATE TYPE "public"."deployment_status" AS ENUM('pending', 'success', 'failure');--> statement-breakpoint
CREATE TABLE "delivery_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delivery_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"repo" text NOT NULL,
	"sha" text NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"pushed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_deployments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delivery_deployments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"origin" "delivery_origin" NOT NULL,
	"external_id" text NOT NULL,
	"repo" text NOT NULL,
	"environment" text NOT NULL,
	"production" boolean NOT NULL,
	"status" "deployment_status" DEFAULT 'pending' NOT NULL,
	"sha" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"rollback" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_incidents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delivery_incidents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"origin" "delivery_origin" NOT NULL,
	"external_id" text NOT NULL,
	"repo" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"source_updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_receipts" (
	"source_id" uuid NOT NULL,
	"delivery_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_receipts_source_id_delivery_id_pk" PRIMARY KEY("source_id","delivery_id")
);
--> statement-breakpoint
CREATE TABLE "delivery_repo_teams" (
	"repo" text PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" "delivery_provider" NOT NULL,
	"name" text NOT NULL,
	"verifier" text NOT NULL,
	"secret_rotated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "delivery_receipts" ADD CONSTRAINT "delivery_receipts_source_id_delivery_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."delivery_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_repo_teams" ADD CONSTRAINT "delivery_repo_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_changes_repo_sha" ON "delivery_changes" USING btree ("repo","sha");--> statement-breakpoint
CREATE INDEX "delivery_changes_repo_pushed" ON "delivery_changes" USING btree ("repo","pushed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_deployments_external" ON "delivery_deployments" USING btree ("origin","repo","external_id");--> statement-breakpoint
CREATE INDEX "delivery_deployments_prod_started" ON "delivery_deployments" USING btree ("repo","started_at") WHERE "delivery_deployments"."production" and "delivery_deployments"."status" = 'success';--> statement-breakpoint
CREATE INDEX "delivery_deployments_repo_sha" ON "delivery_deployments" USING btree ("repo","sha");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_incidents_external" ON "delivery_incidents" USING btree ("origin","repo","external_id");--> statement-breakpoint
CREATE INDEX "delivery_incidents_repo_opened" ON "delivery_incidents" USING btree ("repo","opened_at");