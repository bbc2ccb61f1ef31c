// Two Simpul installations (two regencies) learning that they share a recruiter without exchanging names
// or numbers. Both hold a shared exchange key (agreed out of band, e.g. issued by the provincial task
// force; never either side's own secret key). Each side turns every identifier it holds into a token,
// HMAC-SHA256(exchange key, "simpul-exchange/1" | kind | normalised value), and sends only the tokens.
// The receiver computes its own tokens the same way and reports the intersection: which of ITS entities
// the other side also knows. No names, counts per token, records or plaintext values leave either side.
//
// Limit (documented in docs/ARCHITECTURE.md): a partner holding the exchange key can enumerate a small
// value space (Indonesian mobile numbers) and so learn which numbers a file contains. Exchange only with
// installations you would tell those numbers to anyway; a private-set-intersection protocol would remove
// this and can replace the token step without changing the file's purpose.
import { createHmac } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../../context";
import { decrypt } from "../../lib/crypto";
import { SYSTEM_ACTOR } from "../audit/audit.service";
import { normaliseBankAccount, normaliseEmail, normaliseHandle, normalisePhone } from "../../lib/identifiers";
import { normaliseCompany, normaliseLicence } from "./intel.identifiers";
import { type IntelIdentifierKind, intelEntities, intelIdentifiers } from "./intel.tables";

export const EXCHANGE_FORMAT = "simpul-intel-exchange/1";
const EXCHANGE_KINDS = ["phone", "bank_account", "handle", "email", "nik", "company", "licence"] as const;
type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

export const ExchangeFileSchema = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  /** The regency that wrote the file (Kemendagri code), so a match can be named. */
  from: z.string().regex(/^\d{2}\.\d{2}$/),
  createdAt: z.string(),
  tokens: z.array(z.object({ k: z.enum(EXCHANGE_KINDS), t: z.string().regex(/^[A-Za-z0-9_-]{43}$/) })).max(1_000_000),
});
export type ExchangeFile = z.infer<typeof ExchangeFileSchema>;

/** An exchange key: 32 random bytes, base64. */
export function parseExchangeKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32) throw new Error("exchange key must be 32 bytes in base64 (openssl rand -base64 32)");
  return key;
}

function exchangeKind(kind: IntelIdentifierKind): ExchangeKind {
  return kind === "ewallet" ? "phone" : kind;
}

function normalise(kind: ExchangeKind, raw: string): string | undefined {
  switch (kind) {
    case "phone":
      return normalisePhone(raw);
    case "bank_account":
      return normaliseBankAccount(raw);
    case "handle":
      return normaliseHandle(raw);
    case "email":
      return normaliseEmail(raw);
    case "nik": {
      const d = raw.replace(/\D/g, "");
      return d.length === 16 ? d : undefined;
    }
    case "company":
      return normaliseCompany(raw);
    case "licence":
      return normaliseLicence(raw);
  }
}

export function exchangeToken(key: Buffer, kind: ExchangeKind, raw: string): string | undefined {
  const n = normalise(kind, raw);
  return n === undefined ? undefined : createHmac("sha256", key).update(`${EXCHANGE_FORMAT}\0${kind}\0${n}`).digest("base64url");
}

async function localTokens(ctx: AppContext, key: Buffer) {
  const rows = await ctx.db
    .select({ kind: intelIdentifiers.kind, valueEnc: intelIdentifiers.valueEnc, entityId: intelIdentifiers.entityId })
    .from(intelIdentifiers)
    .innerJoin(intelEntities, eq(intelEntities.id, intelIdentifiers.entityId))
    .where(and(eq(intelIdentifiers.tenant, ctx.config.regency), isNull(intelEntities.mergedInto)));
  const out: { k: ExchangeKind; t: string; entityId: string }[] = [];
  for (const r of rows) {
    const k = exchangeKind(r.kind);
    const t = exchangeToken(key, k, decrypt(ctx.keys, r.valueEnc));
    if (t) out.push({ k, t, entityId: r.entityId });
  }
  return out;
}

/** The file this installation sends: tokens only, sorted so their order says nothing about when they were seen. */
export async function exportExchange(ctx: AppContext, key: Buffer, now = new Date()): Promise<ExchangeFile> {
  const tokens = await localTokens(ctx, key);
  const unique = [...new Map(tokens.map(({ k, t }) => [`${k}:${t}`, { k, t }])).values()].sort((a, b) => a.t.localeCompare(b.t));
  await ctx.withAudit(
    SYSTEM_ACTOR,
    { action: "intel.exchange_export", resourceType: "intel", details: { tokens: unique.length } },
    async () => undefined,
  );
  return { format: EXCHANGE_FORMAT, from: ctx.config.regency, createdAt: now.toISOString(), tokens: unique };
}

export type ExchangeMatch = { entityId: string; kinds: ExchangeKind[] };

/** This installation's entities that the other installation's file also holds. */
export async function matchExchange(ctx: AppContext, key: Buffer, file: unknown): Promise<{ from: string; matches: ExchangeMatch[] }> {
  const parsed = ExchangeFileSchema.parse(file);
  const theirs = new Set(parsed.tokens.map(({ k, t }) => `${k}:${t}`));
  const byEntity = new Map<string, Set<ExchangeKind>>();
  for (const mine of await localTokens(ctx, key)) {
    if (!theirs.has(`${mine.k}:${mine.t}`)) continue;
    const set = byEntity.get(mine.entityId) ?? new Set<ExchangeKind>();
    set.add(mine.k);
    byEntity.set(mine.entityId, set);
  }
  const matches = [...byEntity].map(([entityId, kinds]) => ({ entityId, kinds: [...kinds].sort() }));
  await ctx.withAudit(
    SYSTEM_ACTOR,
    {
      action: "intel.exchange_match",
      resourceType: "intel",
      details: { from: parsed.from, tokens: parsed.tokens.length, matches: matches.length },
    },
    async () => undefined,
  );
  return { from: parsed.from, matches };
}
