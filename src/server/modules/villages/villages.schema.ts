import { z } from "zod";
import { calendarDateOrMonth, safeString } from "../../lib/validation";
import { INDICATOR_KEYS, isPeriod, RISK_LEVELS } from "../../../core/village-risk";
import { isRegionCode, regionLevelOf } from "../../../core/regions";

export const PROGRAM_STATUSES = ["none", "candidate", "active"] as const;

export const DesaParam = z.object({
  code: z
    .string()
    .max(20)
    .refine((c) => isRegionCode(c) && regionLevelOf(c) === "desa", { message: "region_unknown" }),
});
export const PeriodParam = DesaParam.extend({
  period: z.string().max(7).refine(isPeriod, { message: "invalid_format" }).describe("Tahun (2025) atau semester (2025-S1, 2025-S2)"),
});

export const RiskSchema = z.object({
  level: z.enum(RISK_LEVELS),
  period: z.string().nullable(),
  reason: z.string().describe("Alasan dalam bahasa Indonesia, mis. 'Tinggi karena 12 keberangkatan non-prosedural dan 3 korban pada 2025'"),
  reasonEn: z.string(),
  triggers: z.array(z.enum(INDICATOR_KEYS)),
  inputs: z.record(z.enum(INDICATOR_KEYS), z.number().nullable()),
});

const OutreachSummary = z.object({
  sessions: z.number().int(),
  peopleReached: z.number().int(),
  lastSessionAt: z.string().nullable(),
});

export const VillageSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  kecamatanCode: z.string(),
  kecamatanName: z.string(),
  status: z.enum(PROGRAM_STATUSES),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  designatingOffice: z.string().nullable(),
  population: z.number().int().nullable(),
  risk: RiskSchema,
  outreach: OutreachSummary,
});
export type VillageSummary = z.infer<typeof VillageSummarySchema>;

const Figure = z.object({ value: z.number().int().nullable(), source: z.string().nullable() });
export const IndicatorSchema = z.object({
  period: z.string(),
  figures: z.record(z.enum(INDICATOR_KEYS), Figure),
  notes: z.string().nullable(),
  /** Counts from Simpul's own data for the same period, shown beside the recorded figures. */
  simpul: z.object({ reportsReceived: z.number().int(), outreachSessions: z.number().int(), peopleReached: z.number().int() }),
  risk: RiskSchema,
  updatedAt: z.string(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const VillageDetailSchema = VillageSummarySchema.extend({
  notes: z.string().nullable(),
  pimpasa: z.array(z.object({ id: z.string(), displayName: z.string() })),
  focalPoint: z.object({
    name: z.string().nullable(),
    position: z.string().nullable(),
    /** null when not recorded or not shown to this caller (see phoneHidden). */
    phone: z.string().nullable(),
    phoneHidden: z.boolean(),
  }),
  populationYear: z.number().int().nullable(),
  populationSource: z.string().nullable(),
  indicators: z.array(IndicatorSchema),
  riskRule: z.string(),
  abilities: z.object({ manage: z.boolean(), seeFocalPhone: z.boolean() }),
  updatedAt: z.string().nullable(),
});
export type VillageDetail = z.infer<typeof VillageDetailSchema>;

const text = (max: number) => safeString().trim().max(max);
const date = calendarDateOrMonth().describe("TTTT-BB-HH (atau TTTT-BB bila hanya bulan yang diketahui)");

export const VillageUpdateSchema = z
  .object({
    status: z.enum(PROGRAM_STATUSES).optional().describe("none = belum ditetapkan, candidate = calon, active = Desa Binaan aktif"),
    decreeNumber: text(100).nullable().optional(),
    decreeDate: date.nullable().optional(),
    designatingOffice: text(200).nullable().optional(),
    notes: text(2000).nullable().optional(),
    pimpasaUserIds: z.array(z.string().uuid()).max(10).optional().describe("Akun PIMPASA yang ditugaskan ke desa ini"),
    focalPoint: z
      .object({
        name: text(120).nullable(),
        position: text(120).nullable(),
        phone: text(30)
          .regex(/^[+0-9 ()-]*$/)
          .nullable(),
      })
      .strict()
      .optional(),
    population: z.number().int().min(0).max(1_000_000).nullable().optional(),
    populationYear: z.number().int().min(1990).max(2100).nullable().optional(),
    populationSource: text(200).nullable().optional(),
  })
  .strict();
export type VillageUpdate = z.infer<typeof VillageUpdateSchema>;

const FigureInput = z
  .object({ value: z.number().int().min(0).max(1_000_000).nullable(), source: text(200).nullable().optional() })
  .strict();
export const IndicatorInputSchema = z
  .object({
    figures: z
      .object(
        Object.fromEntries(INDICATOR_KEYS.map((k) => [k, FigureInput.optional()])) as Record<
          (typeof INDICATOR_KEYS)[number],
          z.ZodOptional<typeof FigureInput>
        >,
      )
      .strict(),
    notes: text(2000).nullable().optional(),
  })
  .strict();
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;

export const VillageListQuerySchema = z.object({
  kecamatan: z
    .string()
    .max(20)
    .refine((c) => regionLevelOf(c) === "kecamatan", { message: "region_level" })
    .optional(),
  status: z.enum(PROGRAM_STATUSES).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  reach: z
    .enum(["never", "stale"])
    .optional()
    .describe("never = belum pernah dijangkau sosialisasi; stale = tidak dijangkau 90 hari terakhir"),
  q: safeString().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional().describe("Jumlah per halaman; tanpa limit: semua"),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const MAP_METRICS = ["risk", "status", "coverage"] as const;
export const MapQuerySchema = z.object({
  level: z.enum(["desa", "kecamatan"]).default("desa"),
  metric: z.enum(MAP_METRICS).default("risk"),
});

const MapProps = z.object({
  code: z.string(),
  name: z.string(),
  kecamatanCode: z.string().nullable(),
  value: z
    .union([z.string(), z.number()])
    .nullable()
    .describe("risk: high|medium|low|unknown; status: none|candidate|active; coverage: orang terjangkau"),
  label: z.string().describe("Teks tooltip dalam bahasa Indonesia"),
  category: z.string().describe("Kelas warna untuk legenda"),
});
export const MapResponseSchema = z.union([
  z.object({
    type: z.literal("FeatureCollection"),
    metric: z.enum(MAP_METRICS),
    level: z.enum(["desa", "kecamatan"]),
    legend: z.array(z.object({ category: z.string(), label: z.string() })),
    missing: z.array(z.string()).describe("Kode wilayah yang belum punya batas (tampilkan sebagai tabel)"),
    features: z.array(z.object({ type: z.literal("Feature"), geometry: z.any(), properties: MapProps })),
  }),
  z.object({
    boundaries: z.literal(false),
    metric: z.enum(MAP_METRICS),
    level: z.enum(["desa", "kecamatan"]),
    howToImport: z.string(),
    legend: z.array(z.object({ category: z.string(), label: z.string() })),
    rows: z.array(MapProps),
  }),
]);
export type MapResponse = z.infer<typeof MapResponseSchema>;
