// Helpers shared by the job-offer engine's tests.
import { checkJobOffer } from "./index.js";

/** The codes of the flags the engine raises on a text, sorted. */
export const flagCodes = (text: string) =>
  checkJobOffer(text)
    .flags.map((f) => f.code)
    .sort();
