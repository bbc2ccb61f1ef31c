// Which regions a user's jurisdiction covers, for the pickers of console filters and forms: the
// server scopes every list anyway, so a region outside the jurisdiction would only ever list nothing.
import { isWithin } from "../../core/regions";
import type { Jurisdiction } from "../lib/types";

/** A region the user works in, wholly (a desa of a listed kecamatan) or in part (the kecamatan of a listed desa). */
export function touchesJurisdiction(code: string, jurisdiction: Jurisdiction): boolean {
  if (jurisdiction.kind === "regency") return true;
  return jurisdiction.codes.some((area) => isWithin(code, area) || isWithin(area, code));
}

/** A region wholly inside the user's jurisdiction. */
export function withinJurisdiction(code: string, jurisdiction: Jurisdiction): boolean {
  if (jurisdiction.kind === "regency") return true;
  return jurisdiction.codes.some((area) => isWithin(code, area));
}
