// What staff see of a report (detail with per-record abilities, list rows), cut to the caller's access.
import type { Principal } from "../../auth/principal";
import type { Db } from "../../db/client";
import { decrypt, type KeyRing } from "../../lib/crypto";
import type { ReportAccess } from "./reports.policy";
import { reportPolicy } from "./reports.policy";
import { attachmentsOf, eventsOf, forwardsOf, iso, linksOf, type listReports, type ReportRow } from "./reports.repo";
import type { PersonInput, ReportCreate, ReportDetail, ReportSummary } from "./reports.schema";
import { openNotes, openReportText } from "./reports.text";
import { formatTrackingCode } from "./reports.tracking-code";

export type Reporter = NonNullable<ReportCreate["reporter"]>;

/**
 * Whether the caller may open the case a report became. The cases module answers it (it is handed to
 * the report routes by app.ts), so this module does not import cases: to anyone else the case does not exist.
 */
export type CaseVisibility = (db: Db, p: Principal, tenant: string, caseId: string) => Promise<boolean>;

function excerpt(s: string, n = 200): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** A report may become a case once verified, while open, and only once. */
export function convertible(r: ReportRow): boolean {
  return (r.status === "verified" || r.status === "forwarded" || r.status === "in_handling") && !r.caseId;
}

export async function presentReport(
  keys: KeyRing,
  db: Db,
  p: Principal,
  r: ReportRow,
  access: ReportAccess,
  caseVisible: CaseVisibility,
  now: Date,
): Promise<ReportDetail> {
  // One query at a time: `db` is the audit transaction, a single connection.
  const forwards = await forwardsOf(db, r.id);
  const events = await eventsOf(db, r.id);
  const files = await attachmentsOf(db, r.id);
  const canLinks = reportPolicy.can(p, "seeLinks", access);
  const links = canLinks ? await linksOf(db, r.tenant, r.id) : [];
  const isCoordinator = reportPolicy.can(p, "triage", access);
  const text = openReportText(keys, r);
  const people = r.peopleEnc ? (JSON.parse(decrypt(keys, r.peopleEnc)) as PersonInput[]) : [];
  const reporter =
    r.reporterEnc && reportPolicy.can(p, "seeReporter", access) ? (JSON.parse(decrypt(keys, r.reporterEnc)) as Reporter) : null;
  // The case a report became is shown only to those who may see that case: to anyone else it does not exist.
  const showCase = !!r.caseId && (await caseVisible(db, p, r.tenant, r.caseId));
  const open = r.status !== "closed" && r.status !== "rejected";
  const forwardViews = forwards.map(({ f, agency }) => ({
    id: f.id,
    agency,
    instruction: f.instruction,
    shareContact: f.shareContact,
    forwardedAt: iso(f.forwardedAt)!,
    responseDueAt: iso(f.responseDueAt)!,
    firstResponseAt: iso(f.firstResponseAt),
    overdue: open && !f.firstResponseAt && f.responseDueAt <= now,
  }));
  const pendingDue =
    forwardViews
      .filter((f) => !f.firstResponseAt)
      .map((f) => f.responseDueAt)
      .sort()[0] ?? null;
  const verifyOverdue = r.status === "received" && r.verifyDueAt <= now;
  // An agency operator sees its own agency's forward and instruction only.
  const visibleForwards = isCoordinator ? forwardViews : forwardViews.filter((f) => f.agency.id === p.agencyId);
  return {
    id: r.id,
    trackingCode: formatTrackingCode(r.trackingCode),
    category: r.category,
    status: r.status,
    excerpt: excerpt(text.description),
    regionCode: r.regionCode,
    kecamatanCode: r.kecamatanCode,
    placeText: text.placeText,
    receivedAt: iso(r.receivedAt)!,
    verifyDueAt: iso(r.verifyDueAt)!,
    overdue: open && (verifyOverdue || forwardViews.some((f) => f.overdue)),
    nextDueAt: r.status === "received" ? iso(r.verifyDueAt) : open ? pendingDue : null,
    linkedReports: new Set(links.map((l) => l.reportId)).size,
    attachments: files.length,
    description: text.description,
    offerText: text.offerText,
    occurredOn: r.occurredOn,
    occurredText: text.occurredText,
    anonymous: r.anonymous,
    consent: r.consent,
    reporter: reporter
      ? { name: reporter.name ?? null, phone: reporter.phone ?? null, email: reporter.email ?? null, relation: reporter.relation ?? null }
      : null,
    people: people.map((x) => ({
      name: x.name ?? null,
      role: x.role ?? null,
      phones: x.phones ?? [],
      handles: x.handles ?? [],
      companies: x.companies ?? [],
      bankAccounts: x.bankAccounts ?? [],
      notes: x.notes ?? null,
    })),
    outcome: r.outcome,
    verifiedAt: iso(r.verifiedAt),
    closedAt: iso(r.closedAt),
    caseId: showCase ? r.caseId : null,
    forwards: visibleForwards,
    timeline: events
      .map((x) => ({ ...x, notes: openNotes(keys, x.e) }))
      // Operators do not see other agencies' internal notes.
      .filter(({ e, notes }) => isCoordinator || !e.agencyId || e.agencyId === p.agencyId || e.kind === "forwarded" || notes.publicNote)
      .filter(({ e }) => e.kind !== "case_created" || showCase)
      .map(({ e, notes, actor, agency }) => ({
        id: e.id,
        at: iso(e.at)!,
        kind: e.kind,
        status: e.status,
        actor: actor ?? (e.kind === "received" ? null : e.kind === "escalated" ? "sistem" : null),
        agency: agency?.id ? agency : null,
        publicNote: notes.publicNote,
        internalNote: isCoordinator || !e.agencyId || e.agencyId === p.agencyId ? notes.internalNote : null,
      })),
    links: links.map((l) => ({
      reportId: l.reportId,
      trackingCode: formatTrackingCode(l.trackingCode),
      status: l.status,
      receivedAt: iso(l.receivedAt)!,
      sharedKinds: l.kinds as ReportDetail["links"][number]["sharedKinds"],
    })),
    attachmentList: files.map((f) => ({ id: f.id, mediaType: f.mediaType, size: f.size, stripped: f.stripped })),
    abilities: {
      verify: isCoordinator && r.status === "received",
      reject: isCoordinator && (r.status === "received" || r.status === "verified"),
      forward: isCoordinator && ["verified", "forwarded", "in_handling"].includes(r.status),
      respond: reportPolicy.can(p, "respond", access) && (r.status === "forwarded" || r.status === "in_handling"),
      note: reportPolicy.can(p, "note", access),
      close: isCoordinator && open,
      reopen: isCoordinator && !open,
      toCase: reportPolicy.can(p, "toCase", access) && convertible(r),
    },
  };
}

export function summaryOf(keys: KeyRing, row: Awaited<ReturnType<typeof listReports>>["rows"][number]): ReportSummary {
  const text = openReportText(keys, row.r);
  return {
    id: row.r.id,
    trackingCode: formatTrackingCode(row.r.trackingCode),
    category: row.r.category,
    status: row.r.status,
    excerpt: excerpt(text.description),
    regionCode: row.r.regionCode,
    kecamatanCode: row.r.kecamatanCode,
    placeText: text.placeText,
    receivedAt: iso(row.r.receivedAt)!,
    verifyDueAt: iso(row.r.verifyDueAt)!,
    overdue: row.overdue === true || (row.overdue as unknown) === "t",
    nextDueAt: iso(row.nextDueAt),
    linkedReports: Number(row.linked),
    attachments: Number(row.attachments),
  };
}
