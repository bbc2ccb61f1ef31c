CREATE TABLE "screening_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"screening_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome_enc" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "screening_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"screening_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason_code" text,
	"note_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"screening_id" uuid NOT NULL,
	"desa_code" text NOT NULL,
	"assignee_id" uuid NOT NULL,
	"due_date" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome_enc" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"code" text NOT NULL,
	"interviewed_at" timestamp with time zone NOT NULL,
	"officer_id" uuid NOT NULL,
	"office_agency_id" uuid,
	"name_enc" text NOT NULL,
	"nik_enc" text,
	"nik_hash" text,
	"phone_enc" text,
	"phone_hash" text,
	"sex" text NOT NULL,
	"age_band" text NOT NULL,
	"desa_code" text,
	"purpose" text NOT NULL,
	"documents" text[] DEFAULT '{}'::text[] NOT NULL,
	"sponsor_enc" text,
	"job" text,
	"destination_country" text,
	"route_enc" text,
	"paid_by" text,
	"offer_text_enc" text,
	"offer_level" text,
	"offer_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"red_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"score" integer NOT NULL,
	"score_reasons" jsonb NOT NULL,
	"certainty" integer NOT NULL,
	"decision" text NOT NULL,
	"reason_code" text,
	"missing" text[] DEFAULT '{}'::text[] NOT NULL,
	"note_enc" text,
	"status" text NOT NULL,
	"final_decision" text,
	"final_reason_code" text,
	"final_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "screening_referrals" ADD CONSTRAINT "screening_referrals_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_referrals" ADD CONSTRAINT "screening_referrals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_referrals" ADD CONSTRAINT "screening_referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reviews" ADD CONSTRAINT "screening_reviews_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reviews" ADD CONSTRAINT "screening_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_visits" ADD CONSTRAINT "screening_visits_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_visits" ADD CONSTRAINT "screening_visits_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_visits" ADD CONSTRAINT "screening_visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_office_agency_id_agencies_id_fk" FOREIGN KEY ("office_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "screening_referrals_uq" ON "screening_referrals" USING btree ("screening_id","agency_id");--> statement-breakpoint
CREATE INDEX "screening_referrals_agency_idx" ON "screening_referrals" USING btree ("agency_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_reviews_kind_uq" ON "screening_reviews" USING btree ("screening_id","kind");--> statement-breakpoint
CREATE INDEX "screening_visits_assignee_idx" ON "screening_visits" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_visits_open_uq" ON "screening_visits" USING btree ("screening_id") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "screenings_code_uq" ON "screenings" USING btree ("code");--> statement-breakpoint
CREATE INDEX "screenings_tenant_time_idx" ON "screenings" USING btree ("tenant","interviewed_at");--> statement-breakpoint
CREATE INDEX "screenings_tenant_status_idx" ON "screenings" USING btree ("tenant","status");--> statement-breakpoint
CREATE INDEX "screenings_nik_hash_idx" ON "screenings" USING btree ("nik_hash");--> statement-breakpoint
CREATE INDEX "screenings_phone_hash_idx" ON "screenings" USING btree ("phone_hash");