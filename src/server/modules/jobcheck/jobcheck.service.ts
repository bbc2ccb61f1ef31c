import { checkJobOffer, JOB_TEXT_MAX, JobTextError } from "../../../core/jobcheck";
import type { AppContext } from "../../context";
import { AppError } from "../../lib/errors";
import { IntelService } from "../intel/intel.service";
import { registryIndexFor } from "../p3mi/p3mi.service";
import type { JobcheckResponse } from "./jobcheck.schema";

/** The engine with the licensed-agency registry wired in (when one has been imported). */
export async function checkOffer(ctx: AppContext, text: string): Promise<JobcheckResponse> {
  const index = registryIndexFor(ctx);
  const lookupAgency = await index.lookup();
  const lookupLicence = lookupAgency ? (licence: string) => index.findLicence(licence) : undefined;
  try {
    const result = checkJobOffer(text, { lookupAgency, lookupLicence });
    return { ...result, registryUsed: lookupAgency !== undefined, reportedPhones: await reportedPhones(ctx, result.entities.phones) };
  } catch (err) {
    // The schema already refuses these; the engine's own check is the last line.
    if (err instanceof JobTextError)
      throw new AppError("validation_failed", {
        text:
          err.code === "too_long"
            ? { code: "too_long", params: { max: JOB_TEXT_MAX } }
            : { code: err.code === "not_text" ? "must_be_text" : "required" },
      });
    throw err;
  }
}

/** The phones of a message that residents reported at least twice; as on the public number check, never more. */
async function reportedPhones(ctx: AppContext, phones: string[]): Promise<{ phone: string; count: number }[]> {
  const intel = new IntelService(ctx);
  const out: { phone: string; count: number }[] = [];
  for (const phone of phones.slice(0, 5)) {
    const count = await intel.publicCount(ctx.config.regency, "phone", phone);
    if (count >= 2) out.push({ phone, count });
  }
  return out;
}
