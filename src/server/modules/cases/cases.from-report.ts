// The cases module's side of "report to case" (reports.to-case.ts has the report's side): opening the
// case from a report, and telling the reports module whether a caller may see the case a report became.
import type { AuditActor, Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { type FieldIssue, invalid } from "../../lib/errors";
import type { CaseOpener, CaseVisibility } from "../reports/reports.service";
import { accessTo, findCase } from "./cases.repo";
import type { ReportToCase } from "./cases.schema";
import { CaseService } from "./cases.service";

/** Whether `p` may open the case (any access level): the report detail shows its `caseId` only then. */
export const caseVisibleTo: CaseVisibility = async (db: Db, p: Principal, tenant: string, caseId: string) => {
  const c = await findCase(db, tenant, caseId);
  return !!c && (await accessTo(db, p, c)) !== null;
};

/**
 * Opens the case in the report's transaction: origin "public_report", the report linked, summary and
 * place from the report unless given; the reporter's contact (only when the report side released it)
 * becomes an encrypted related person. Audited as `case.create`.
 */
export function caseOpenerFor(ctx: AppContext, p: Principal, actor: AuditActor, body: ReportToCase, now = new Date()): CaseOpener {
  const caseService = new CaseService(ctx);
  return async (tx, r) => {
    const fields: Record<string, FieldIssue> = {};
    const owner = await caseService.ownerFor(tx, p, body.ownerId, fields);
    if (Object.keys(fields).length) throw invalid(fields);
    const caseId = await caseService.insertCase(
      tx,
      p,
      owner!,
      {
        origin: "public_report",
        priority: body.priority,
        summary: body.summary ?? r.description,
        regionCode: r.regionCode ?? undefined,
        reportIds: [r.id],
      },
      now,
    );
    const contact = r.reporter && (r.reporter.name || r.reporter.phone) ? r.reporter : null;
    if (contact)
      await caseService.insertPerson(
        tx,
        r.tenant,
        caseId,
        {
          kind: "family",
          ...(contact.name ? { name: contact.name } : {}),
          ...(contact.phone ? { phones: [contact.phone] } : {}),
          relationship: `Pelapor${contact.relation ? `: ${contact.relation}` : ""}`.slice(0, 60),
        },
        now,
      );
    await ctx.audit.write(tx, actor, {
      action: "case.create",
      resourceType: "case",
      resourceId: caseId,
      details: { origin: "public_report", reports: 1, reportId: r.id, reporterContact: !!contact },
    });
    return caseId;
  };
}
