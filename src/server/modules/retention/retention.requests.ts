// Erasure on request (UU 27/2022 Pasal 43 and 44): a person asks the controller to erase their data. A
// regency-wide coordinator finds the records that name the person by phone, NIK or e-mail (keyed hashes;
// reporters' and volunteers' contacts have no hash column and are compared after decryption in memory),
// previews the counts, then erases with a reason. Records under a legal hold are refused and listed
// (Pasal 50: law enforcement). Every step is audited with ids and counts, never the identifiers.
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { AuditActor, Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { type Db, rowsOf } from "../../db/client";
import { decrypt, encrypt, type KeyRing } from "../../lib/crypto";
import { invalid } from "../../lib/errors";
import { identifierHash, identifiersOf, nikHash, normaliseEmail, normalisePhone } from "../../lib/identifiers";
import { casePersonIdentifiers, cases } from "../cases/cases.tables";
import { intelIdentifiers, intelMentions } from "../intel/intel.tables";
import { publicReports, reportIdentifiers } from "../reports/reports.tables";
import { screenings } from "../screening/screening.tables";
import { volunteers } from "../volunteers/volunteers.tables";
import { eraseCasePerson, eraseScreening, eraseVolunteer, type Erasure, heldCases, heldReports, removeFiles } from "./retention.erase";
import type { ErasureRequest, ErasureResult, SubjectQuery } from "./retention.schema";
import { privacyRequests, retentionErasures } from "./retention.tables";

type Subject = { phone?: string; nik?: string; email?: string; phoneHash?: string; emailHash?: string; nikHash?: string };

type Matches = {
  reportContacts: string[];
  reportPeople: string[];
  casePersons: { personId: string; caseId: string }[];
  screenings: string[];
  intelIdentifiers: string[];
  volunteers: string[];
  /** Records refused because of a legal hold: the case's code or the report's id. */
  refused: { kind: "case" | "report" | "intel_identifier"; reference: string; reason: "legal_hold" }[];
};

function subjectOf(keys: KeyRing, q: SubjectQuery): Subject {
  const s: Subject = {};
  const fields: Record<string, { code: "invalid" | "required" }> = {};
  if (q.phone) {
    s.phone = normalisePhone(q.phone);
    s.phoneHash = identifierHash(keys, "phone", q.phone);
    if (!s.phone) fields.phone = { code: "invalid" };
  }
  if (q.email) {
    s.email = normaliseEmail(q.email);
    s.emailHash = identifierHash(keys, "email", q.email);
    if (!s.email) fields.email = { code: "invalid" };
  }
  if (q.nik) {
    const digits = q.nik.replace(/\D/g, "");
    if (digits.length !== 16) fields.nik = { code: "invalid" };
    else {
      s.nik = digits;
      s.nikHash = nikHash(keys, digits);
    }
  }
  if (!q.phone && !q.email && !q.nik) fields.phone = { code: "required" };
  if (Object.keys(fields).length) throw invalid(fields);
  return s;
}

const kindsOf = (q: SubjectQuery) => (["phone", "nik", "email"] as const).filter((k) => !!q[k]);

/** Decrypts in batches (reporters' and volunteers' contacts have no keyed hash) and keeps the ids that match. */
async function scanEncrypted(
  keys: KeyRing,
  query: (after: string) => Promise<{ id: string; enc: string }[]>,
  matches: (plain: string) => boolean,
): Promise<string[]> {
  const out: string[] = [];
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await query(after);
    for (const r of rows) {
      try {
        if (matches(decrypt(keys, r.enc))) out.push(r.id);
      } catch {
        // a value sealed under a key this installation no longer has: cannot name anyone we could read
      }
    }
    if (rows.length < 1000) return out;
    after = rows[rows.length - 1]!.id;
  }
}

async function findMatches(db: Db, keys: KeyRing, tenant: string, s: Subject): Promise<Matches> {
  const contactHashes = [s.phoneHash, s.emailHash].filter((h): h is string => !!h);
  const personHashes = [s.phoneHash, s.nikHash].filter((h): h is string => !!h);
  const intelHashes = [s.phoneHash, s.emailHash, s.nikHash].filter((h): h is string => !!h);

  const reportContacts = await scanEncrypted(
    keys,
    async (after) =>
      (
        await db
          .select({ id: publicReports.id, enc: publicReports.reporterEnc })
          .from(publicReports)
          .where(and(eq(publicReports.tenant, tenant), isNotNull(publicReports.reporterEnc), sql`${publicReports.id} > ${after}`))
          .orderBy(publicReports.id)
          .limit(1000)
      ).map((r) => ({ id: r.id, enc: r.enc! })),
    (plain) => {
      const c = JSON.parse(plain) as { phone?: string | null; email?: string | null };
      return (
        (!!s.phone && !!c.phone && normalisePhone(c.phone) === s.phone) || (!!s.email && !!c.email && normaliseEmail(c.email) === s.email)
      );
    },
  );
  const reportPeople = contactHashes.length
    ? (
        await db
          .selectDistinct({ id: reportIdentifiers.reportId })
          .from(reportIdentifiers)
          .where(and(eq(reportIdentifiers.tenant, tenant), inArray(reportIdentifiers.hash, contactHashes)))
      ).map((r) => r.id)
    : [];
  const casePersons = personHashes.length
    ? await db
        .selectDistinct({ personId: casePersonIdentifiers.personId, caseId: casePersonIdentifiers.caseId })
        .from(casePersonIdentifiers)
        .where(and(eq(casePersonIdentifiers.tenant, tenant), inArray(casePersonIdentifiers.hash, personHashes)))
    : [];
  const screeningRows = await db
    .select({ id: screenings.id })
    .from(screenings)
    .where(
      and(
        eq(screenings.tenant, tenant),
        sql`(${s.phoneHash ? sql`${screenings.phoneHash} = ${s.phoneHash}` : sql`false`} OR ${
          s.nikHash ? sql`${screenings.nikHash} = ${s.nikHash}` : sql`false`
        })`,
      ),
    );
  const intelRows = intelHashes.length
    ? await db
        .select({ id: intelIdentifiers.id })
        .from(intelIdentifiers)
        .where(and(eq(intelIdentifiers.tenant, tenant), inArray(intelIdentifiers.hash, intelHashes)))
    : [];
  const volunteerIds = s.phone
    ? await scanEncrypted(
        keys,
        async (after) =>
          (
            await db
              .select({ id: volunteers.id, enc: volunteers.phoneEnc })
              .from(volunteers)
              .where(and(eq(volunteers.tenant, tenant), isNotNull(volunteers.phoneEnc), sql`${volunteers.id} > ${after}`))
              .orderBy(volunteers.id)
              .limit(1000)
          ).map((r) => ({ id: r.id, enc: r.enc! })),
        (plain) => normalisePhone(plain) === s.phone,
      )
    : [];

  // Legal holds: a held case keeps its persons; a report of a held case keeps its contacts; an intelligence
  // identifier named in a held case or its reports stays with the investigation.
  const refused: Matches["refused"] = [];
  const heldC = await heldCases(
    db,
    tenant,
    casePersons.map((c) => c.caseId),
  );
  const reportIds = [...new Set([...reportContacts, ...reportPeople])];
  const heldR = await heldReports(db, tenant, reportIds);
  const intelIds = intelRows.map((r) => r.id);
  const heldI = await heldIntel(db, tenant, intelIds);
  if (heldC.size) {
    const codes = await db
      .select({ code: cases.code })
      .from(cases)
      .where(inArray(cases.id, [...heldC]));
    for (const c of codes) refused.push({ kind: "case", reference: c.code, reason: "legal_hold" });
  }
  for (const id of heldR) refused.push({ kind: "report", reference: id, reason: "legal_hold" });
  for (const id of heldI) refused.push({ kind: "intel_identifier", reference: id, reason: "legal_hold" });

  return {
    reportContacts: reportContacts.filter((id) => !heldR.has(id)),
    reportPeople: reportPeople.filter((id) => !heldR.has(id)),
    casePersons: casePersons.filter((c) => !heldC.has(c.caseId)),
    screenings: screeningRows.map((r) => r.id),
    intelIdentifiers: intelIds.filter((id) => !heldI.has(id)),
    volunteers: volunteerIds,
    refused,
  };
}

/** Intelligence identifiers mentioned by a held case, or by a report of a held case. */
async function heldIntel(db: Db, tenant: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT DISTINCT m.identifier_id AS id FROM intel_mentions m
      JOIN legal_holds h ON h.tenant = ${tenant} AND h.released_at IS NULL AND (
        (m.source = 'case' AND h.case_id = m.source_id)
        OR (m.source = 'report' AND (h.case_id = (SELECT r.case_id FROM public_reports r WHERE r.id = m.source_id)
             OR h.case_id IN (SELECT cr.case_id FROM case_reports cr WHERE cr.report_id = m.source_id))))
      WHERE m.identifier_id IN (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`),
  );
  return new Set(rows.map((r) => r.id));
}

function countsOf(m: Matches): ErasureResult["counts"] {
  return {
    reportContacts: m.reportContacts.length,
    reportPeople: m.reportPeople.length,
    casePersons: m.casePersons.length,
    screenings: m.screenings.length,
    intelIdentifiers: m.intelIdentifiers.length,
    volunteers: m.volunteers.length,
    refused: m.refused.length,
  };
}

/** Dry run: what an erasure would touch and what it would refuse. Audited (counts only). */
export async function previewErasure(ctx: AppContext, p: Principal, actor: AuditActor, q: SubjectQuery): Promise<ErasureResult> {
  const s = subjectOf(ctx.keys, q);
  const m = await ctx.withAudit(
    actor,
    (r: Matches) => ({
      action: "privacy.erasure_preview",
      resourceType: "privacy_request",
      details: { identifierKinds: kindsOf(q), ...countsOf(r) },
    }),
    (tx) => findMatches(tx, ctx.keys, p.tenant, s),
  );
  return { requestId: null, executed: false, counts: countsOf(m), refused: m.refused };
}

/** A people list of a report without the entries that carry the subject's phone. */
function withoutSubject(keys: KeyRing, peopleEnc: string | null, s: Subject) {
  if (!peopleEnc) return { people: [] as Record<string, unknown>[], removed: 0 };
  const people = JSON.parse(decrypt(keys, peopleEnc)) as { phones?: string[] }[];
  const kept = people.filter((x) => !(s.phone && (x.phones ?? []).some((v) => normalisePhone(v) === s.phone)));
  return { people: kept, removed: people.length - kept.length };
}

/** Erases what the preview showed, in one transaction, one audit record per record plus the request's. */
export async function executeErasure(ctx: AppContext, p: Principal, actor: AuditActor, body: ErasureRequest): Promise<ErasureResult> {
  const s = subjectOf(ctx.keys, body);
  const files = new Map();
  const result = await ctx.withAudit(
    actor,
    (r: ErasureResult) => ({
      action: "privacy.erasure",
      resourceType: "privacy_request",
      resourceId: r.requestId ?? undefined,
      details: { identifierKinds: kindsOf(body), ...r.counts },
    }),
    async (tx) => {
      const m = await findMatches(tx, ctx.keys, p.tenant, s);
      const counts = countsOf(m);
      const [req] = await tx
        .insert(privacyRequests)
        .values({ tenant: p.tenant, identifierKinds: kindsOf(body), reasonEnc: encrypt(ctx.keys, body.reason), decidedBy: p.id, counts })
        .returning({ id: privacyRequests.id });
      const requestId = req!.id;
      const e: Erasure = { tenant: p.tenant, cause: "request", requestId, files };
      const step = (resourceType: string, resourceId: string, part: string) =>
        ctx.audit.write(tx, actor, { action: "privacy.erase_record", resourceType, resourceId, details: { requestId, part } });

      for (const id of m.reportContacts) {
        await tx.update(publicReports).set({ reporterEnc: null, updatedAt: new Date() }).where(eq(publicReports.id, id));
        await step("report", id, "reporter_contact");
      }
      for (const id of m.reportPeople) {
        const [r] = await tx.select({ peopleEnc: publicReports.peopleEnc }).from(publicReports).where(eq(publicReports.id, id));
        const { people } = withoutSubject(ctx.keys, r?.peopleEnc ?? null, s);
        await tx
          .update(publicReports)
          .set({ peopleEnc: people.length ? encrypt(ctx.keys, JSON.stringify(people)) : null, updatedAt: new Date() })
          .where(eq(publicReports.id, id));
        // The contact hashes are recomputed from the people left (an e-mail match has no people entry: its hash goes).
        await tx.delete(reportIdentifiers).where(eq(reportIdentifiers.reportId, id));
        const left = identifiersOf(ctx.keys, people as Parameters<typeof identifiersOf>[1]).filter((i) => i.hash !== s.emailHash);
        if (left.length) await tx.insert(reportIdentifiers).values(left.map((i) => ({ tenant: p.tenant, reportId: id, ...i })));
        await step("report", id, "named_person");
      }
      for (const id of new Set([...m.reportContacts, ...m.reportPeople])) {
        await tx
          .insert(retentionErasures)
          .values({ tenant: p.tenant, kind: "report", recordId: id, cause: "request", requestId })
          .onConflictDoNothing();
      }
      for (const c of m.casePersons) {
        await eraseCasePerson(tx, e, c.personId);
        await step("case_person", c.personId, "identity");
      }
      for (const id of m.screenings) {
        await eraseScreening(tx, ctx.keys, e, id, false);
        await step("screening", id, "applicant_identity");
      }
      for (const id of m.intelIdentifiers) {
        await tx.delete(intelMentions).where(eq(intelMentions.identifierId, id));
        await tx.delete(intelIdentifiers).where(eq(intelIdentifiers.id, id));
        await tx
          .insert(retentionErasures)
          .values({ tenant: p.tenant, kind: "intel_identifier", recordId: id, cause: "request", requestId })
          .onConflictDoNothing();
        await step("intel_identifier", id, "identifier");
      }
      for (const id of m.volunteers) {
        await eraseVolunteer(tx, e, id);
        await step("volunteer", id, "volunteer_record");
      }
      for (const r of m.refused) {
        await ctx.audit.write(tx, actor, {
          action: "privacy.erase_refused",
          resourceType: r.kind,
          resourceId: r.kind === "case" ? undefined : r.reference,
          details: { requestId, reason: r.reason, ...(r.kind === "case" ? { caseCode: r.reference } : {}) },
        });
      }
      return { requestId, executed: true, counts, refused: m.refused } satisfies ErasureResult;
    },
  );
  await removeFiles(ctx.db, ctx.config.dataDir, files);
  return result;
}
