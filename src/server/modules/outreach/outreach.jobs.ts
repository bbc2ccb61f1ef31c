// Scheduled work for outreach: sweep the photo store for files no row references.
import type { AppContext } from "../../context";
import type { Job } from "../../jobs/jobs";
import { type FileKind, sweepOrphanFiles } from "../../lib/uploads/orphan-files";
import { outreachSessionPhotos } from "./outreach.tables";

/** Outreach session photos (stored plain, named by the hash of their content). */
export const OUTREACH_PHOTO_FILES: FileKind = { folder: "outreach-photos", sha256: outreachSessionPhotos.sha256 };

export function outreachJobs(ctx: AppContext): Job[] {
  return [
    {
      name: "outreach.cleanup-orphan-files",
      intervalMs: 6 * 60 * 60_000,
      run: (now) => sweepOrphanFiles(ctx.db, ctx.config.dataDir, OUTREACH_PHOTO_FILES, now),
    },
  ];
}
