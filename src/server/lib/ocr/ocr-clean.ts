// Repairs what OCR typically gets wrong in the parts of an offer that matter most to the checker
// and to staff: phone numbers (O read for 0, l or I for 1, spaces inside the number) and social
// handles (a space after "@", "©" read for "@"). Ordinary words are left alone: a letter is only
// read as a digit inside a run that is already mostly digits and looks like an Indonesian number.

const DIGIT_LOOKALIKE: Record<string, string> = {
  O: "0",
  o: "0",
  D: "0",
  Q: "0",
  I: "1",
  l: "1",
  "|": "1",
  i: "1",
  S: "5",
  s: "5",
  B: "8",
  Z: "2",
  z: "2",
};
const LOOKALIKES = "OoDQIl|iSsBZz";

// A run that starts like an Indonesian number (+62, 62, 0 or its lookalike O) and continues with 8–13
// digits or lookalikes, each optionally followed by one separator (space, dash, dot).
const PHONE_RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\+\s?6\s?2|62|[0Oo])[\s.\-]?(?:[0-9${LOOKALIKES.replace("|", "\\|")}][ .\-]?){8,14}(?<=[0-9${LOOKALIKES.replace("|", "\\|")}])(?![\p{L}\p{N}])`,
  "gu",
);

function repairPhone(run: string): string | null {
  const trimmed = run.replace(/[\s.-]+$/, "");
  const chars = [...trimmed].filter((c) => !/[\s.+-]/.test(c));
  const realDigits = chars.filter((c) => /[0-9]/.test(c)).length;
  // Mostly digits already: at most a quarter of the characters may be lookalikes.
  if (realDigits < 6 || realDigits < chars.length * 0.75) return null;
  const digits = chars.map((c) => DIGIT_LOOKALIKE[c] ?? c).join("");
  if (!/^[0-9]+$/.test(digits)) return null;
  const national = digits.startsWith("62") ? `0${digits.slice(2)}` : digits;
  // Indonesian numbers: 0 + 9 to 12 digits (mobile 08…, landline 0xx…).
  if (!/^0[1-9][0-9]{8,11}$/.test(national)) return null;
  return trimmed.trimStart().startsWith("+") ? `+62${national.slice(1)}` : national;
}

export function cleanPhoneNumbers(text: string): string {
  return text.replace(PHONE_RUN, (run) => {
    const repaired = repairPhone(run);
    if (repaired === null) return run;
    const trailing = run.match(/[\s.-]+$/)?.[0] ?? "";
    return repaired + trailing;
  });
}

export function cleanHandles(text: string): string {
  return (
    text
      // "©kerja" or "® kerja" where a handle starts: OCR's usual misreading of "@".
      .replace(/(^|[\s(:])[©®](?=[A-Za-z_][A-Za-z0-9_.]{2,})/gmu, "$1@")
      // "@ kerja_luar" → "@kerja_luar"; "@kerja _ luar" → "@kerja_luar".
      .replace(/@\s+(?=[A-Za-z0-9_.])/g, "@")
      .replace(/(@[A-Za-z0-9_.]+)\s?_\s?(?=[A-Za-z0-9])/g, "$1_")
      // "wa. me/ 62…" and "t. me/ …" link prefixes split by OCR.
      .replace(/\b(wa|t)\s?\.\s?me\s?\/\s?/gi, (_, host: string) => `${host.toLowerCase()}.me/`)
  );
}

/** The OCR text with phone numbers and handles repaired, runs of spaces collapsed and empty lines dropped. */
export function cleanOcrText(raw: string): string {
  const lines = raw
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line) => line !== "");
  return cleanPhoneNumbers(cleanHandles(lines.join("\n")));
}
