/**
 * `simpul jobcheck`: the job-offer checker on the command line.
 *   simpul jobcheck < in.jsonl            one JSON line per input line {"id","text"}, same order
 *   simpul jobcheck --text "…"            readable Indonesian report (--en for English)
 *   simpul jobcheck --eval FILE.jsonl     quality metrics for a labelled file
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import {
  checkJobOffer,
  evaluate,
  formatMetrics,
  type JobCheckResult,
  type LabelledExample,
  LEVEL_LABELS,
} from "../../core/jobcheck/index.js";

/** Processes one input line into one output line (never throws). */
export function processJobcheckLine(line: string): string {
  let id: unknown = null;
  try {
    const obj = JSON.parse(line) as unknown;
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw new Error("baris harus berupa objek JSON");
    const rec = obj as Record<string, unknown>;
    id = rec.id ?? null;
    if (typeof rec.text !== "string") throw new Error('kolom "text" harus berupa teks');
    const r = checkJobOffer(rec.text);
    return JSON.stringify({
      id,
      level: r.level,
      score: r.score,
      flags: r.flags.map((f) => f.code),
      signals: r.signals.map((s) => s.code),
      entities: {
        ...r.entities,
        money: r.entities.money.map(({ text, amount, currency, period, kind, idrPerMonth }) => ({
          text,
          amount,
          currency,
          period,
          kind,
          idrPerMonth,
        })),
      },
    });
  } catch (err) {
    const message = err instanceof SyntaxError ? "JSON tidak valid" : err instanceof Error ? err.message : String(err);
    return JSON.stringify({ id, error: message });
  }
}

async function runStdin(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let buf: string[] = [];
  const flush = async () => {
    if (buf.length === 0) return;
    const chunk = `${buf.join("\n")}\n`;
    buf = [];
    if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once("drain", () => r()));
  };
  for await (const line of rl) {
    if (line.trim().length === 0) continue;
    buf.push(processJobcheckLine(line));
    if (buf.length >= 256) await flush();
  }
  await flush();
}

export function formatReport(r: JobCheckResult, en = false): string {
  const lines: string[] = [];
  const label = LEVEL_LABELS[r.level];
  lines.push(`${en ? "Level" : "Tingkat risiko"}: ${r.level.toUpperCase()} (${r.score}/100) – ${en ? label.en : label.id}`);
  if (r.awareness)
    lines.push(
      en ? "This reads as a warning/awareness message, not an offer." : "Pesan ini tampak sebagai imbauan/peringatan, bukan tawaran kerja.",
    );
  if (r.flags.length > 0) {
    lines.push("", en ? "Warning signs:" : "Tanda bahaya:");
    for (const f of r.flags) {
      lines.push(`  • ${en ? f.titleEn : f.title}: ${en ? f.explanationEn : f.explanation}`);
      const ev = f.evidence.map((e) => `"${e.text}"`).join(", ");
      if (ev) lines.push(`    ${en ? "Evidence" : "Bukti"}: ${ev}`);
    }
  }
  if (r.signals.length > 0) {
    lines.push("", en ? "Lowering signals:" : "Tanda yang menurunkan risiko:");
    for (const s of r.signals) lines.push(`  • ${en ? s.titleEn : s.title}`);
  }
  const e = r.entities;
  const ent: string[] = [];
  if (e.phones.length) ent.push(`${en ? "Phones" : "Nomor"}: ${e.phones.join(", ")}`);
  if (e.destinations.length)
    ent.push(
      `${en ? "Destinations" : "Tujuan"}: ${e.destinations.map((d) => (d.city ? `${d.city} (${d.country})` : d.country)).join(", ")}`,
    );
  if (e.companies.length) ent.push(`${en ? "Companies" : "Perusahaan"}: ${e.companies.join(", ")}`);
  if (e.visaTypes.length) ent.push(`Visa: ${e.visaTypes.join(", ")}`);
  for (const m of e.money) {
    const idr = m.idrPerMonth === null ? "" : ` ≈ Rp ${Math.round(m.idrPerMonth).toLocaleString("id-ID")}/${en ? "month" : "bulan"}`;
    ent.push(`${m.kind === "salary" ? (en ? "Pay" : "Gaji") : en ? "Amount" : "Jumlah"}: ${m.text} (${m.currency})${idr}`);
  }
  if (ent.length) lines.push("", ...ent.map((x) => `  ${x}`));
  lines.push("", en ? "What to do:" : "Yang perlu dilakukan:");
  for (const a of en ? r.adviceEn : r.advice) lines.push(`  - ${a}`);
  return lines.join("\n");
}

export function registerJobcheck(program: Command): Command {
  return program
    .command("jobcheck")
    .description("Cek Lowongan: periksa tawaran kerja untuk tanda perdagangan orang (JSON lines di stdin)")
    .option("--text <text>", "periksa satu pesan dan cetak laporan yang mudah dibaca")
    .option("--eval <file>", "hitung metrik kualitas untuk file JSONL berlabel")
    .option("--en", "laporan dalam bahasa Inggris")
    .action(async (opts: { text?: string; eval?: string; en?: boolean }) => {
      if (opts.eval) {
        const examples: LabelledExample[] = readFileSync(opts.eval, "utf8")
          .split("\n")
          .filter((l) => l.trim().length > 0)
          .map((l) => JSON.parse(l) as LabelledExample);
        const results = examples.map((ex) => checkJobOffer(ex.text));
        console.log(formatMetrics(evaluate(examples, results)));
        return;
      }
      if (opts.text !== undefined) {
        try {
          console.log(formatReport(checkJobOffer(opts.text), opts.en));
        } catch (err) {
          console.error(err instanceof Error ? err.message : String(err));
          process.exitCode = 2;
        }
        return;
      }
      await runStdin();
    });
}
