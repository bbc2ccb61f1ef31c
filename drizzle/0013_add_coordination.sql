CREATE TABLE "coordination_action_item_reminders" (
	"action_item_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coordination_action_item_reminders_pk" PRIMARY KEY("action_item_id","day")
);
--> statement-breakpoint
CREATE TABLE "coordination_action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"owner_user_id" uuid,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"proof" text,
	"link_kind" text,
	"link_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "coordination_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_focal_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" text,
	"phone_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"headcount" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "coordination_meeting_attendance_pk" PRIMARY KEY("meeting_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "coordination_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_url" text,
	"agenda" text DEFAULT '' NOT NULL,
	"invited_agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"minutes_enc" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_task_force_members" (
	"tenant" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"task_force" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coordination_task_force_members_pk" PRIMARY KEY("agency_id","task_force")
);
--> statement-breakpoint
ALTER TABLE "coordination_action_item_reminders" ADD CONSTRAINT "coordination_action_item_reminders_action_item_id_coordination_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."coordination_action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_action_items" ADD CONSTRAINT "coordination_action_items_meeting_id_coordination_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coordination_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_action_items" ADD CONSTRAINT "coordination_action_items_decision_id_coordination_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."coordination_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_action_items" ADD CONSTRAINT "coordination_action_items_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_action_items" ADD CONSTRAINT "coordination_action_items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_decisions" ADD CONSTRAINT "coordination_decisions_meeting_id_coordination_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coordination_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_focal_points" ADD CONSTRAINT "coordination_focal_points_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meeting_attendance" ADD CONSTRAINT "coordination_meeting_attendance_meeting_id_coordination_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coordination_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meeting_attendance" ADD CONSTRAINT "coordination_meeting_attendance_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meetings" ADD CONSTRAINT "coordination_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_task_force_members" ADD CONSTRAINT "coordination_task_force_members_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coordination_action_items_owner_idx" ON "coordination_action_items" USING btree ("tenant","owner_agency_id","due_date");--> statement-breakpoint
CREATE INDEX "coordination_action_items_due_idx" ON "coordination_action_items" USING btree ("tenant","status","due_date");--> statement-breakpoint
CREATE INDEX "coordination_decisions_meeting_idx" ON "coordination_decisions" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE INDEX "coordination_focal_points_agency_idx" ON "coordination_focal_points" USING btree ("tenant","agency_id");--> statement-breakpoint
CREATE INDEX "coordination_meetings_tenant_starts_idx" ON "coordination_meetings" USING btree ("tenant","starts_at");