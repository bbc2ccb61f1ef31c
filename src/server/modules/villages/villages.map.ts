// Map data: desa or kecamatan coloured by risk, programme status or outreach coverage. A GeoJSON
// FeatureCollection when boundaries are imported, otherwise the same rows for a table.
import { and, eq, inArray } from "drizzle-orm";
import { RISK_LABELS, type RiskLevel } from "../../../core/village-risk";
import type { Principal } from "../../auth/principal";
import { regions } from "../../db/schema";
import type { AppContext } from "../../context";
import type { MapResponse } from "./villages.schema";
import { RECENT_DAYS, type VillageData, VillagesService } from "./villages.service";

const DAY = 86_400_000;

const STATUS_LABELS = { none: "Belum ditetapkan", candidate: "Calon Desa Binaan", active: "Desa Binaan aktif" } as const;
const COVERAGE_LABELS = {
  recent: `Dijangkau dalam ${RECENT_DAYS} hari terakhir`,
  stale: `Tidak dijangkau dalam ${RECENT_DAYS} hari terakhir`,
  never: "Belum pernah dijangkau",
} as const;
const RISK_ORDER: RiskLevel[] = ["high", "medium", "low", "unknown"];

export const HOW_TO_IMPORT =
  "Batas wilayah belum diimpor. Jalankan di server: `npx simpul import boundaries berkas-desa.geojson --level desa` " +
  "(dan `--level kecamatan` untuk batas kecamatan). Setiap fitur GeoJSON harus membawa kode Kemendagri, mis. properti `code` = 36.04.12.2001.";

type Metric = "risk" | "status" | "coverage";
type Row = { code: string; name: string; kecamatanCode: string | null; value: string | number | null; label: string; category: string };

function legendOf(metric: Metric) {
  if (metric === "risk") return RISK_ORDER.map((c) => ({ category: c, label: RISK_LABELS[c].id }));
  if (metric === "status") return (["active", "candidate", "none"] as const).map((c) => ({ category: c, label: STATUS_LABELS[c] }));
  return (["recent", "stale", "never"] as const).map((c) => ({ category: c, label: COVERAGE_LABELS[c] }));
}

function coverageCategory(last: Date | null, now: number): "recent" | "stale" | "never" {
  if (!last) return "never";
  return now - last.getTime() <= RECENT_DAYS * DAY ? "recent" : "stale";
}

function desaRows(svc: VillagesService, data: VillageData, metric: Metric, now: number): Row[] {
  return data.desa.map((d) => {
    const v = svc.summaryOf(d, data);
    const base = { code: d.code, name: d.name, kecamatanCode: d.kecamatanCode };
    if (metric === "risk") return { ...base, value: v.risk.level, category: v.risk.level, label: `${d.name}: ${v.risk.reason}` };
    if (metric === "status")
      return {
        ...base,
        value: v.status,
        category: v.status,
        label: `${d.name}: ${STATUS_LABELS[v.status]}${v.decreeNumber ? ` (SK ${v.decreeNumber})` : ""}`,
      };
    const last = v.outreach.lastSessionAt ? new Date(v.outreach.lastSessionAt) : null;
    const category = coverageCategory(last, now);
    const label =
      category === "never"
        ? `${d.name}: belum pernah dijangkau sosialisasi`
        : `${d.name}: ${v.outreach.peopleReached} orang dalam ${v.outreach.sessions} sesi, terakhir ${last!.toISOString().slice(0, 10)}`;
    return { ...base, value: v.outreach.peopleReached, category, label };
  });
}

function kecamatanRows(desa: Row[], names: Map<string, string>, metric: Metric): Row[] {
  const groups = new Map<string, Row[]>();
  for (const r of desa) groups.set(r.kecamatanCode!, [...(groups.get(r.kecamatanCode!) ?? []), r]);
  return [...groups.entries()].map(([code, rows]) => {
    const name = names.get(code) ?? code;
    const count = (c: string) => rows.filter((r) => r.category === c).length;
    const base = { code, name, kecamatanCode: null };
    if (metric === "risk") {
      const worst = RISK_ORDER.find((c) => count(c) > 0) ?? "unknown";
      return {
        ...base,
        value: worst,
        category: worst,
        label: `Kec. ${name}: ${RISK_ORDER.filter((c) => count(c))
          .map((c) => `${count(c)} desa ${RISK_LABELS[c].id.toLowerCase()}`)
          .join(", ")}`,
      };
    }
    if (metric === "status") {
      const category = count("active") ? "active" : count("candidate") ? "candidate" : "none";
      return {
        ...base,
        value: count("active"),
        category,
        label: `Kec. ${name}: ${count("active")} Desa Binaan aktif, ${count("candidate")} calon, dari ${rows.length} desa`,
      };
    }
    const people = rows.reduce((n, r) => n + Number(r.value ?? 0), 0);
    const category = count("recent") ? "recent" : count("stale") ? "stale" : "never";
    return {
      ...base,
      value: people,
      category,
      label: `Kec. ${name}: ${people} orang; ${rows.length - count("never")} dari ${rows.length} desa pernah dijangkau`,
    };
  });
}

export async function mapData(
  ctx: AppContext,
  p: Principal,
  level: "desa" | "kecamatan",
  metric: Metric,
  now = Date.now(),
): Promise<MapResponse> {
  const svc = new VillagesService(ctx);
  const data = await svc.load(p);
  const desa = desaRows(svc, data, metric, now);
  const kecNames = new Map(data.desa.map((d) => [d.kecamatanCode, d.kecamatanName]));
  const rows = level === "desa" ? desa : kecamatanRows(desa, kecNames, metric);
  const legend = legendOf(metric);
  const codes = rows.map((r) => r.code);
  const shapes = codes.length
    ? await ctx.db
        .select({ code: regions.code, boundary: regions.boundary })
        .from(regions)
        .where(and(inArray(regions.code, codes), eq(regions.level, level)))
    : [];
  const geometry = new Map(shapes.filter((s) => s.boundary !== null).map((s) => [s.code, s.boundary]));
  if (geometry.size === 0) return { boundaries: false, metric, level, howToImport: HOW_TO_IMPORT, legend, rows };
  return {
    type: "FeatureCollection",
    metric,
    level,
    legend,
    missing: rows.filter((r) => !geometry.has(r.code)).map((r) => r.code),
    features: rows
      .filter((r) => geometry.has(r.code))
      .map((r) => ({ type: "Feature" as const, geometry: geometry.get(r.code), properties: r })),
  };
}
