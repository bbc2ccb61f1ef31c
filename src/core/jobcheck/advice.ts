/** Advice: what to verify and where, tailored to the flags found. Never says an offer is safe. */
import type { FlagCode, Level } from "./types.js";

interface Advice {
  id: string;
  en: string;
}

const VERIFY_COMPANY: Advice = {
  id: "Cek nama perusahaan dan izinnya (SIP3MI/SIP2MI) di SISKOP2MI atau situs resmi KP2MI sebelum menyerahkan dokumen atau uang.",
  en: "Check the company and its licence (SIP3MI/SIP2MI) on SISKOP2MI or the official KP2MI site before handing over documents or money.",
};
const ASK_DISNAKER: Advice = {
  id: "Tanyakan lowongan ini ke Disnakertrans Kab. Serang atau Layanan Terpadu Satu Atap (LTSA) sebelum mendaftar.",
  en: "Ask Disnakertrans Kab. Serang or the one-stop service (LTSA) about this offer before registering.",
};
const HOTLINES: Advice = {
  id: "Jika ragu atau sudah terlanjur, hubungi BP3MI Banten atau call center KP2MI 0800-1000 (bebas pulsa).",
  en: "If in doubt, or if it has already happened, contact BP3MI Banten or the KP2MI call centre 0800-1000 (toll-free).",
};
const REPORT: Advice = {
  id: "Laporkan tawaran ini lewat Simpul atau ke polisi terdekat agar orang lain tidak menjadi korban.",
  en: "Report this offer through Simpul or to the nearest police station so others are not harmed.",
};
const STILL_VERIFY: Advice = {
  id: "Tidak ditemukan tanda bahaya dalam pesan ini, tetapi tetap verifikasi perusahaan dan jangan membayar sebelum ada kontrak resmi.",
  en: "No warning signs were found in this message, but still verify the company and pay nothing before an official contract.",
};

const BY_FLAG: Record<FlagCode, Advice> = {
  unrealistic_salary: {
    id: "Bandingkan gaji dengan upah minimum negara tujuan; gaji yang terlalu tinggi untuk pekerjaan tanpa keahlian hampir selalu bohong.",
    en: "Compare the pay with the destination's minimum wage; very high pay for unskilled work is almost always a lie.",
  },
  no_skill_required: {
    id: "Pekerjaan resmi ke luar negeri selalu punya syarat (tes bahasa, keterampilan, sertifikat); tanyakan syaratnya secara tertulis.",
    en: "Legal jobs abroad always have requirements (language, skills, certificates); ask for them in writing.",
  },
  tourist_visa: {
    id: "Jangan berangkat bekerja dengan visa turis, kunjungan, umrah, atau bebas visa; pekerja migran wajib memakai visa kerja.",
    en: "Never travel to work on a tourist, visit, umrah or visa-free entry; migrant workers need a work visa.",
  },
  scam_hotspot_destination: {
    id: "Banyak WNI yang dijanjikan kerja kantor di Kamboja, Myanmar, Laos, atau Filipina dipaksa menjadi penipu online; jangan berangkat tanpa verifikasi resmi.",
    en: "Many Indonesians promised office jobs in Cambodia, Myanmar, Laos or the Philippines were forced into online scams; do not go without official verification.",
  },
  online_scam_job: {
    id: "Minta nama perusahaan, alamat, dan kontrak kerja, lalu cek ke Disnakertrans; lowongan 'admin' atau 'CS online' di luar negeri sering kedok penipuan.",
    en: "Ask for the company name, address and contract and check with Disnakertrans; 'admin' or 'online CS' jobs abroad are often scam covers.",
  },
  irregular_route: {
    id: "Berangkatlah hanya lewat bandara atau pelabuhan resmi dengan paspor yang dicap; jalur belakang membuat Anda tidak terlindungi dan bisa ditangkap.",
    en: "Leave only through official airports or ports with a stamped passport; back routes leave you unprotected and liable to arrest.",
  },
  document_retention: {
    id: "Pegang sendiri paspor dan dokumen Anda; jangan serahkan paspor kepada agen, majikan, atau perusahaan.",
    en: "Keep your own passport and documents; never hand your passport to an agent, employer or company.",
  },
  fast_departure: {
    id: "Proses resmi meliputi pemeriksaan kesehatan, pelatihan, PAP, dan tanda tangan kontrak di Indonesia; tolak jika diminta berangkat dalam hitungan hari.",
    en: "The official process includes a medical check, training, pre-departure orientation and a contract signed in Indonesia; refuse to leave within days.",
  },
  unlicensed_recruiter: {
    id: "Jangan mendaftar lewat perorangan, sponsor, atau calo; pastikan perekrut adalah P3MI berizin dan mintalah surat job order.",
    en: "Do not register through individuals, sponsors or brokers; make sure the recruiter is a licensed P3MI and ask for the job order.",
  },
  debt_bondage: {
    id: "Tanyakan rincian biaya penempatan secara tertulis; potongan gaji berbulan-bulan atau denda bila berhenti bisa menjadi jeratan utang.",
    en: "Ask for placement costs in writing; months of pay deductions or fines for quitting can become debt bondage.",
  },
  secrecy: {
    id: "Beri tahu keluarga dan perangkat desa tentang rencana kerja Anda, dan jangan pernah berbohong kepada petugas imigrasi.",
    en: "Tell your family and village officials about your plans, and never lie to immigration officers.",
  },
  upfront_payment_personal_account: {
    id: "Jangan pernah mentransfer uang ke rekening pribadi atau dompet digital perekrut; simpan bukti chat dan transfer.",
    en: "Never send money to a recruiter's personal bank account or e-wallet; keep the chats and transfer receipts.",
  },
  underage_or_fake_identity: {
    id: "Anak di bawah 18 tahun tidak boleh bekerja ke luar negeri, dan pemalsuan umur atau identitas adalah tindak pidana.",
    en: "Children under 18 may not work abroad, and falsifying age or identity is a crime.",
  },
  moratorium_destination: {
    id: "Penempatan pekerja rumah tangga ke Timur Tengah masih ditutup; tawaran seperti ini pasti non-prosedural, jangan berangkat.",
    en: "Domestic-work placements to the Middle East are still closed; such offers are non-procedural, do not go.",
  },
};

export function buildAdvice(level: Level, flags: FlagCode[]): { id: string[]; en: string[] } {
  const list: Advice[] = [];
  for (const f of flags) list.push(BY_FLAG[f]);
  if (level === "rendah") list.unshift(STILL_VERIFY);
  list.push(VERIFY_COMPANY, ASK_DISNAKER, HOTLINES);
  if (level === "tinggi") list.push(REPORT);
  return { id: list.map((a) => a.id), en: list.map((a) => a.en) };
}
