// Request and response shapes of the periodic reports (they are the OpenAPI document).
import { z } from "zod";
import { PERIOD_KINDS } from "./periodic.tables";

export const GenerateSchema = z
  .object({
    kind: z.enum(PERIOD_KINDS).describe("month: laporan bulanan, year: laporan tahunan"),
    period: z.string().max(7).describe("Bulan TTTT-BB (month) atau tahun TTTT (year), kalender WIB"),
  })
  .strict()
  .refine((b) => (b.kind === "month" ? /^\d{4}-(0[1-9]|1[0-2])$/ : /^\d{4}$/).test(b.period), {
    path: ["period"],
    message: "invalid_format",
  })
  .refine((b) => Number(b.period.slice(0, 4)) >= 2000 && Number(b.period.slice(0, 4)) <= 2100, {
    path: ["period"],
    message: "invalid_format",
  });

export const PeriodicReportSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(PERIOD_KINDS),
  period: z.string(),
  generatedAt: z.string(),
  /** Null: the month-end schedule. */
  generatedBy: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  pdf: z.object({ sha256: z.string(), size: z.number().int() }),
  xlsx: z.object({ sha256: z.string(), size: z.number().int() }),
});
export type PeriodicReport = z.infer<typeof PeriodicReportSchema>;

export const PeriodicListSchema = z.object({ items: z.array(PeriodicReportSchema) });

export const FileParams = z.object({ id: z.string().uuid(), format: z.enum(["pdf", "xlsx"]) });
