// Registry import and search. The import is idempotent: rows are keyed by licence number, a row
// that did not change is left alone (so its "updated" time, and the index signature, stay put).
import type { AppContext } from "../../context";
import { type AuditActor, SYSTEM_ACTOR } from "../audit/audit.service";
import type { P3miInput, ParsedFile, RejectedRow } from "./p3mi.file";
import { jakartaToday, registryIndexFor } from "./p3mi.index";
import { licenceKeyOf, normaliseCompanyName } from "./p3mi.normalise";
import { findByLicenceKeys, insertCompanies, type P3miValues, searchCompanies, updateCompany } from "./p3mi.repo";
import type { P3miCompanyRow } from "./p3mi.tables";
import type { Agency } from "./p3mi.schema";

/** The in-memory registry index the job-offer engine consults (see p3mi.index.ts). */
export { registryIndexFor } from "./p3mi.index";

export type ImportReport = { total: number; inserted: number; updated: number; unchanged: number; rejected: RejectedRow[] };
export type ImportOptions = {
  /** Used for rows without their own source column. */
  source: string;
  /** Used for rows without their own "last verified" column; defaults to today (WIB). */
  verifiedOn?: string;
  actor?: AuditActor;
  onProgress?: (done: number, total: number) => void;
};

const BATCH = 200;
const COMPARED = ["name", "licenceNumber", "validFrom", "validUntil", "status", "headOfficeAddress", "source", "lastVerifiedOn"] as const;

function valuesOf(row: P3miInput, opts: ImportOptions, verifiedOn: string): P3miValues {
  return {
    name: row.name,
    nameNormalised: normaliseCompanyName(row.name),
    licenceNumber: row.licenceNumber,
    licenceKey: licenceKeyOf(row.licenceNumber),
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    status: row.status,
    headOfficeAddress: row.headOfficeAddress,
    branches: row.branches,
    source: row.source ?? opts.source,
    lastVerifiedOn: row.lastVerifiedOn ?? verifiedOn,
  };
}

function sameAs(existing: P3miCompanyRow, next: P3miValues): boolean {
  return (
    COMPARED.every((k) => (existing[k] ?? null) === (next[k] ?? null)) &&
    JSON.stringify(existing.branches) === JSON.stringify(next.branches)
  );
}

export async function importP3mi(ctx: AppContext, parsed: ParsedFile, opts: ImportOptions): Promise<ImportReport> {
  const verifiedOn = opts.verifiedOn ?? jakartaToday();
  const total = parsed.rows.length;
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  opts.onProgress?.(0, total);
  await ctx.withAudit(
    opts.actor ?? SYSTEM_ACTOR,
    () => ({ action: "p3mi.import", resourceType: "p3mi_registry", details: { ...counts, rejected: parsed.rejected.length } }),
    async (tx) => {
      for (let i = 0; i < total; i += BATCH) {
        const batch = parsed.rows.slice(i, i + BATCH).map((r) => valuesOf(r, opts, verifiedOn));
        const existing = new Map(
          (
            await findByLicenceKeys(
              tx,
              batch.map((v) => v.licenceKey),
            )
          ).map((r) => [r.licenceKey, r]),
        );
        const fresh: P3miValues[] = [];
        for (const v of batch) {
          const old = existing.get(v.licenceKey);
          if (!old) fresh.push(v);
          else if (sameAs(old, v)) counts.unchanged++;
          else {
            await updateCompany(tx, v.licenceKey, v);
            counts.updated++;
          }
        }
        await insertCompanies(tx, fresh);
        counts.inserted += fresh.length;
        opts.onProgress?.(Math.min(total, i + BATCH), total);
      }
    },
  );
  if (counts.inserted + counts.updated > 0) registryIndexFor(ctx).invalidate();
  return { total: total + parsed.rejected.length, ...counts, rejected: parsed.rejected };
}

export async function searchAgencies(ctx: AppContext, q: string, limit: number): Promise<Agency[]> {
  const today = jakartaToday();
  return (await searchCompanies(ctx.db, q, limit, today)).map((r) => presentAgency(r, today));
}

/** Allow-list presenter: what the public may see about a company. */
export function presentAgency(r: P3miCompanyRow, today = jakartaToday()): Agency {
  const expired = r.validUntil !== null && r.validUntil < today;
  return {
    name: r.name,
    licenceNumber: r.licenceNumber,
    status: r.status,
    licenceValid: r.status === "active" && !expired,
    expired,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    headOfficeAddress: r.headOfficeAddress,
    branches: r.branches.map((b) => b.address),
    source: r.source,
    lastVerifiedOn: r.lastVerifiedOn,
  };
}
