// Writes public reports in batches ("group commit"): reports that arrive while earlier ones are being
// written go to the database together, in one statement. Each report, its contact hashes, its first
// timeline event, its attachment claims and its audit record (chained on one audit shard) are
// committed by that statement; a caller's promise settles only after the commit. Under light load a
// batch is one report and nothing waits; under heavy load one round trip, one plan and one commit
// carry many reports, which is what lets intake keep up with a flood.
//
// The statement aborts itself (simpul_assert) when an attachment cannot be claimed or no audit head
// is free, so nothing is ever half-written. A failed batch of several reports is retried one report
// at a time, so one bad report (an attachment already used) never fails the others.
import { sql } from "drizzle-orm";
import type { AppContext } from "../../context";
import { executePrepared, sqlAssertion } from "../../db/client";
import { isDatabaseUnavailable } from "../../db/errors";
import type { PreparedRecord } from "../audit/audit.service";

/** One report ready to store: every column computed, narrative and contacts encrypted, contacts hashed. */
export type IntakeRow = {
  id: string;
  trackingCode: string;
  submissionHash: string;
  pinHash: string;
  category: string;
  descriptionEnc: string | null;
  offerTextEnc: string | null;
  regionCode: string | null;
  kecamatanCode: string | null;
  placeTextEnc: string | null;
  occurredOn: string | null;
  occurredTextEnc: string | null;
  anonymous: boolean;
  reporterEnc: string | null;
  peopleEnc: string | null;
  companiesEnc: string | null;
  /** Keyed search tokens (reports.text.ts). */
  searchTokens: string[];
  consent: boolean;
  receivedAt: string;
  verifyDueAt: string;
  identifiers: { kind: string; hash: string }[];
  attachmentIds: string[];
  /** Uploads older than this cannot be claimed. */
  claimCutoff: string;
  audit: PreparedRecord;
};

export type IntakeOutcome =
  | { kind: "created" }
  | { kind: "replay"; trackingCode: string }
  /** The tracking code was taken (or a concurrent retry committed meanwhile): try again with another code. */
  | { kind: "collision" };

type Pending = { row: IntakeRow; resolve(o: IntakeOutcome): void; reject(err: unknown): void };

/**
 * Batches in flight at once; more reports wait and go in the next batch. PostgreSQL runs a few side by
 * side; the embedded database runs one statement at a time, so there every report that arrives while
 * one batch is written joins the next.
 */
const MAX_IN_FLIGHT = { postgresql: 4, pglite: 1 } as const;
const MAX_BATCH = 64;
/** Attempts with SKIP LOCKED on the audit heads before waiting for one. */
const FREE_HEAD_ATTEMPTS = 2;

const writers = new WeakMap<AppContext, IntakeWriter>();

/** The one writer of an app context (its batches share the context's connection pool). */
export function intakeWriterFor(ctx: AppContext): IntakeWriter {
  let w = writers.get(ctx);
  if (!w) {
    w = new IntakeWriter(ctx);
    writers.set(ctx, w);
  }
  return w;
}

export class IntakeWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  /** Batches written, reports in them, and the largest batch (for tests and the benchmark). */
  readonly stats = { batches: 0, reports: 0, largest: 0 };

  constructor(private readonly ctx: AppContext) {}

  write(row: IntakeRow): Promise<IntakeOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Sends what is queued once the requests that arrived together have all reached the queue: after
   * the current round of I/O callbacks (setImmediate), not at once. With the embedded database this
   * is what makes batches at all, since its statements run on this thread.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT[this.ctx.database.kind] && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.stats.batches++;
      this.stats.reports += batch.length;
      this.stats.largest = Math.max(this.stats.largest, batch.length);
      this.inFlight++;
      void this.settle(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  private async settle(batch: Pending[]): Promise<void> {
    // The same submission twice in one batch: the first is written, the rest learn its outcome as a replay.
    const first = new Map<string, Pending>();
    const followers: [Pending, Pending][] = [];
    for (const p of batch) {
      const lead = first.get(p.row.submissionHash);
      if (lead) followers.push([p, lead]);
      else first.set(p.row.submissionHash, p);
    }
    const leads = [...first.values()];
    let outcomes: (IntakeOutcome | Error)[];
    try {
      outcomes = await this.writeBatch(leads);
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    leads.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o instanceof Error) p.reject(o);
      else p.resolve(o);
    });
    for (const [p, lead] of followers) {
      const o = outcomes[leads.indexOf(lead)]!;
      if (o instanceof Error) p.reject(o);
      else p.resolve(o.kind === "created" ? { kind: "replay", trackingCode: lead.row.trackingCode } : o);
    }
  }

  /** Outcome per report, or the error that refused it. */
  private async writeBatch(batch: Pending[]): Promise<(IntakeOutcome | Error)[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.statement(
          batch.map((p) => p.row),
          attempt < FREE_HEAD_ATTEMPTS,
        );
      } catch (err) {
        if (sqlAssertion(err) === "audit_busy" && attempt < FREE_HEAD_ATTEMPTS + 3) continue;
        // The database is gone: every report of the batch gets the same answer (503), no retries here.
        if (batch.length === 1 || isDatabaseUnavailable(err)) return batch.map(() => (err instanceof Error ? err : new Error(String(err))));
        // One report spoilt the batch (or the database hiccuped): write each on its own.
        return Promise.all(batch.map(async (p) => (await this.writeBatch([p]))[0]!));
      }
    }
  }

  private async statement(rows: IntakeRow[], freeHeadOnly: boolean): Promise<IntakeOutcome[]> {
    const tenant = this.ctx.config.regency;
    const reports = rows.map(({ identifiers: _i, attachmentIds: _a, claimCutoff: _c, audit: _au, ...r }) => r);
    const identifiers = rows.flatMap((r) => r.identifiers.map((i) => ({ reportId: r.id, ...i })));
    const claims = rows.flatMap((r) => r.attachmentIds.map((attachmentId) => ({ reportId: r.id, attachmentId, cutoff: r.claimCutoff })));
    const inserted = sql`EXISTS (SELECT 1 FROM r)`;
    const pick = freeHeadOnly ? this.ctx.audit.pickFree(inserted) : this.ctx.audit.pickWait(inserted);
    const result = await executePrepared<{ id: string; written: boolean; existing: string | null }>(
      this.ctx.db,
      sql`
        WITH RECURSIVE input AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(reports)}::jsonb) AS x(
            id uuid, "trackingCode" text, "submissionHash" text, "pinHash" text, category text, "descriptionEnc" text, "offerTextEnc" text,
            "regionCode" text, "kecamatanCode" text, "placeTextEnc" text, "occurredOn" text, "occurredTextEnc" text, anonymous boolean,
            "reporterEnc" text, "peopleEnc" text, "companiesEnc" text, "searchTokens" jsonb, consent boolean, "receivedAt" timestamptz,
            "verifyDueAt" timestamptz)
        ), r AS (
          INSERT INTO public_reports (id, tenant, tracking_code, submission_hash, pin_hash, category, description_enc, offer_text_enc,
            region_code, kecamatan_code, place_text_enc, occurred_on, occurred_text_enc, anonymous, reporter_enc, people_enc,
            companies_enc, search_tokens, consent, status, received_at, verify_due_at, updated_at)
          SELECT id, ${tenant}, "trackingCode", "submissionHash", "pinHash", category, "descriptionEnc", "offerTextEnc",
            "regionCode", "kecamatanCode", "placeTextEnc", "occurredOn", "occurredTextEnc", anonymous, "reporterEnc", "peopleEnc",
            "companiesEnc", ARRAY(SELECT jsonb_array_elements_text("searchTokens")::bigint), consent, 'received', "receivedAt", "verifyDueAt", "receivedAt"
          FROM input
          ON CONFLICT DO NOTHING
          RETURNING id, received_at
        ), idf AS (
          INSERT INTO report_identifiers (tenant, report_id, kind, hash)
          SELECT ${tenant}, r.id, x.kind, x.hash
          FROM jsonb_to_recordset(${JSON.stringify(identifiers)}::jsonb) AS x("reportId" uuid, kind text, hash text) JOIN r ON r.id = x."reportId"
        ), ev AS (
          INSERT INTO report_events (tenant, report_id, kind, status, at, details)
          SELECT ${tenant}, r.id, 'received', 'received', r.received_at, '{}'::jsonb FROM r
        ), claim AS (
          SELECT x.* FROM jsonb_to_recordset(${JSON.stringify(claims)}::jsonb) AS x("reportId" uuid, "attachmentId" uuid, cutoff timestamptz)
          JOIN r ON r.id = x."reportId"
        ), att AS (
          UPDATE report_attachments a SET report_id = c."reportId" FROM claim c
          WHERE a.id = c."attachmentId" AND a.tenant = ${tenant} AND a.report_id IS NULL AND a.created_at > c.cutoff
          RETURNING a.id
        ), ${this.ctx.audit.appendManyCtes(
          rows.map((r) => r.audit),
          sql`SELECT id::text FROM r`,
          pick,
        )}, checked AS (
          SELECT simpul_assert((SELECT count(*) FROM att) = (SELECT count(*) FROM claim), 'attachment_unknown') AND
            simpul_assert(NOT EXISTS (SELECT 1 FROM r) OR EXISTS (SELECT 1 FROM audit_up), 'audit_busy') AS ok
        )
        SELECT input.id, r.id IS NOT NULL AS written,
          -- Only on a conflict: the earlier report of this submission (a replay), else a code collision.
          CASE WHEN r.id IS NULL THEN
            (SELECT tracking_code FROM public_reports p WHERE p.tenant = ${tenant} AND p.submission_hash = input."submissionHash")
          END AS existing
        FROM input LEFT JOIN r ON r.id = input.id CROSS JOIN checked`,
    );
    const byId = new Map(result.map((row) => [row.id, row]));
    return rows.map((r) => {
      const row = byId.get(r.id);
      if (row?.written) return { kind: "created" };
      if (row?.existing) return { kind: "replay", trackingCode: row.existing };
      return { kind: "collision" };
    });
  }
}
