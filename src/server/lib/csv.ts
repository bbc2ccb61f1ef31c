/**
 * Minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF), on `separator`. Blank lines are dropped,
 * unless `keepBlankLines` (a file whose rows are reported by line number keeps them, as one empty field).
 */
export function parseCsv(text: string, { separator = ",", keepBlankLines = false } = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      if (keepBlankLines || row.length > 1 || row[0] !== "") rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by the header line. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

// ---- Writing: every exported cell goes through here, so a spreadsheet never runs what a person typed. ----

/** Characters a spreadsheet reads as the start of a formula (or that hide one): = + - @, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheet formula injection: text such as `=HYPERLINK(…)`, `+1+1` or `-2+3+cmd|' /C calc'!A0` typed into a
 * report runs when an officer opens the export. A leading apostrophe makes the spreadsheet show it as text.
 * Applies to text only: numbers written as numbers cannot carry a formula.
 */
export function neutralizeFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One CSV field: formula-guarded, quoted when it holds a separator, quote, apostrophe or line break. */
export function csvField(v: string | number | boolean | null | undefined | readonly (string | number)[], separator = ","): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = neutralizeFormula(Array.isArray(v) ? v.join(";") : String(v));
  return /[",;\r\n']/.test(s) || s.includes(separator) ? `"${s.replace(/"/g, '""')}"` : s;
}
