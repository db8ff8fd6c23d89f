ALTER TABLE "friction_entries" ADD COLUMN "key_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "friction_entries_key_hash_idx" ON "friction_entries" USING btree ("key_hash");