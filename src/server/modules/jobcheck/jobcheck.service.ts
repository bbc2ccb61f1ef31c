import { checkJobOffer, JOB_TEXT_MAX, JobTextError } from "../../../core/jobcheck";
import type { AppContext } from "../../context";
import { AppError } from "../../lib/errors";
import { registryIndexFor } from "../p3mi/p3mi.service";
import type { JobcheckResponse } from "./jobcheck.schema";

/** The engine with the licensed-agency registry wired in (when one has been imported). */
export async function checkOffer(ctx: AppContext, text: string): Promise<JobcheckResponse> {
  const lookupAgency = await registryIndexFor(ctx).lookup();
  try {
    return { ...checkJobOffer(text, { lookupAgency }), registryUsed: lookupAgency !== undefined };
  } catch (err) {
    // The schema already refuses these; the engine's own check is the last line.
    if (err instanceof JobTextError) throw new AppError("validation_failed", { text: err.code === "too_long" ? { code: "too_long", params: { max: JOB_TEXT_MAX } } : { code: err.code === "not_text" ? "must_be_text" : "required" } });
    throw err;
  }
}
