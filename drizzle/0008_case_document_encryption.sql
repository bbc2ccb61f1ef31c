ALTER TABLE "case_documents" ADD COLUMN "file_key_enc" text;--> statement-breakpoint
ALTER TABLE "case_documents" ADD COLUMN "content_mac" text;--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_live_mac_uq" ON "case_documents" USING btree ("case_id","content_mac") WHERE deleted_at IS NULL;