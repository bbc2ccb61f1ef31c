// After migrations (server start, `simpul db migrate`): text stored in the clear before its column became
// `*_enc` is sealed with the key ring and the plaintext emptied (lib/legacy-plaintext.ts). Each module
// names its own columns; this file only runs them in turn. Idempotent: a second run finds nothing.
import type { AppContext } from "./context";
import { sealLegacyFacilitators } from "./modules/outreach/outreach.service";
import { sealLegacyReportText } from "./modules/reports/reports.service";
import { sealLegacyVolunteerNames } from "./modules/volunteers/volunteers.service";

/** Rows whose legacy plaintext was sealed (a count only: nothing personal is reported). */
export async function sealLegacyPlaintextAll(ctx: Pick<AppContext, "db" | "keys">): Promise<number> {
  let n = 0;
  for (const seal of [sealLegacyReportText, sealLegacyVolunteerNames, sealLegacyFacilitators]) n += await seal(ctx.db, ctx.keys);
  return n;
}
