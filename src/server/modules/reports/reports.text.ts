// A report's narrative and its timeline notes are stored sealed (AES-GCM, `*_enc`), searched through
// keyed tokens (lib/search-tokens.ts). Sealing, opening (with the legacy plaintext as fallback for a row
// the start-up routine has not reached yet), the search condition, and that routine's table list.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type KeyRing, openList, openText, sealList, sealText } from "../../lib/crypto";
import { type LegacyTable, sealLegacyPlaintext } from "../../lib/legacy-plaintext";
import { indexTokens, queryTokens } from "../../lib/search-tokens";
import { type publicReports, REPORT_SEARCH, type reportEvents } from "./reports.tables";

export type ReportText = {
  description: string;
  offerText: string | null;
  placeText: string | null;
  occurredText: string | null;
  companies: string[];
};

type SealedColumns = Pick<
  typeof publicReports.$inferSelect,
  "descriptionEnc" | "offerTextEnc" | "placeTextEnc" | "occurredTextEnc" | "companiesEnc"
> & {
  /** Keyed 64-bit tokens as decimal strings (JSON-safe; the column is bigint[]). */
  searchTokens: string[];
};

/** The texts the search tokens are made of (the time in words is not searched). */
const searchable = (t: Partial<ReportText>) => [t.description, t.offerText, t.placeText, ...(t.companies ?? [])];

export function sealReportText(keys: KeyRing, t: ReportText): SealedColumns {
  return {
    descriptionEnc: sealText(keys, t.description),
    offerTextEnc: sealText(keys, t.offerText),
    placeTextEnc: sealText(keys, t.placeText),
    occurredTextEnc: sealText(keys, t.occurredText),
    companiesEnc: sealList(keys, t.companies),
    searchTokens: indexTokens(keys, REPORT_SEARCH, searchable(t)),
  };
}

type LegacyReport = { description?: string | null; offerText?: string | null; placeText?: string | null; occurredText?: string | null };

/** Any subset of the sealed columns, opened; a legacy plaintext value stands in for a missing ciphertext. */
export function openReportText(
  keys: KeyRing,
  r: Partial<Omit<SealedColumns, "searchTokens">> & LegacyReport & { companies?: string[] },
): ReportText {
  return {
    description: openText(keys, r.descriptionEnc) ?? r.description ?? "",
    offerText: openText(keys, r.offerTextEnc) ?? r.offerText ?? null,
    placeText: openText(keys, r.placeTextEnc) ?? r.placeText ?? null,
    occurredText: openText(keys, r.occurredTextEnc) ?? r.occurredText ?? null,
    companies: r.companiesEnc ? openList(keys, r.companiesEnc) : (r.companies ?? []),
  };
}

/** Reports holding every word of the query (by prefix); null when the query has no searchable word. */
export function textSearchWhere(keys: KeyRing, searchTokens: SQL | unknown, q: string): SQL | null {
  const tokens = queryTokens(keys, REPORT_SEARCH, q);
  if (tokens.length === 0) return null;
  return sql`${searchTokens} @> ARRAY[${sql.join(
    tokens.map((t) => sql`${t}`),
    sql`, `,
  )}]::bigint[]`;
}

type EventRow = typeof reportEvents.$inferSelect;

export const sealNotes = (keys: KeyRing, e: { publicNote?: string | null; internalNote?: string | null }) => ({
  publicNoteEnc: sealText(keys, e.publicNote ?? null),
  internalNoteEnc: sealText(keys, e.internalNote ?? null),
});

/** An event's notes, opened (legacy plaintext as fallback). */
export function openNotes(keys: KeyRing, e: EventRow): { publicNote: string | null; internalNote: string | null } {
  return {
    publicNote: openText(keys, e.publicNoteEnc) ?? e.publicNote,
    internalNote: openText(keys, e.internalNoteEnc) ?? e.internalNote,
  };
}

function legacyTables(keys: KeyRing): LegacyTable[] {
  return [
    {
      table: "public_reports",
      columns: [
        { plain: "description", enc: "description_enc" },
        { plain: "offer_text", enc: "offer_text_enc" },
        { plain: "place_text", enc: "place_text_enc" },
        { plain: "occurred_text", enc: "occurred_text_enc" },
        { plain: "companies", enc: "companies_enc", list: true },
      ],
      derive: (row) => {
        const tokens = indexTokens(keys, REPORT_SEARCH, [
          row.description as string | null,
          row.offer_text as string | null,
          row.place_text as string | null,
          ...((row.companies as string[] | null) ?? []),
        ]);
        return { search_tokens: sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(tokens)}::jsonb)::bigint)` };
      },
    },
    {
      table: "report_events",
      columns: [
        { plain: "public_note", enc: "public_note_enc" },
        { plain: "internal_note", enc: "internal_note_enc" },
      ],
    },
  ];
}

/** Seals the report texts and notes stored in the clear before encryption (run after migrations). */
export async function sealLegacyReportText(db: Db, keys: KeyRing): Promise<number> {
  let n = 0;
  for (const spec of legacyTables(keys)) n += await sealLegacyPlaintext(db, keys, spec);
  return n;
}
