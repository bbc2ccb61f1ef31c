CREATE TABLE "periodic_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" uuid,
	"pdf_file" text NOT NULL,
	"pdf_key_enc" text NOT NULL,
	"pdf_sha256" text NOT NULL,
	"pdf_size" integer NOT NULL,
	"xlsx_file" text NOT NULL,
	"xlsx_key_enc" text NOT NULL,
	"xlsx_sha256" text NOT NULL,
	"xlsx_size" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "periodic_reports_period_uq" ON "periodic_reports" USING btree ("tenant","kind","period");