ALTER TABLE "public_reports" ADD COLUMN "next_due_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "public_reports_next_due_idx" ON "public_reports" USING btree ("tenant","status","next_due_at");--> statement-breakpoint
-- The earliest deadline an open report waits on (see publicReports.nextDueAt): the verification deadline
-- while received, else the first-response deadline of an agency that has not answered yet.
CREATE OR REPLACE FUNCTION simpul_report_next_due(rid uuid, st text, verify_due timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN st IN ('closed', 'rejected') THEN NULL ELSE
    least(CASE WHEN st = 'received' THEN verify_due END,
          (SELECT min(f.response_due_at) FROM report_forwards f WHERE f.report_id = rid AND f.first_response_at IS NULL))
  END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION simpul_public_reports_next_due() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.next_due_at := simpul_report_next_due(NEW.id, NEW.status, NEW.verify_due_at);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER public_reports_next_due BEFORE INSERT OR UPDATE OF status, verify_due_at, next_due_at ON public_reports
FOR EACH ROW EXECUTE FUNCTION simpul_public_reports_next_due();--> statement-breakpoint
CREATE OR REPLACE FUNCTION simpul_report_forwards_next_due() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE public_reports p SET next_due_at = NULL WHERE p.id = OLD.report_id;
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.report_id IS DISTINCT FROM OLD.report_id) THEN
    UPDATE public_reports p SET next_due_at = NULL WHERE p.id = NEW.report_id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER report_forwards_next_due AFTER INSERT OR UPDATE OF report_id, response_due_at, first_response_at OR DELETE ON report_forwards
FOR EACH ROW EXECUTE FUNCTION simpul_report_forwards_next_due();--> statement-breakpoint
UPDATE public_reports SET next_due_at = NULL;
