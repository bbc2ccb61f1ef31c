// Scheduled work for cases: escalate overdue referrals and services, encrypt documents stored before
// encryption at rest, and sweep the case-document store for files no row references.
import type { AppContext } from "../../context";
import type { Job } from "../../jobs/jobs";
import { type FileKind, sweepOrphanFiles } from "../../lib/uploads/orphan-files";
import { encryptLegacyDocuments } from "./cases.documents";
import { escalateCaseDeadlines } from "./cases.oversight";
import { caseDocuments } from "./cases.tables";

/**
 * Case documents are soft-deleted, so a deleted document's row still holds its file (kept as a record of
 * what the case held). They are encrypted: `sha256` is the hash of the ciphertext, i.e. the file's name.
 */
export const CASE_DOCUMENT_FILES: FileKind = { folder: "case-documents", sha256: caseDocuments.sha256 };

export function caseJobs(ctx: AppContext): Job[] {
  return [
    { name: "cases.escalate", intervalMs: 5 * 60_000, run: (now) => escalateCaseDeadlines(ctx, now) },
    // Documents uploaded before encryption at rest; nothing to do once they are all encrypted.
    { name: "cases.encrypt-legacy-documents", intervalMs: 60 * 60_000, run: () => encryptLegacyDocuments(ctx) },
    {
      name: "cases.cleanup-orphan-files",
      intervalMs: 6 * 60 * 60_000,
      run: (now) => sweepOrphanFiles(ctx.db, ctx.config.dataDir, CASE_DOCUMENT_FILES, now),
    },
  ];
}
