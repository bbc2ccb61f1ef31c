// A report becomes a case: the report's side of it. The cases module opens the case (it is handed in as
// `open`, so this module does not import cases); here the report is checked, its reporter's contact
// released only to someone who may see it, and the report's timeline records the case.
import type { AuditActor, Principal } from "../../auth/principal";
import type { Db } from "../../db/client";
import { decrypt } from "../../lib/crypto";
import { reportPolicy } from "./reports.policy";
import { convertible, type Reporter } from "./reports.present";
import { insertEvent } from "./reports.repo";
import { openReportText } from "./reports.text";
import type { ReportTriage } from "./reports.triage";

/** What the case is opened from. `reporter` is set only when asked for and allowed. */
export type ReportForCase = { id: string; tenant: string; description: string; regionCode: string | null; reporter: Reporter | null };

/** Opens the case in the report's transaction (and writes its `case.create` audit record); returns the case id. */
export type CaseOpener = (tx: Db, report: ReportForCase) => Promise<string>;

/** What the caller names: who, which report, whether to copy the reporter's contact, and the case opener. */
export type ReportToCaseArgs = [p: Principal, actor: AuditActor, id: string, includeReporterContact: boolean, open: CaseOpener, now?: Date];

/**
 * Opens a case from a verified report in one step: origin "public_report", the report linked
 * (report.caseId), summary from the report unless given, place from the report. The reporter's
 * contact is not copied unless asked for, and only by someone who may see it: the report keeps it
 * under the report's own rules, while a case file travels further (team, referral recipients,
 * exports). The people named in the report stay on the report (unverified tips, not case persons).
 * One transaction: case, link, timeline event, and the audit records report.to_case and case.create.
 */
export function reportToCase(triage: ReportTriage, ...[p, actor, id, includeReporterContact, open, now = new Date()]: ReportToCaseArgs) {
  return triage.change(
    p,
    actor,
    id,
    "to_case",
    { reporterContact: includeReporterContact },
    async (tx, r, access) => {
      reportPolicy.authorize(p, "toCase", access);
      triage.need(convertible(r));
      let reporter: Reporter | null = null;
      if (includeReporterContact) {
        reportPolicy.authorize(p, "seeReporter", access);
        reporter = r.reporterEnc ? (JSON.parse(decrypt(triage.keys, r.reporterEnc)) as Reporter) : null;
      }
      const caseId = await open(tx, {
        id: r.id,
        tenant: r.tenant,
        description: openReportText(triage.keys, r).description,
        regionCode: r.regionCode,
        reporter,
      });
      await insertEvent(tx, triage.keys, {
        tenant: r.tenant,
        reportId: r.id,
        kind: "case_created",
        actorUserId: p.id,
        details: { caseId },
        at: now,
      });
    },
    now,
  );
}
