// Monthly and annual reports: generate (figures → PDF + XLSX, sealed in the data directory, one row per
// period), list, and download. Generating a period again replaces its files: there is one current report per
// period, and the audit trail keeps every generation with its file hashes. The month-end job uses the same
// generation but replaces only a report made before the period ended.
import { readFile } from "node:fs/promises";
import type { AppContext } from "../../context";
import { AppError, invalid } from "../../lib/errors";
import { imageDataUrl } from "../../lib/pdf";
import { contentAddressOf, readSealed, writeSealed } from "../../lib/uploads/uploads";
import { AttachmentStore } from "../../lib/uploads/attachments";
import type { AuditActor } from "../audit/audit.service";
import { findRegion } from "../regions/regions.service";
import { figuresFor, periodOf } from "./periodic.figures";
import { periodicPdf } from "./periodic.pdf";
import { findReport, listReports, presentOne, upsertReport } from "./periodic.repo";
import type { PeriodicReport } from "./periodic.schema";
import type { PeriodKind } from "./periodic.tables";
import { periodicXlsx } from "./periodic.xlsx";

/** Each format in its own folder of the data directory (its own orphan-file sweep). */
export const PDF_FOLDER = "periodic-pdf";
export const XLSX_FOLDER = "periodic-xlsx";

export type Generator = { userId: string; name: string } | null;

const FORMATS = {
  pdf: { folder: PDF_FOLDER, mediaType: "application/pdf" },
  xlsx: { folder: XLSX_FOLDER, mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
} as const;
export type Format = keyof typeof FORMATS;

async function logoOf(path: string | undefined): Promise<string | null> {
  if (!path) return null;
  try {
    return imageDataUrl(await readFile(path));
  } catch {
    return null; // a missing or unreadable file leaves the slot empty
  }
}

/** The PDF and XLSX of one period, as bytes (the benchmark times this). */
export async function renderPeriod(ctx: AppContext, kind: PeriodKind, period: string, now: Date) {
  const p = periodOf(kind, period);
  if (!p) throw invalid({ period: { code: "invalid_format" } });
  if (p.from > now) throw invalid({ period: { code: "period_in_future" } });
  const figures = await figuresFor(ctx.db, ctx.config.regency, p);
  const regency = await findRegion(ctx.db, ctx.config.regency);
  const input = {
    period: p,
    figures,
    regencyName: regency?.name ?? ctx.config.regency,
    generatedAt: now,
  };
  const pdf = await periodicPdf({ ...input, logo: await logoOf(ctx.config.reportLogo) });
  const xlsx = await periodicXlsx(input);
  return { period: p, figures, pdf, xlsx };
}

/**
 * Generates and stores the report of a period. `scheduled`: the month-end job, which leaves alone a report
 * generated after the period ended and does nothing when another server stored one first (null).
 */
export async function generateReport(
  ctx: AppContext,
  actor: AuditActor,
  kind: PeriodKind,
  period: string,
  by: Generator,
  now: Date,
  scheduled = false,
): Promise<PeriodicReport | null> {
  const { period: p, pdf, xlsx } = await renderPeriod(ctx, kind, period, now);
  const pdfFile = await writeSealed(new AttachmentStore(ctx.config.dataDir, PDF_FOLDER), ctx.keys, pdf);
  const xlsxFile = await writeSealed(new AttachmentStore(ctx.config.dataDir, XLSX_FOLDER), ctx.keys, xlsx);
  return ctx.db.transaction(async (tx) => {
    const row = await upsertReport(
      tx,
      {
        tenant: ctx.config.regency,
        kind,
        period,
        generatedAt: now,
        generatedBy: by?.userId ?? null,
        pdfFile: pdfFile.sha256,
        pdfKeyEnc: pdfFile.fileKeyEnc,
        pdfSha256: contentAddressOf(pdf),
        pdfSize: pdf.length,
        xlsxFile: xlsxFile.sha256,
        xlsxKeyEnc: xlsxFile.fileKeyEnc,
        xlsxSha256: contentAddressOf(xlsx),
        xlsxSize: xlsx.length,
      },
      scheduled ? p.to : undefined,
    );
    if (!row) return null; // the files just written are orphans: the sweep removes them
    await ctx.audit.write(tx, actor, {
      action: "periodic.generate",
      resourceType: "periodic_report",
      resourceId: row.id,
      details: { kind, period, scheduled, pdfSha256: row.pdfSha256, xlsxSha256: row.xlsxSha256 },
    });
    return presentOne(tx, row);
  });
}

export class PeriodicService {
  constructor(private readonly ctx: AppContext) {}

  list(): Promise<PeriodicReport[]> {
    return listReports(this.ctx.db, this.ctx.config.regency);
  }

  async generate(actor: AuditActor, by: Generator, body: { kind: PeriodKind; period: string }, now = new Date()): Promise<PeriodicReport> {
    const out = await generateReport(this.ctx, actor, body.kind, body.period, by, now);
    if (!out) throw new AppError("internal");
    return out;
  }

  /** A stored file, decrypted; the download is audited. */
  async file(actor: AuditActor, id: string, format: Format): Promise<{ data: Buffer; mediaType: string; filename: string }> {
    const row = await findReport(this.ctx.db, this.ctx.config.regency, id);
    if (!row) throw new AppError("not_found");
    const f = FORMATS[format];
    const data = await readSealed(new AttachmentStore(this.ctx.config.dataDir, f.folder), this.ctx.keys, {
      sha256: format === "pdf" ? row.pdfFile : row.xlsxFile,
      fileKeyEnc: format === "pdf" ? row.pdfKeyEnc : row.xlsxKeyEnc,
    });
    await this.ctx.withAudit(
      actor,
      { action: "periodic.download", resourceType: "periodic_report", resourceId: id, details: { format } },
      async () => undefined,
    );
    const name = row.kind === "month" ? "laporan-bulanan" : "laporan-tahunan";
    return { data, mediaType: f.mediaType, filename: `${name}-${row.period}.${format}` };
  }
}
