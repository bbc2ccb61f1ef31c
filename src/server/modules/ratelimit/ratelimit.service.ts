// Quotas and attempt counters kept in the database, so several app servers share them.
//
// Each hit is one statement: an upsert that starts a new window when the old one has ended, else adds
// one, and returns the count and the window's end. PostgreSQL serialises upserts of one key, so N
// concurrent hits on any number of servers count exactly N (no read-then-write gap).
import type { FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/client";
import { hmacHex, type KeyRing } from "../../lib/crypto";

export type Hit = { hits: number; resetAt: Date };

/** SQL for one counted hit on `key` in a window of `windowMs`; composable into a larger statement. */
export function hitSql(key: string, windowMs: number, onlyIf: SQL = sql`TRUE`, from: SQL = sql``) {
  return sql`INSERT INTO rate_limits AS r (key, hits, reset_at)
      SELECT ${key}, 1, now() + ${windowMs} * interval '1 millisecond' ${from} WHERE ${onlyIf}
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
        reset_at = CASE WHEN r.reset_at <= now() THEN excluded.reset_at ELSE r.reset_at END
      RETURNING hits, reset_at`;
}

export async function hit(db: Db, key: string, windowMs: number): Promise<Hit> {
  const [row] = rowsOf<{ hits: number; reset_at: Date | string }>(await db.execute(hitSql(key, windowMs)));
  return { hits: Number(row!.hits), resetAt: new Date(row!.reset_at) };
}

/** Counters whose window ended; removed by the clean-up job. */
export async function purgeExpired(db: Db): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE reset_at < now() - interval '1 minute'`);
}

type StoreResult = { current: number; ttl: number };
type Incr = (key: string, cb: (err: Error | null, res?: StoreResult) => void, timeWindow: number, max: number) => void;

/**
 * A store for @fastify/rate-limit. Route limits (public intake, checks, sign-in: the quotas that
 * matter) are counted in PostgreSQL per route and client; the generous global per-client ceiling on
 * every other route stays in process memory (a database write per request would cost more than the
 * ceiling protects).
 */
export function databaseRateLimitStore(db: Db, LocalStore: new (...args: any[]) => { incr: Incr }): FastifyRateLimitStoreCtor {
  class DatabaseStore {
    constructor(private readonly prefix: string) {}
    incr: Incr = (key, cb, timeWindow) => {
      hit(db, `${this.prefix}|${key}`, timeWindow).then(
        (h) => cb(null, { current: h.hits, ttl: Math.max(0, h.resetAt.getTime() - Date.now()) }),
        (err) => cb(err as Error),
      );
    };
    child() {
      return this;
    }
  }
  return class RootStore {
    private readonly local: { incr: Incr };
    constructor(params: { continueExceeding?: boolean; exponentialBackoff?: boolean; cache?: number }) {
      this.local = new LocalStore(params.continueExceeding, params.exponentialBackoff, params.cache);
    }
    incr: Incr = (key, cb, timeWindow, max) => this.local.incr(key, cb, timeWindow, max);
    child(routeOptions: unknown) {
      // @fastify/rate-limit passes the route's merged options, with the route itself as routeInfo.
      const r = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new DatabaseStore(`route:${[r?.method ?? ""].flat().join(",")} ${r?.url ?? ""}`);
    }
  };
}

/**
 * Guesses at a public report's PIN. Counted per client and code (5 an hour: a stranger locks out only
 * themselves) and per code from anyone (20 per 15 minutes: a softer brake on guessing from many
 * addresses, so a crowd can delay the owner by 15 minutes at most, never an hour). Codes are counted
 * whether or not they exist, so the answers reveal nothing about which codes are real.
 */
export const PIN_CLIENT_MAX = 5;
export const PIN_CLIENT_WINDOW_MS = 60 * 60_000;
export const PIN_CODE_MAX = 20;
export const PIN_CODE_WINDOW_MS = 15 * 60_000;

export type PinAttempt =
  | { allowed: true; attemptsLeft: number; settle(correct: boolean): Promise<void> }
  | { allowed: false; retryAt: Date };

/**
 * Takes one attempt in a single statement (both counters), before the PIN is checked: of N concurrent
 * guesses only the first PIN_CLIENT_MAX get to compare. `settle(true)` gives the attempt back.
 */
export async function takePinAttempt(db: Db, ring: KeyRing, code: string, client: string): Promise<PinAttempt> {
  const clientKey = `pin:c:${hmacHex(ring, "rate-limit", `${code}\0${client}`)}`;
  const codeKey = `pin:k:${hmacHex(ring, "rate-limit", code)}`;
  // The code counter only counts attempts the client counter let through (a refused flood from one
  // client must not lock the code for everyone).
  const [row] = rowsOf<{ c_hits: number; c_reset: string | Date; k_hits: number | null; k_reset: string | Date | null }>(
    await db.execute(sql`WITH c AS (${hitSql(clientKey, PIN_CLIENT_WINDOW_MS)}),
        k AS (${hitSql(codeKey, PIN_CODE_WINDOW_MS, sql`c.hits <= ${PIN_CLIENT_MAX}`, sql`FROM c`)})
      SELECT c.hits AS c_hits, c.reset_at AS c_reset, k.hits AS k_hits, k.reset_at AS k_reset FROM c LEFT JOIN k ON TRUE`),
  );
  const c = { hits: Number(row!.c_hits), resetAt: new Date(row!.c_reset) };
  const k = row!.k_hits === null ? { hits: 0, resetAt: new Date(0) } : { hits: Number(row!.k_hits), resetAt: new Date(row!.k_reset!) };
  const over = [c.hits > PIN_CLIENT_MAX ? c.resetAt : null, k.hits > PIN_CODE_MAX ? k.resetAt : null].filter((d): d is Date => d !== null);
  if (over.length) return { allowed: false, retryAt: new Date(Math.max(...over.map((d) => d.getTime()))) };
  return {
    allowed: true,
    attemptsLeft: Math.min(PIN_CLIENT_MAX - c.hits, PIN_CODE_MAX - k.hits),
    async settle(correct) {
      if (!correct) return;
      await db.execute(sql`WITH d AS (DELETE FROM rate_limits WHERE key = ${clientKey})
        UPDATE rate_limits SET hits = greatest(hits - 1, 0) WHERE key = ${codeKey}`);
    },
  };
}
