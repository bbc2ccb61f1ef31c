/** User-facing texts for flags and signals: Indonesian (primary) and English. */
import type { FlagCode, SignalCode } from "./types.js";

export interface FlagMessage {
  title: string;
  explanation: string;
  titleEn: string;
  explanationEn: string;
}

export const FLAG_MESSAGES: Record<FlagCode, FlagMessage> = {
  unrealistic_salary: {
    title: "Gaji tidak masuk akal",
    explanation: "Gaji yang dijanjikan jauh di atas upah wajar untuk pekerjaan dan negara tujuan ini, cara umum untuk memikat korban.",
    titleEn: "Unrealistic salary",
    explanationEn: "The promised pay is far above normal pay for this job and destination, a common lure.",
  },
  no_skill_required: {
    title: "Tanpa syarat keahlian",
    explanation: "Pekerjaan di luar negeri yang biasanya butuh pengalaman, bahasa, atau sertifikat ditawarkan tanpa syarat apa pun.",
    titleEn: "No skills required",
    explanationEn: "A job abroad that normally needs experience, language or a certificate is offered with no requirements.",
  },
  tourist_visa: {
    title: "Bekerja dengan visa turis/kunjungan",
    explanation: "Bekerja dengan visa turis, kunjungan, umrah, atau bebas visa adalah ilegal dan membuat pekerja tidak terlindungi.",
    titleEn: "Working on a tourist or visit visa",
    explanationEn: "Working on a tourist, visit, umrah or visa-free entry is illegal and leaves the worker unprotected.",
  },
  scam_hotspot_destination: {
    title: "Tujuan rawan penipuan daring",
    explanation: "Negara atau kota tujuan ini dikenal sebagai lokasi sindikat penipuan online yang menjebak pekerja Indonesia.",
    titleEn: "Online-scam hotspot destination",
    explanationEn: "This destination is known for online-scam compounds that trap Indonesian workers.",
  },
  online_scam_job: {
    title: "Pekerjaan online berisiko penipuan",
    explanation:
      "Pekerjaan admin, customer service, marketing, ketik, kripto, atau judi online seperti ini sering menjadi kedok kerja paksa penipuan daring.",
    titleEn: "Online job typical of scams",
    explanationEn: "Admin, customer-service, typing, crypto or gambling jobs like this are often a cover for forced scam work.",
  },
  irregular_route: {
    title: "Jalur keberangkatan tidak resmi",
    explanation: "Berangkat lewat jalur belakang, kapal kecil, atau tanpa cap paspor berarti masuk negara tujuan secara ilegal.",
    titleEn: "Irregular route",
    explanationEn: "Leaving by back routes, small boats or without a passport stamp means entering the country illegally.",
  },
  document_retention: {
    title: "Paspor/dokumen ditahan",
    explanation: "Paspor dan dokumen identitas wajib dipegang sendiri oleh pekerja; penahanan dokumen adalah tanda kerja paksa.",
    titleEn: "Documents held by others",
    explanationEn: "Workers must keep their own passport and ID; holding them is a sign of forced labour.",
  },
  fast_departure: {
    title: "Proses terlalu cepat",
    explanation:
      "Keberangkatan dalam hitungan hari atau tanpa pemeriksaan kesehatan, pelatihan, PAP, dan kontrak tidak sesuai prosedur resmi.",
    titleEn: "Unusually fast process",
    explanationEn: "Leaving within days, or without medical check, training, orientation and a contract, skips the official process.",
  },
  unlicensed_recruiter: {
    title: "Perekrut tidak resmi",
    explanation: "Perekrutan lewat perorangan, sponsor, calo, atau chat pribadi, bukan perusahaan penempatan (P3MI) berizin.",
    titleEn: "Unlicensed recruiter",
    explanationEn: "Recruitment by an individual, sponsor or broker, or only by private chat, not by a licensed placement company.",
  },
  debt_bondage: {
    title: "Jeratan utang",
    explanation: "Biaya yang dipotong dari gaji berbulan-bulan atau denda bila berhenti dapat menjerat pekerja dalam utang.",
    titleEn: "Debt bondage",
    explanationEn: "Costs deducted from pay for months, or fines for quitting, can trap the worker in debt.",
  },
  secrecy: {
    title: "Diminta merahasiakan",
    explanation: "Diminta merahasiakan dari keluarga atau petugas, atau berbohong di imigrasi, adalah tanda perekrutan ilegal.",
    titleEn: "Secrecy",
    explanationEn: "Being told to hide it from family or officials, or to lie at immigration, is a sign of illegal recruitment.",
  },
  upfront_payment_personal_account: {
    title: "Bayar ke rekening pribadi",
    explanation: "Diminta membayar biaya atau uang jaminan ke rekening pribadi atau dompet digital sebelum berangkat.",
    titleEn: "Payment to a personal account",
    explanationEn: "A fee or deposit must be paid to a personal bank account or e-wallet before departure.",
  },
  underage_or_fake_identity: {
    title: "Anak di bawah umur/identitas palsu",
    explanation: "Menerima anak di bawah 18 tahun atau memalsukan umur dan identitas adalah tindak pidana.",
    titleEn: "Minors or fake identity",
    explanationEn: "Accepting children under 18 or falsifying age and identity is a crime.",
  },
  moratorium_destination: {
    title: "Penempatan PRT ke Timur Tengah dilarang",
    explanation:
      "Penempatan pekerja rumah tangga untuk majikan perorangan di Timur Tengah dihentikan sejak 2015 (Kepmenaker 260/2015), jadi tawaran ini pasti tidak resmi.",
    titleEn: "Closed destination for domestic work",
    explanationEn: "Domestic work for private employers in the Middle East has been closed since 2015, so this offer is non-procedural.",
  },
};

export const SIGNAL_MESSAGES: Record<SignalCode, { title: string; titleEn: string }> = {
  licensed_agency: { title: "Menyebut perusahaan penempatan berizin", titleEn: "Names a licensed placement company" },
  official_programme: { title: "Program resmi pemerintah", titleEn: "Official government programme" },
  official_channel: { title: "Pendaftaran lewat jalur resmi", titleEn: "Registration through an official channel" },
  work_visa: { title: "Menggunakan visa kerja", titleEn: "Uses a work visa" },
  pre_departure_steps: { title: "Ada tahapan pra-keberangkatan", titleEn: "Pre-departure steps mentioned" },
  realistic_pay: { title: "Gaji wajar", titleEn: "Realistic pay" },
  domestic_job: { title: "Pekerjaan di dalam negeri", titleEn: "Job inside Indonesia" },
};

export const LEVEL_LABELS: Record<"tinggi" | "sedang" | "rendah", { id: string; en: string }> = {
  tinggi: { id: "Risiko tinggi: ada tanda-tanda perdagangan orang", en: "High risk: signs of trafficking" },
  sedang: { id: "Perlu hati-hati: ada tanda yang harus dicek", en: "Caution: some signs need checking" },
  rendah: {
    id: "Tidak ditemukan tanda bahaya, tetapi tetap verifikasi",
    en: "No warning signs found, still verify",
  },
};
