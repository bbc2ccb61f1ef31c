CREATE TABLE "p3mi_companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_normalised" text NOT NULL,
	"licence_number" text NOT NULL,
	"licence_key" text NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"status" text DEFAULT 'active' NOT NULL,
	"head_office_address" text,
	"branches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text NOT NULL,
	"last_verified_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "p3mi_companies_licence_key_uq" ON "p3mi_companies" USING btree ("licence_key");--> statement-breakpoint
CREATE INDEX "p3mi_companies_name_normalised_idx" ON "p3mi_companies" USING btree ("name_normalised");--> statement-breakpoint
CREATE INDEX "p3mi_companies_name_trgm_idx" ON "p3mi_companies" USING gin ("name_normalised" gin_trgm_ops);