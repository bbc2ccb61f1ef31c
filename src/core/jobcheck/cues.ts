/**
 * Context cues on lower-cased text: negation, warning/awareness context, personal channels,
 * organisations and the lowering signals. Everything is compiled once at module
 * load. Patterns use bounded repetition only (no nested unbounded quantifiers) to rule out
 * catastrophic backtracking on 5,000-character inputs.
 */
import { rx, words } from "./text.js";

export const NEG = "(?:tidak|tdk|tak|gak|ga|g|gk|nggak|ngga|enggak|ndak|teu|henteu|beli|bli|no|not|gausah)";
export const NUMW = "(?:\\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|se)";

/** A negator shortly before a match, inside the same sentence. */
export const NEGATED_BEFORE =
  /(?:^|[^\p{L}])(?:tidak|tdk|tak|bukan|bkn|ga|gak|gk|nggak|ngga|enggak|ndak|teu|henteu|moal|beli|bli|langka|no|not|non|never|tanpa|jangan|jgn|ulah|free of)(?:[\s/()"'-]+\p{L}+){0,3}[\s/()"'-]*$/u;

// ---- warning / awareness context -------------------------------------------------------------
export const WARN_CUE = rx(
  words([
    "waspada\\p{L}*",
    "hati-hati",
    "hati2",
    "hati hati",
    "ati-ati",
    "ati2",
    "awas",
    "beware",
    "modus",
    "ciri-ciri",
    "ciri2",
    "ciri",
    "kenali",
    "korban",
    "penipuan",
    "palsu",
    "ilegal",
    "illegal",
    "non-prosedural",
    "nonprosedural",
    "non prosedural",
    "imbau\\p{L}*",
    "mengimbau",
    "diimbau",
    "himbau\\p{L}*",
    "laporkan",
    "laporkeun",
    "tersangka",
    "ditangkap",
    "menangkap",
    "menggagalkan",
    "digagalkan",
    "dipulangkan",
    "memulangkan",
    "sindikat",
    "iming-iming",
    "dijanjikan",
    "tips (?:aman|migrasi|bekerja|kerja|agar|supaya|memilih|menghindari)",
    "sosialisasi",
    "tppo",
    "trafficking",
    "perdagangan orang",
    "scam",
    "fake",
    "never",
    "pastikan",
    "tergiur",
    "pengalaman pahit",
    "ternyata",
    "ditawari",
    "mengatasnamakan",
    "oknum",
    "menegaskan",
    "dihentikan",
    "mengingatkan",
    "edukasi",
    "jangan (?:mau|tergiur|percaya|gampang|mudah|sampai (?:kalian|kamu|anda|tertipu)|berangkat|transfer|serahkan|mendaftar|daftar|lewat|bayar|tertipu|terkecoh|terjebak|pernah)",
    "jgn (?:mau|tergiur|percaya|gampang)",
    "ulah (?:percanten|percaya|daek|mau|gampang)",
    "aja gampang percaya",
    "beli usah percaya",
    "dulu (?:saya|aku|sy|gw|abdi|kite)",
    "tahun lalu",
    "berita",
    "hampir (?:diberangkatkan|dikirim|jadi korban|tertipu|kena)",
    "(?:konsultasi|tanya|cek)(?:kan)?(?: dulu)? (?:ke|ka|ning) (?:disnaker\\p{L}*|ltsa|bp3mi|kp2mi|desa)",
    "tawaran (?:kerja )?(?:aneh|mencurigakan)",
  ]),
);

export const JOB_AD = rx(
  words([
    "lowongan",
    "loker",
    "lowker",
    "dibutuhkan",
    "dibutuhkeun",
    "dicari",
    "hiring",
    "open job",
    "job offer",
    "rekrutmen",
    "membuka",
    "vacancy",
    "ada job",
    "aya lowongan",
    "aya padamelan",
    "ana lowongan",
    "butuh \\d+",
    "kuota",
  ]),
);

// ---- personal channels (unlicensed recruiter, call-to-action) ---------------------------------
const HONORIFIC =
  "(?:pak|bu|bapak|ibu|mas|mbak|mba|kak|kakak|bang|abang|teh|teteh|kang|aa|om|tante|bunda|umi|ustad\\p{L}*|ustadzah|haji|hj|wak|mr|ms|mrs|miss|sdr|sdri|bro|sis|cik|encik)";
/** Whose account a payment goes to, when it is a person: "rekening mentor", "rek istri saya", "DANA Kak Sinta". */
export const PERSONAL_HOLDER = `(?:mentor|pembina|istri|suami|anak|adik|kakak|saya|sy|aku|gw|gue|pribadi|${HONORIFIC})`;
export const PERSONAL_CTA = rx(
  words([
    "japri",
    "jalur pribadi",
    "inbox",
    "inbok",
    "ib",
    "dm",
    "direct message",
    "pm",
    "message me",
    "chat (?:aku|saya|sy|gw|gue|aja|me|admin|kami)",
    "kabar(?:i|in)(?: (?:saya|aku|gw|sy))?",
    "wartosan abdi",
    "ka abdi",
    "kite bae",
    "takon kite",
    "hubungi kite",
    "lewat (?:saya|aku|sy|gw|gue)",
    "liwat kite",
    "melalui saya",
    "via saya",
    "wa",
    "whatsapp",
    "telegram",
    "tele",
    "wa pribadi",
    `hub(?:ungi)?\\.? ?:? ?${HONORIFIC}`,
    `contact ${HONORIFIC}`,
    "kenalan (?:saya|gw|aku|kita)",
    "(?:hubungi|kontak|contact|konfirmasi ke|chat|telp|telpon|sms|tanya|wa) (?:aku|saya|sy|gw|gue|gua|abdi|kite|me)",
    "(?:balas|bales|reply) (?:pesan|chat|message) ini",
    "(?:di )?nomor ini",
    "(?:kontak|contact|hubungi) (?:rekruter|recruiter|admin|hrd)",
    "messaging (?:our|the|my) recruiter",
    "mau ikut",
    "ikut (?:aku|saya|kita)",
    "(?:bantu|bantuin) daftar(?:in)?",
    "minat\\?? ?(?:chat|wa|dm|inbox|japri|hub|komen)",
    "komen '?minat",
    // a named person as the contact: "Info Pak Bakri", "hub agen Kak Sri", "via Messenger to Ms. Joy"
    `(?:info|hub|hubungi|chat|kontak|contact|tanya|wa|dm|to|ke|sama|sm)\\.?:?(?: \\p{L}+)? ${HONORIFIC}\\.? \\p{L}+`,
    // arranged by the sender in person: "urus sama saya", "ke saya", "nanti aku kenalin"
    "(?:urus|urusan|daftar|lewat|via|sama|sm|ke|kepada) (?:saya|aku|sy|gw|gue|abdi|kula|kite)",
    "(?:saya|aku|sy|gw|gue|abdi) (?:kenalin|kenalkan|hubungkan|bantu|urus|urusin|daftarin|anter|antar)",
    "rekening (?:saya|aku|sy|gw|gue)",
  ]),
);
/** Individual-recruiter words that are not a call to action by themselves. */
export const RECRUITER_WORDS = rx(
  words([
    "sponsor",
    "calo",
    "pl",
    "petugas lapangan",
    "koordinator",
    "perorangan",
    "bukan agen",
    "jasa perorangan",
    `${NEG}(?: usah| perlu)? lewat pt`,
    "gak usah lewat pt",
    "gak perlu pt",
    "tanpa pt",
    "urus sendiri",
    "beli usah lewat pt",
    `(?:p3mi|pt|agen|agency|agensi)\\?? ?,? ?(?:${NEG}) (?:perlu|usah|butuh)`,
  ]),
);
export const ORGANISATION = rx(
  words([
    "pt",
    "cv",
    "lpk",
    "p3mi",
    "yayasan",
    "agency",
    "agensi",
    "perusahaan kami",
    "kantor (?:kami|cabang|pusat|pt)",
    "jl\\.?",
    "jalan raya",
    "email",
    "e-mail",
    "website",
    "situs",
    "portal",
    "laman",
    "www",
    "disnaker\\p{L}*",
    "ltsa",
    "blk",
    "linkedin",
    "careers?",
    "karier",
    "company page",
    "rumah sakit",
    "hospital",
    "kampus",
    "universitas",
    "university",
    "prodi",
    "fakultas",
    "kemahasiswaan",
    "biro",
  ]).concat("|[a-z0-9._-]+@[a-z0-9-]+\\.[a-z]{2,}"),
);

// ---- signals -----------------------------------------------------------------------------------
export const LICENSED = rx(
  words([
    "p3mi",
    "sip2mi",
    "sip3mi",
    "siup ?p3mi",
    "siuppak",
    "manning agency berizin",
    "perusahaan penempatan(?: pekerja migran indonesia)? berizin",
    "agen(?:si)? terdaftar",
    "lpk terdaftar",
    "lembaga pelatihan terdaftar",
  ]),
);
export const OFFICIAL_PROGRAMME = rx(
  words([
    "g ?to ?g",
    "g2g",
    "eps[- ]?topik",
    "ssw",
    "specified skilled worker",
    "tokutei ginou",
    "triple win",
    "ijepa",
    "im japan",
    "program pemagangan",
    "pekerja musiman",
  ]),
);
export const OFFICIAL_CHANNEL = rx(
  words([
    "disnaker\\p{L}*",
    "ltsa",
    "siskop2mi",
    "kp2mi",
    "bp2mi",
    "bp3mi",
    "laman resmi",
    "kemnaker",
    "kementerian ketenagakerjaan",
    "upt bp\\p{L}*",
  ]),
);
/** Wider negation for official-channel mentions: "gak perlu lapor ke desa atau Disnaker". */
/** A company's own claim ("resmi terdaftar di Kemnaker") is not the official channel itself. */
export const SELF_CLAIM_BEFORE = /(?:terdaftar|resmi|berizin|izin|legal|diakui|tercatat)(?:\s+\p{L}+){0,1}\s+(?:di\s+|oleh\s+|pada\s+)?$/u;
/** "P3MI? gak perlu", "P3MI tidak usah": the mention is dismissed right after it. */
export const SIGNAL_DISMISSED_AFTER = /^\s*\??\s*,?\s*(?:gak|ga|tidak|tdk|nggak|gk|no|not)\s+(?:perlu|usah|butuh|needed)/;
export const SIGNAL_NEGATED =
  /(?:gak|ga|tidak|tdk|nggak|tanpa|bukan|jangan|jgn|beli|teu|ulah|no)\s+(?:perlu|usah|lewat|melalui|lapor|antri|pakai|pake)\b[^.!?\n]{0,30}$/;

export const WORK_VISA = rx(
  words(["visa kerja", "work visa", "working visa", "work permit", "izin kerja", "visa (?:e-?9|e-?8|e-?10|ssw|tipe d|pelatihan)"]),
);
export const PRE_DEPARTURE = rx(
  words([
    "medical(?: check)?",
    "pap",
    "orientasi pra\\p{L}*",
    "pelatihan",
    "blk(?:-ln)?",
    "perjanjian kerja",
    "kontrak (?:kerja )?(?:di)?tanda ?tangan\\p{L}*",
    "tanda ?tangan (?:kontrak|perjanjian)",
    "penandatanganan perjanjian",
    "bpjs ketenagakerjaan",
    "uji kompetensi",
  ]),
);
