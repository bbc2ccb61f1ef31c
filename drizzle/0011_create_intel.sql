CREATE TABLE "intel_entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"kind" text NOT NULL,
	"label_enc" text,
	"watched" boolean DEFAULT false NOT NULL,
	"watch_reason_enc" text,
	"watched_by" uuid,
	"watched_at" timestamp with time zone,
	"merged_into" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"kind" text NOT NULL,
	"hash" text NOT NULL,
	"value_enc" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_judgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"entity_a" uuid NOT NULL,
	"entity_b" uuid NOT NULL,
	"verdict" text NOT NULL,
	"note_enc" text,
	"judged_by" uuid NOT NULL,
	"judged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_mentions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant" text NOT NULL,
	"identifier_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid NOT NULL,
	"profile" text NOT NULL,
	"role" text,
	"name_enc" text,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "intel_entities" ADD CONSTRAINT "intel_entities_watched_by_users_id_fk" FOREIGN KEY ("watched_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_identifiers" ADD CONSTRAINT "intel_identifiers_entity_id_intel_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."intel_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_judgements" ADD CONSTRAINT "intel_judgements_judged_by_users_id_fk" FOREIGN KEY ("judged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_mentions" ADD CONSTRAINT "intel_mentions_identifier_id_intel_identifiers_id_fk" FOREIGN KEY ("identifier_id") REFERENCES "public"."intel_identifiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intel_entities_tenant_idx" ON "intel_entities" USING btree ("tenant","watched");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_identifiers_uq" ON "intel_identifiers" USING btree ("tenant","kind","hash");--> statement-breakpoint
CREATE INDEX "intel_identifiers_entity_idx" ON "intel_identifiers" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "intel_judgements_pair_idx" ON "intel_judgements" USING btree ("entity_a","entity_b");--> statement-breakpoint
CREATE INDEX "intel_judgements_b_idx" ON "intel_judgements" USING btree ("entity_b");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_mentions_uq" ON "intel_mentions" USING btree ("identifier_id","source","source_id","profile");--> statement-breakpoint
CREATE INDEX "intel_mentions_source_idx" ON "intel_mentions" USING btree ("source","source_id");