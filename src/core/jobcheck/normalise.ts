/**
 * Token normaliser: rewrites chat abbreviations, de-voweled and shortened forms, and Sundanese /
 * Javanese / Banten (Jawa Serang) words into the standard Indonesian words the rules are written in,
 * so that every rule sees one vocabulary. Works on lower-cased text; only letter tokens change, so
 * digits, currency and punctuation keep their shape. Returns an offset map back to the input.
 *
 * Two systematic mechanisms, no per-message entries:
 * 1. REGIONAL: a small bilingual dictionary (regional word → Indonesian word).
 * 2. Reduced forms: a token is read as a lexicon word when it is a shortened spelling of it: same
 *    first letter, its letters a subsequence of the word's, and either the same consonant skeleton
 *    with vowels dropped ("pngalaman", "prlu", "crita") or at most one vowel, ending on the word's
 *    last letter or last consonant, keeping most consonants ("tnpa", "brgkt", "lgsg", "pspr", "dpgg").
 */

/** Regional (Sundanese, Javanese, Jawa Serang) and chat words → standard Indonesian. */
const REGIONAL: Record<string, string> = {
  // childcare, household
  ngasuh: "pengasuh",
  ngasuhan: "pengasuh",
  momong: "pengasuh",
  ngemong: "pengasuh",
  ngasuhna: "pengasuh",
  budak: "anak",
  bocah: "anak",
  bocahe: "anak",
  barudak: "anak",
  babu: "pembantu",
  rewang: "pembantu",
  // held / kept
  dicekel: "dipegang",
  dicekeli: "dipegang",
  cekel: "pegang",
  dicepeng: "dipegang",
  dicepengan: "dipegang",
  dicepengkeun: "dipegang",
  cepeng: "pegang",
  disimpen: "disimpan",
  disimpenan: "disimpan",
  ditahen: "ditahan",
  dicandak: "diambil",
  juragan: "bos",
  tauke: "bos",
  // leaving, time
  budhal: "berangkat",
  budal: "berangkat",
  mangkat: "berangkat",
  miang: "berangkat",
  indit: "berangkat",
  sesuk: "besok",
  isuk: "besok",
  isukan: "besok",
  enjing: "besok",
  payun: "depan",
  ngarep: "depan",
  ngarepe: "depan",
  dinten: "hari",
  taun: "tahun",
  sasasih: "sebulan",
  sewulan: "sebulan",
  wulan: "bulan",
  // negation, need
  ora: "tidak",
  mboten: "tidak",
  henteu: "tidak",
  teu: "tidak",
  ulah: "jangan",
  ush: "usah",
  kudu: "perlu",
  kedah: "perlu",
  perlu: "perlu",
  usah: "usah",
  butuh: "butuh",
  // work, pay
  damel: "kerja",
  didamel: "kerja",
  padamelan: "pekerjaan",
  gawe: "kerja",
  gawean: "pekerjaan",
  nyambut: "kerja",
  gajih: "gaji",
  bayare: "gaji",
  bayarane: "gaji",
  gajine: "gaji",
  gajina: "gaji",
  duit: "uang",
  artos: "uang",
  // people, places
  ortu: "orang tua",
  kolot: "orang tua",
  sepuh: "orang tua",
  tuwo: "tua",
  tuwa: "tua",
  neng: "di",
  nang: "di",
  ning: "di",
  ditu: "sana",
  kono: "sana",
  mrana: "ke sana",
  kesana: "ke sana",
  disana: "di sana",
  // can, want, say
  tiasa: "bisa",
  iso: "bisa",
  hoyong: "mau",
  pengin: "mau",
  pingin: "mau",
  arep: "mau",
  percanten: "percaya",
  percaya: "percaya",
  kade: "hati-hati",
  awas: "awas",
  nyarios: "bilang",
  ngomong: "ngomong",
  piknik: "liburan",
  plesiran: "liburan",
  pelesir: "liburan",
  ulin: "liburan",
  // chat spellings that are not reducible by the rule below
  ijasah: "ijazah",
  pasport: "paspor",
  pasprt: "paspor",
  pengalamn: "pengalaman",
  pglman: "pengalaman",
  umrah: "umroh",
  umrohan: "umroh",
  telesales: "telemarketing",
  telemarketer: "telemarketing",
  lgi: "lagi",
  lg: "lagi",
  bs: "bisa",
  sy: "saya",
  yg: "yang",
  utk: "untuk",
  dgn: "dengan",
  krn: "karena",
  blm: "belum",
  sdh: "sudah",
  udh: "sudah",
  dah: "sudah",
  tdk: "tidak",
  gk: "gak",
  ngga: "gak",
  nggak: "gak",
  sm: "sama",
  jd: "jadi",
  klo: "kalau",
  kalo: "kalau",
  trs: "terus",
  org: "orang",
  mggu: "minggu",
  mgg: "minggu",
  bln: "bulan",
  thn: "tahun",
  tgl: "tanggal",
  hrs: "harus",
};

/**
 * Lexicon the rules are written in. A reduced form is mapped only onto these words. Kept to the
 * vocabulary the rules use, so a reduced token cannot land on an unrelated word.
 */
const LEXICON = [
  "tanpa",
  "pengalaman",
  "berangkat",
  "keberangkatan",
  "cepat",
  "langsung",
  "terbang",
  "paspor",
  "minggu",
  "depan",
  "besok",
  "lusa",
  "bulan",
  "tahun",
  "gaji",
  "bisa",
  "perlu",
  "usah",
  "sudah",
  "belum",
  "pribadi",
  "rekening",
  "transfer",
  "bayar",
  "biaya",
  "potong",
  "potongan",
  "dipotong",
  "pegang",
  "dipegang",
  "tahan",
  "ditahan",
  "simpan",
  "disimpan",
  "sertifikat",
  "ijazah",
  "bahasa",
  "inggris",
  "pelatihan",
  "keluarga",
  "jangan",
  "bilang",
  "liburan",
  "umroh",
  "turis",
  "kerja",
  "bekerja",
  "pekerjaan",
  "lowongan",
  "hubungi",
  "pengalaman",
  "keahlian",
  "kontrak",
  "perusahaan",
  "tiket",
  "gratis",
  "ditanggung",
  "jaminan",
  "pendaftaran",
  "daftar",
  "selama",
  "setelah",
  "sebelum",
  "orang",
  "umur",
  "usia",
  "boleh",
  "kirim",
  "majikan",
  "kapal",
  "pelaut",
  "sampai",
  "lunas",
  "hutang",
  "cicil",
  "dicicil",
  "nanti",
  "kantor",
  "komputer",
  "ngetik",
  "pengetikan",
  "cerita",
  "padahal",
  "sebagai",
  "tidak",
  "dengan",
  "untuk",
  "pelayan",
  "restoran",
  "pabrik",
  "medical",
  "langsung",
  "dijemput",
  "imigrasi",
  "wawancara",
  "pelancong",
  "kunjungan",
  "pengurusan",
  "diurus",
  "mandor",
  "agensi",
  "sekarang",
  "segera",
  "mudah",
  "rumah",
  "pembantu",
  "datang",
  "pengasuh",
  "lulusan",
  "sekolah",
  "keterampilan",
  "pesawat",
  "gampang",
];

/** Tokens that are never rewritten: acronyms and short words that would otherwise look reduced. */
const KEEP = new Set(
  (
    "smp sma smk sd ktp kk pap blk lpk ltsa abk bst str mcu dll dsb ttd pt cv wa dm pm hrd tkw tki pmi art prt spa lc cs " +
    "kbri sip sop sms mrs mr ms dp tf trf rek adm jl kab kec ds hub an bri bca bni bsi btn ovo dana vip voa visa " +
    "lks bpjs mou sim ssw eps nt rm sr sgd usd hkd aed sar kd qr ntd myr php idr krw jpy eur aud thb " +
    "pp kl jb kk kkp ph usa uk ksa uae uea kl pl mba mbak bang kak teh kang mas pak bu bunda tante om " +
    "ini itu ada apa aja juga jg gak ga gpp bro sis yah ya iya gan min mau bagi buat beli balik baru bantu bawa " +
    "pas pasti pun per para pada sama saja sana sini situ tau tahu tapi tetap tiap toko tua usah " +
    "dan bis bun las mah park penh pln pin pos bank bus pub pink tank task desk disk bar bos boss kos bar ban " +
    "post plan plus sms cctv ptn bumn dki ntt ntb jkt bdg sby smg mlg"
  ).split(" "),
);

const VOWELS = /[aeiou]/g;
const skeleton = (w: string) => w.replace(VOWELS, "");
const vowelCount = (w: string) => (w.match(VOWELS) ?? []).length;

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

interface LexEntry {
  word: string;
  skel: string;
  vowels: number;
  lastConsonant: string;
}
const BY_FIRST = new Map<string, LexEntry[]>();
const LEX_SET = new Set(LEXICON);
for (const word of LEXICON) {
  const skel = skeleton(word);
  const list = BY_FIRST.get(word[0]) ?? [];
  if (!list.some((e) => e.word === word)) list.push({ word, skel, vowels: vowelCount(word), lastConsonant: skel[skel.length - 1] ?? "" });
  BY_FIRST.set(word[0], list);
}

/** Is `tok` a reduced spelling of the lexicon entry? */
function reducedOf(tok: string, e: LexEntry): boolean {
  if (tok.length >= e.word.length || tok[0] !== e.word[0] || !isSubsequence(tok, e.word)) return false;
  const tv = vowelCount(tok);
  const tskel = skeleton(tok);
  if (tskel === e.skel && tv < e.vowels) return true; // vowels dropped: "pngalaman", "prlu"
  if (tv > 1 || tok.length < 3 + tv || tskel.length < 2) return false;
  const last = tok[tok.length - 1];
  if (last !== e.word[e.word.length - 1] && last !== e.lastConsonant) return false;
  return tskel.length >= e.skel.length - 2 && tskel.length * 5 >= e.skel.length * 3;
}

const cache = new Map<string, string | null>();

/** The standard word for a token, or null to keep it. */
export function normaliseToken(tok: string): string | null {
  const hit = cache.get(tok);
  if (hit !== undefined) return hit;
  let out: string | null = null;
  const regional = REGIONAL[tok];
  if (regional !== undefined) out = regional === tok ? null : regional;
  else if (!KEEP.has(tok) && !LEX_SET.has(tok) && tok.length >= 3 && tok.length <= 14) {
    let best: LexEntry | null = null;
    let ambiguous = false;
    for (const e of BY_FIRST.get(tok[0]) ?? []) {
      if (!reducedOf(tok, e)) continue;
      if (!best || e.word.length < best.word.length) {
        ambiguous = false;
        best = e;
      } else if (e.word.length === best.word.length) ambiguous = true;
    }
    if (best && !ambiguous) out = best.word;
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(tok, out);
  return out;
}

export interface Normalised {
  /** Normalised lower-case text. */
  text: string;
  /** Replacements in order, for mapping offsets back; empty when nothing changed. */
  edits: { from: number; to: number; nFrom: number; nTo: number }[];
}

const TOKEN = /\p{L}+/gu;

export function normalise(lower: string): Normalised {
  const edits: Normalised["edits"] = [];
  let out = "";
  let last = 0;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null = TOKEN.exec(lower);
  while (m !== null) {
    const tok = m[0];
    const start = m.index;
    m = TOKEN.exec(lower);
    // Tokens glued to digits ("15jt", "3hr") are units; leave them to the money and time rules.
    const prev = start > 0 ? lower.charCodeAt(start - 1) : 0;
    if (prev >= 48 && prev <= 57) continue;
    const rep = normaliseToken(tok);
    if (rep === null || rep === tok) continue;
    out += lower.slice(last, start);
    const nFrom = out.length;
    out += rep;
    edits.push({ from: start, to: start + tok.length, nFrom, nTo: out.length });
    last = start + tok.length;
  }
  if (edits.length === 0) return { text: lower, edits };
  out += lower.slice(last);
  return { text: out, edits };
}

/** Maps a [start, end) span of the normalised text back to the input text. */
export function toOriginal(n: Normalised, start: number, end: number): { start: number; end: number } {
  if (n.edits.length === 0) return { start, end };
  return { start: mapPos(n, start, false), end: mapPos(n, end, true) };
}

function mapPos(n: Normalised, pos: number, isEnd: boolean): number {
  let delta = 0;
  for (const e of n.edits) {
    if (pos < e.nFrom || (isEnd && pos === e.nFrom)) break;
    if (pos < e.nTo || (isEnd && pos === e.nTo)) return isEnd ? e.to : e.from;
    delta = e.to - e.nTo;
  }
  return pos + delta;
}

/** Maps a span of the input text into the normalised text. */
export function toNormalised(n: Normalised, start: number, end: number): { start: number; end: number } {
  if (n.edits.length === 0) return { start, end };
  const map = (pos: number, isEnd: boolean) => {
    let delta = 0;
    for (const e of n.edits) {
      if (pos < e.from || (isEnd && pos === e.from)) break;
      if (pos < e.to || (isEnd && pos === e.to)) return isEnd ? e.nTo : e.nFrom;
      delta = e.nTo - e.to;
    }
    return pos + delta;
  };
  return { start: map(start, false), end: map(end, true) };
}
