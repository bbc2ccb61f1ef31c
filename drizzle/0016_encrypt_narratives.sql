DROP INDEX "public_reports_search_idx";--> statement-breakpoint
ALTER TABLE "public_reports" ALTER COLUMN "description" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteers" ALTER COLUMN "name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_sessions" ADD COLUMN "facilitators_enc" text;--> statement-breakpoint
ALTER TABLE "public_reports" ADD COLUMN "description_enc" text;--> statement-breakpoint
ALTER TABLE "public_reports" ADD COLUMN "offer_text_enc" text;--> statement-breakpoint
ALTER TABLE "public_reports" ADD COLUMN "place_text_enc" text;--> statement-breakpoint
ALTER TABLE "public_reports" ADD COLUMN "occurred_text_enc" text;--> statement-breakpoint
ALTER TABLE "public_reports" ADD COLUMN "companies_enc" text;--> statement-breakpoint
ALTER TABLE "public_reports" ADD COLUMN "search_tokens" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "report_events" ADD COLUMN "public_note_enc" text;--> statement-breakpoint
ALTER TABLE "report_events" ADD COLUMN "internal_note_enc" text;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "name_enc" text;--> statement-breakpoint
CREATE INDEX "public_reports_search_tokens_idx" ON "public_reports" USING gin ("search_tokens");