// Recruiter intelligence as the console sees it (type-only imports from the server's schemas).
import type { z } from "zod";
import type { EntityDetailSchema, EntitySummarySchema, NetworkSchema } from "../../server/modules/intel/intel.schema";

export const INTEL_PATH = "/konsol/intelijen";

export function isIntelPath(pathname: string): boolean {
  const p = pathname.replace(/\/+$/, "");
  return p === INTEL_PATH || p.startsWith(`${INTEL_PATH}/`);
}

export type EntitySummary = z.infer<typeof EntitySummarySchema>;
export type EntityDetail = z.infer<typeof EntityDetailSchema>;
export type Network = z.infer<typeof NetworkSchema>;
