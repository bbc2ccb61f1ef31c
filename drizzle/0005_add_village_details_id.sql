ALTER TABLE "village_details" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "village_details_id_uq" ON "village_details" USING btree ("id");