CREATE TABLE "village_details" (
	"tenant" text NOT NULL,
	"desa_code" text NOT NULL,
	"pimpasa_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"focal_name" text,
	"focal_position" text,
	"focal_phone_enc" text,
	"population" integer,
	"population_year" integer,
	"population_source" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "village_details_pk" PRIMARY KEY("tenant","desa_code")
);
--> statement-breakpoint
CREATE TABLE "village_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"desa_code" text NOT NULL,
	"period" text NOT NULL,
	"residents_abroad" integer,
	"residents_abroad_source" text,
	"non_procedural_departures" integer,
	"non_procedural_departures_source" text,
	"victims" integer,
	"victims_source" text,
	"passport_postponements" integer,
	"passport_postponements_source" text,
	"reports_received" integer,
	"reports_received_source" text,
	"notes" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "outreach_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant" text NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"desa_code" text NOT NULL,
	"kecamatan_code" text NOT NULL,
	"venue" text,
	"organiser_agency_id" uuid,
	"co_organiser_agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"co_organiser_others" text[] DEFAULT '{}'::text[] NOT NULL,
	"facilitators" text[] DEFAULT '{}'::text[] NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"attendance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attendance_female" integer DEFAULT 0 NOT NULL,
	"attendance_male" integer DEFAULT 0 NOT NULL,
	"attendance_total" integer DEFAULT 0 NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"materials" text[] DEFAULT '{}'::text[] NOT NULL,
	"follow_ups" text,
	"notes" text,
	"quiz_pre_score" real,
	"quiz_post_score" real,
	"quiz_respondents" integer,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"provider" text,
	"completed_on" date NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"phone_enc" text,
	"agency_id" uuid,
	"desa_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent_at" date NOT NULL,
	"code_of_conduct_at" date NOT NULL,
	"code_of_conduct_version" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "village_details" ADD CONSTRAINT "village_details_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_indicators" ADD CONSTRAINT "village_indicators_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sessions" ADD CONSTRAINT "outreach_sessions_organiser_agency_id_agencies_id_fk" FOREIGN KEY ("organiser_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sessions" ADD CONSTRAINT "outreach_sessions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_trainings" ADD CONSTRAINT "volunteer_trainings_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "village_indicators_desa_period_uq" ON "village_indicators" USING btree ("tenant","desa_code","period");--> statement-breakpoint
CREATE INDEX "outreach_sessions_tenant_starts_idx" ON "outreach_sessions" USING btree ("tenant","starts_at");--> statement-breakpoint
CREATE INDEX "outreach_sessions_desa_idx" ON "outreach_sessions" USING btree ("tenant","desa_code","starts_at");--> statement-breakpoint
CREATE INDEX "outreach_sessions_kecamatan_idx" ON "outreach_sessions" USING btree ("tenant","kecamatan_code");--> statement-breakpoint
CREATE INDEX "outreach_sessions_recorder_idx" ON "outreach_sessions" USING btree ("recorded_by","starts_at");--> statement-breakpoint
CREATE INDEX "outreach_sessions_agency_idx" ON "outreach_sessions" USING btree ("organiser_agency_id");--> statement-breakpoint
CREATE INDEX "volunteer_trainings_volunteer_idx" ON "volunteer_trainings" USING btree ("volunteer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_user_uq" ON "volunteers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "volunteers_tenant_idx" ON "volunteers" USING btree ("tenant","active");