// The fixed vocabulary of outreach (sosialisasi) sessions: topics, audiences and age bands.
// Topics mirror the job-offer checker's red flags (one topic per flag code, same title) and the
// official steps to work abroad (UU 18/2017, one-roof service LTSA), so what residents hear in a
// session is what the checker warns about. Shared by server and web (no Node imports).
import { FLAG_MESSAGES } from "./jobcheck/messages";
import { FLAG_CODES, type FlagCode } from "./jobcheck/types";

export type TopicGroup = "red_flag" | "migration_step" | "protection";
export type Topic = { code: string; group: TopicGroup; title: string; titleEn: string };

/** Official, safe migration steps (procedural placement of PMI). */
const MIGRATION_STEPS: [string, string, string][] = [
  [
    "step_information",
    "Cari info lowongan resmi di Disnaker/LTSA/SISKOP2MI",
    "Find official job vacancies at the manpower office, LTSA or SISKOP2MI",
  ],
  [
    "step_licensed_agency",
    "Cek perusahaan penempatan (P3MI) berizin dan SIP2MI-nya",
    "Check the placement company's licence (P3MI) and its SIP2MI",
  ],
  ["step_registration", "Daftar dan dapatkan ID PMI di Disnaker", "Register and obtain a PMI ID at the manpower office"],
  [
    "step_documents",
    "Dokumen asli: KTP, KK, akta, izin keluarga, ijazah",
    "Genuine documents: ID card, family card, birth certificate, family consent, diploma",
  ],
  ["step_health_check", "Pemeriksaan kesehatan dan psikologi di sarana resmi", "Medical and psychological check at an official facility"],
  ["step_training", "Pelatihan kerja dan sertifikat kompetensi", "Job training and competency certificate"],
  ["step_contract", "Perjanjian penempatan dan perjanjian kerja yang ditandatangani", "Signed placement agreement and employment contract"],
  ["step_work_visa", "Visa kerja, bukan visa turis/kunjungan", "A work visa, never a tourist or visit visa"],
  ["step_social_security", "Jaminan sosial BPJS Ketenagakerjaan", "Social security (BPJS Ketenagakerjaan)"],
  ["step_predeparture", "Orientasi Pra Pemberangkatan (OPP)", "Pre-departure orientation (OPP)"],
  ["step_passport", "Permohonan paspor dengan tujuan yang jujur", "Apply for a passport stating the real purpose"],
  ["step_costs", "Biaya penempatan resmi dan larangan pembebanan biaya", "Official placement costs and the ban on charging workers"],
];

const PROTECTION: [string, string, string][] = [
  ["hotlines", "Nomor pengaduan: SAPA 129, BP3MI, Polri 110, Imigrasi", "Hotlines: SAPA 129, BP3MI, police 110, immigration"],
  ["how_to_report", "Cara melapor tawaran mencurigakan lewat Simpul", "How to report a suspicious offer through Simpul"],
  ["job_checker", "Cek Lowongan: memeriksa tawaran kerja sebelum percaya", "Job-offer checker: check an offer before trusting it"],
  ["victim_rights", "Hak korban TPPO dan layanan UPTD PPA", "Rights of trafficking victims and the UPTD PPA services"],
  ["online_recruitment", "Perekrutan lewat media sosial dan aplikasi pesan", "Recruitment through social media and messaging apps"],
  ["returnee_reintegration", "Purna PMI: reintegrasi dan usaha", "Returnees: reintegration and livelihoods"],
];

export const OUTREACH_TOPICS: readonly Topic[] = [
  ...FLAG_CODES.map((code: FlagCode) => ({
    code: `flag_${code}`,
    group: "red_flag" as const,
    title: FLAG_MESSAGES[code].title,
    titleEn: FLAG_MESSAGES[code].titleEn,
  })),
  ...MIGRATION_STEPS.map(([code, title, titleEn]) => ({ code, group: "migration_step" as const, title, titleEn })),
  ...PROTECTION.map(([code, title, titleEn]) => ({ code, group: "protection" as const, title, titleEn })),
];

export const OUTREACH_TOPIC_CODES = OUTREACH_TOPICS.map((t) => t.code) as [string, ...string[]];

export const AUDIENCES = [
  "general_public",
  "youth_students",
  "prospective_migrants_families",
  "returnees",
  "village_officials",
  "religious_community_leaders",
] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, { id: string; en: string }> = {
  general_public: { id: "Masyarakat umum", en: "General public" },
  youth_students: { id: "Pemuda/pelajar", en: "Youth/students" },
  prospective_migrants_families: { id: "Calon PMI dan keluarga", en: "Prospective migrant workers and families" },
  returnees: { id: "Purna PMI", en: "Returnees" },
  village_officials: { id: "Aparat desa", en: "Village officials" },
  religious_community_leaders: { id: "Tokoh agama dan masyarakat", en: "Religious and community leaders" },
};

export const AGE_BANDS = ["under_18", "18_24", "25_39", "40_59", "60_plus"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under_18: "< 18",
  "18_24": "18–24",
  "25_39": "25–39",
  "40_59": "40–59",
  "60_plus": "≥ 60",
};

export const SEXES = ["female", "male"] as const;
export type Sex = (typeof SEXES)[number];

/** Attendance by sex and age band; a missing cell is zero. */
export type Attendance = Partial<Record<Sex, Partial<Record<AgeBand, number>>>>;

export function attendanceTotals(a: Attendance): { female: number; male: number; total: number } {
  const sum = (s: Sex) => AGE_BANDS.reduce((n, b) => n + (a[s]?.[b] ?? 0), 0);
  const female = sum("female");
  const male = sum("male");
  return { female, male, total: female + male };
}

export function topicTitle(code: string): string {
  return OUTREACH_TOPICS.find((t) => t.code === code)?.title ?? code;
}
