// Report search before and after the report texts were encrypted: PostgreSQL full-text search over the
// plaintext columns (the old `to_tsvector('indonesian', …)` GIN index, rebuilt here on a scratch table
// holding the same texts) against the keyed token index over the sealed texts (`search_tokens @> …`,
// then the page of 50 opened, as the queue does). Also the cost of making the tokens at intake and the
// size of both indexes. `npm run bench -- report-search` (BENCH_REPORTS=n to change the 10,000 reports).
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { type Database, type Db, rowsOf } from "../src/server/db/client";
import { type KeyRing, keyIdOf } from "../src/server/lib/crypto";
import { publicReports } from "../src/server/modules/reports/reports.tables";
import { openReportText, sealReportText, textSearchWhere } from "../src/server/modules/reports/reports.text";
import { fmt, freshPg, freshPglite, median, pgAvailable } from "./lib";

const N = Number(process.env.BENCH_REPORTS ?? 10_000);
const EXPLAIN = process.env.BENCH_EXPLAIN === "1";
const RUNS = 25;

/** A deterministic generator of report-like Indonesian text. */
function texts(n: number) {
  // mulberry32
  let seed = 7;
  const rnd = (k: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % k;
  };
  const common =
    "tawaran kerja gaji besar berangkat cepat tanpa biaya visa turis paspor agen sponsor calo lowongan pabrik perkebunan kapal restoran pembantu rumah tangga perawat operator admin keluarga tetangga adik kakak anak ibu bapak desa kecamatan kabupaten dijanjikan ditahan dipekerjakan diberangkatkan dokumen kontrak potongan utang hubungi nomor facebook whatsapp grup".split(
      " ",
    );
  const places = [
    "Malaysia",
    "Kamboja",
    "Myanmar",
    "Dubai",
    "Arab Saudi",
    "Taiwan",
    "Hongkong",
    "Jepang",
    "Korea",
    "Erbil",
    "Sihanoukville",
  ];
  const names = Array.from({ length: 3000 }, (_, i) => `Nama${i.toString(36)}wati`);
  return Array.from({ length: n }, () => {
    const words = Array.from({ length: 25 + rnd(60) }, () => common[rnd(common.length)]!);
    words.splice(rnd(words.length), 0, names[rnd(names.length)]!, "di", places[rnd(places.length)]!);
    return {
      description: `${words.join(" ")}.`,
      offerText: rnd(3) === 0 ? `Lowongan ${common[rnd(common.length)]} di ${places[rnd(places.length)]}, gaji ${5 + rnd(20)} juta` : null,
      placeText: rnd(2) === 0 ? places[rnd(places.length)]! : null,
      occurredText: null,
      companies: rnd(4) === 0 ? [`PT ${names[rnd(names.length)]} Sejahtera`] : [],
    };
  });
}

const OLD_TSV = sql.raw(
  `to_tsvector('indonesian', coalesce(description, '') || ' ' || coalesce(offer_text, '') || ' ' || coalesce(place_text, ''))`,
);
const QUERIES = ["kamboja", "nama2kwati", "gaji kamboja", "pabrik dubai operator", "dipekerjakan"];

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function measure(kind: string, database: Database): Promise<Record<string, number>> {
  const db: Db = database.db;
  const key = randomBytes(32);
  const keys: KeyRing = { current: key, id: keyIdOf(key) };
  const all = texts(N);

  // Intake side: tokens and ciphertexts per report (what reports.intake.ts adds to each submission).
  const t0 = performance.now();
  const sealed = all.map((t) => sealReportText(keys, t));
  const sealUs = ((performance.now() - t0) / N) * 1000;
  const tokensPerReport = sealed.reduce((n, s) => n + s.searchTokens.length, 0) / N;

  await db.execute(sql`CREATE TABLE bench_plain_reports (id uuid PRIMARY KEY, received_at timestamptz NOT NULL,
    description text, offer_text text, place_text text)`);
  const now = Date.now();
  for (let i = 0; i < N; i += 500) {
    const chunk = all.slice(i, i + 500).map((t, j) => ({ id: randomUUID(), at: new Date(now - (i + j) * 60_000), t, s: sealed[i + j]! }));
    await db.insert(publicReports).values(
      chunk.map((c) => ({
        id: c.id,
        tenant: "36.04",
        trackingCode: randomBytes(8).toString("hex"),
        submissionHash: randomBytes(16).toString("hex"),
        pinHash: "x",
        category: "suspicious_offer" as const,
        receivedAt: c.at,
        verifyDueAt: c.at,
        ...c.s,
        searchTokens: c.s.searchTokens.map(BigInt),
      })),
    );
    await db.execute(sql`INSERT INTO bench_plain_reports (id, received_at, description, offer_text, place_text)
      SELECT x.id, x.at, x.d, x.o, x.p FROM jsonb_to_recordset(${JSON.stringify(
        chunk.map((c) => ({ id: c.id, at: c.at.toISOString(), d: c.t.description, o: c.t.offerText, p: c.t.placeText })),
      )}::jsonb) AS x(id uuid, at timestamptz, d text, o text, p text)`);
  }
  await db.execute(sql`CREATE INDEX bench_plain_tsv_idx ON bench_plain_reports USING gin (${OLD_TSV})`);
  await db.execute(sql`ANALYZE public_reports`);
  await db.execute(sql`ANALYZE bench_plain_reports`);
  const sizes = rowsOf<{ tokens_idx: number; tsv_idx: number }>(
    await db.execute(sql`SELECT pg_relation_size('public_reports_search_tokens_idx')::float8 AS tokens_idx,
      pg_relation_size('bench_plain_tsv_idx')::float8 AS tsv_idx`),
  )[0]!;

  const out: Record<string, number> = {
    [`${kind}_seal_and_tokens_us_per_report`]: sealUs,
    [`${kind}_tokens_per_report`]: tokensPerReport,
    [`${kind}_tokens_index_mb`]: sizes.tokens_idx / 1e6,
    [`${kind}_tsvector_index_mb`]: sizes.tsv_idx / 1e6,
  };
  console.log(
    `${kind}: ${fmt(N)} reports; sealing + tokens ${fmt(sealUs)} µs/report, ${fmt(tokensPerReport)} tokens/report; ` +
      `GIN index ${fmt(sizes.tokens_idx / 1e6, 1)} MB (tokens) vs ${fmt(sizes.tsv_idx / 1e6, 1)} MB (tsvector)`,
  );
  for (const q of QUERIES) {
    if (EXPLAIN) {
      const plan = rowsOf<Record<string, string>>(
        await db.execute(
          sql`EXPLAIN ANALYZE SELECT count(*) FROM public_reports WHERE ${textSearchWhere(keys, sql.raw("search_tokens"), q)!} AND (SELECT set_config('enable_seqscan', 'off', true)) IS NOT NULL`,
        ),
      );
      console.log(plan.map((r) => Object.values(r)[0]).join("\n"));
    }
    const before: number[] = [];
    const after: number[] = [];
    let hitsBefore = 0;
    let hitsAfter = 0;
    for (let r = 0; r < RUNS; r++) {
      before.push(
        await time(async () => {
          const cond = sql`${OLD_TSV} @@ websearch_to_tsquery('indonesian', ${q})`;
          const rows = rowsOf<{ description: string }>(
            await db.execute(sql`SELECT description FROM bench_plain_reports WHERE ${cond} ORDER BY received_at DESC LIMIT 50`),
          );
          const [c] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM bench_plain_reports WHERE ${cond}`));
          hitsBefore = Number(c!.n);
          return rows;
        }),
      );
      after.push(
        await time(() =>
          db.transaction(async (t) => {
            const tx = t as unknown as Db;
            // As listReports does (reports.repo.ts): sequential scans priced out for a word search.
            await tx.execute(sql`SET LOCAL enable_seqscan = off`);
            const cond = textSearchWhere(keys, sql.raw("search_tokens"), q)!;
            const rows = rowsOf<{ description_enc: string; place_text_enc: string | null }>(
              await tx.execute(
                sql`SELECT description_enc, place_text_enc FROM public_reports WHERE ${cond} ORDER BY received_at DESC LIMIT 50`,
              ),
            );
            for (const row of rows) openReportText(keys, { descriptionEnc: row.description_enc, placeTextEnc: row.place_text_enc });
            const [c] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM public_reports WHERE ${cond}`));
            hitsAfter = Number(c!.n);
            return rows;
          }),
        ),
      );
    }
    const slug = q.replace(/\s+/g, "_");
    out[`${kind}_${slug}_tsvector_ms`] = median(before);
    out[`${kind}_${slug}_tokens_ms`] = median(after);
    console.log(
      `  "${q}": tsvector ${fmt(median(before), 2)} ms (${fmt(hitsBefore)} hits) → tokens ${fmt(median(after), 2)} ms (${fmt(hitsAfter)} hits)`,
    );
  }
  return out;
}

export async function run(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  const lite = await freshPglite();
  Object.assign(results, await measure("pglite", lite));
  await lite.close();
  if (await pgAvailable()) {
    const { database, drop } = await freshPg(4);
    Object.assign(results, await measure("pg", database));
    await drop();
  } else console.log("report search: PostgreSQL not reachable, skipped");
  return results;
}

const self = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (self)
  run().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
