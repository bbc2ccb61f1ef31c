CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"resource_type" text,
	"resource_id" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"email_status" text DEFAULT 'none' NOT NULL,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "public_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"tracking_code" text NOT NULL,
	"submission_hash" text NOT NULL,
	"pin_hash" text NOT NULL,
	"pin_failures" integer DEFAULT 0 NOT NULL,
	"pin_locked_until" timestamp with time zone,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"offer_text" text,
	"region_code" text,
	"kecamatan_code" text,
	"place_text" text,
	"occurred_on" text,
	"occurred_text" text,
	"anonymous" boolean DEFAULT true NOT NULL,
	"reporter_enc" text,
	"people_enc" text,
	"companies" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'id' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verify_due_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"verify_escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"case_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"report_id" uuid,
	"sha256" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"stripped" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant" text NOT NULL,
	"report_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"actor_user_id" uuid,
	"agency_id" uuid,
	"public_note" text,
	"internal_note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_forwards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"report_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"instruction" text NOT NULL,
	"share_contact" boolean DEFAULT false NOT NULL,
	"forwarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"forwarded_by" uuid,
	"response_due_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "report_identifiers" (
	"tenant" text NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD CONSTRAINT "report_attachments_report_id_public_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."public_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_public_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."public_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_forwards" ADD CONSTRAINT "report_forwards_report_id_public_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."public_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_forwards" ADD CONSTRAINT "report_forwards_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_forwards" ADD CONSTRAINT "report_forwards_forwarded_by_users_id_fk" FOREIGN KEY ("forwarded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_identifiers" ADD CONSTRAINT "report_identifiers_report_id_public_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."public_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_email_pending_idx" ON "notifications" USING btree ("created_at") WHERE email_status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "public_reports_tracking_code_uq" ON "public_reports" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "public_reports_submission_uq" ON "public_reports" USING btree ("tenant","submission_hash");--> statement-breakpoint
CREATE INDEX "public_reports_queue_idx" ON "public_reports" USING btree ("tenant","status","received_at");--> statement-breakpoint
CREATE INDEX "public_reports_kecamatan_idx" ON "public_reports" USING btree ("tenant","kecamatan_code");--> statement-breakpoint
CREATE INDEX "public_reports_verify_due_idx" ON "public_reports" USING btree ("verify_due_at") WHERE status = 'received';--> statement-breakpoint
CREATE INDEX "public_reports_search_idx" ON "public_reports" USING gin (to_tsvector('indonesian', coalesce(description, '') || ' ' || coalesce(offer_text, '') || ' ' || coalesce(place_text, '')));--> statement-breakpoint
CREATE INDEX "report_attachments_report_idx" ON "report_attachments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_attachments_sha_idx" ON "report_attachments" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_forwards_report_agency_uq" ON "report_forwards" USING btree ("report_id","agency_id");--> statement-breakpoint
CREATE INDEX "report_forwards_agency_idx" ON "report_forwards" USING btree ("tenant","agency_id","forwarded_at");--> statement-breakpoint
CREATE INDEX "report_forwards_due_idx" ON "report_forwards" USING btree ("response_due_at") WHERE first_response_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "report_identifiers_uq" ON "report_identifiers" USING btree ("report_id","kind","hash");--> statement-breakpoint
CREATE INDEX "report_identifiers_hash_idx" ON "report_identifiers" USING btree ("tenant","hash");