// The registry in memory, for the job-offer engine: its lookup is synchronous and runs on every
// check, so it cannot query the database. A few thousand short names fit in well under a megabyte.
//
// Freshness: an import in this process invalidates the index at once; imports by another process
// (the CLI, another app server) are noticed by a cheap signature query at most every 30 seconds.
import type { CheckOptions } from "../../../core/jobcheck";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { licenceKeyOf, normaliseCompanyName } from "./p3mi.normalise";
import { listForIndex, registrySignature } from "./p3mi.repo";
import type { P3miStatus } from "./p3mi.tables";

export type AgencyLookup = NonNullable<CheckOptions["lookupAgency"]>;
type Entry = { status: P3miStatus; validUntil: string | null; name: string; licenceNumber: string };
type Hit = NonNullable<ReturnType<AgencyLookup>>;

/** Words a message puts after a company name that are not part of it ("PT Maju Jaya resmi"). */
const TRAILING_NOISE = new Set([
  "resmi",
  "berizin",
  "terdaftar",
  "membuka",
  "buka",
  "lowongan",
  "loker",
  "cabang",
  "kantor",
  "p3mi",
  "sip3mi",
  "sip2mi",
]);

const RANK: Record<P3miStatus, number> = { active: 0, suspended: 1, revoked: 2 };

export class RegistryIndex {
  private byName = new Map<string, Entry>();
  private byLicence = new Map<string, Entry>();
  private signature: string | null = null;
  private checkedAt = 0;
  private stale = true;
  private loading: Promise<void> | null = null;
  private seq = 0;
  private appliedSeq = 0;

  constructor(
    private readonly db: Db,
    private readonly opts: { checkEveryMs?: number; onError?: (err: unknown) => void } = {},
  ) {}

  /** Call after changing the registry in this process: the next lookup reloads first. */
  invalidate(): void {
    this.stale = true;
  }

  get size(): number {
    return this.byName.size;
  }

  /**
   * The engine's lookup, or undefined while the registry is empty: with no list imported, every
   * "we are licensed" claim would otherwise be reported as unlicensed.
   */
  async lookup(today = jakartaToday()): Promise<AgencyLookup | undefined> {
    if (this.stale) {
      this.stale = false;
      this.loading = this.load(true);
    } else if (!this.loading && Date.now() - this.checkedAt > (this.opts.checkEveryMs ?? 30_000)) {
      // Background check: this request still uses the index it has.
      void this.load(false);
    }
    if (this.loading) await this.loading;
    if (this.byName.size === 0) return undefined;
    return (name) => this.find(name, today);
  }

  find(name: string, today = jakartaToday()): Hit | undefined {
    const words = normaliseCompanyName(name).split(" ").filter(Boolean);
    while (words.length > 0) {
      const hit = this.byName.get(words.join(" "));
      if (hit) return toHit(hit, today);
      if (words.length <= 1 || !TRAILING_NOISE.has(words[words.length - 1]!)) return undefined;
      words.pop();
    }
    return undefined;
  }

  /** A licence number as written in a message ("B.123/PL/2024", "b 123 pl 2024"). */
  findLicence(licence: string, today = jakartaToday()): Hit | undefined {
    const key = licenceKeyOf(licence);
    const hit = key.length >= 3 ? this.byLicence.get(key) : undefined;
    return hit ? toHit(hit, today) : undefined;
  }

  private async load(force: boolean): Promise<void> {
    const seq = ++this.seq;
    this.checkedAt = Date.now();
    try {
      const signature = await registrySignature(this.db);
      if (!force && signature === this.signature) return;
      const rows = await listForIndex(this.db);
      if (seq < this.appliedSeq) return;
      const next = new Map<string, Entry>();
      const licences = new Map<string, Entry>();
      for (const r of rows) {
        const entry: Entry = { status: r.status, validUntil: r.validUntil, name: r.name, licenceNumber: r.licenceNumber };
        licences.set(r.licenceKey, entry);
        const current = next.get(r.nameNormalised);
        // Several licences under one name (a renewal, a revoked old number): the best one counts.
        if (
          !current ||
          RANK[r.status] < RANK[current.status] ||
          (r.status === current.status && (r.validUntil ?? "9") > (current.validUntil ?? "9"))
        ) {
          next.set(r.nameNormalised, entry);
        }
      }
      this.byName = next;
      this.byLicence = licences;
      this.signature = signature;
      this.appliedSeq = seq;
    } catch (err) {
      // The checker must keep answering without the registry; the next check retries.
      this.opts.onError?.(err);
    } finally {
      if (seq === this.seq) this.loading = null;
    }
  }
}

/** An active licence past its end date allows no recruiting: it is reported as expired. */
function toHit(e: Entry, today: string): Hit {
  const expired = e.status === "active" && e.validUntil !== null && e.validUntil < today;
  return { status: expired ? "expired" : e.status, name: e.name, licenceNumber: e.licenceNumber, validUntil: e.validUntil };
}

/** Today's date in Kabupaten Serang (WIB), as YYYY-MM-DD. */
export function jakartaToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const indexes = new WeakMap<AppContext, RegistryIndex>();

/** One index per app context, shared by the routes and the import. */
export function registryIndexFor(ctx: AppContext, opts: { onError?: (err: unknown) => void } = {}): RegistryIndex {
  let index = indexes.get(ctx);
  if (!index) {
    index = new RegistryIndex(ctx.db, opts);
    indexes.set(ctx, index);
  }
  return index;
}
