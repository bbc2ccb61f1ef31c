/** Word lists: destinations, job categories. All regexes are compiled once, at module load. */
import type { JobCategory } from "./reference-pay.js";
import { GAZETTEER } from "./gazetteer.generated.js";
import { rx, words } from "./text.js";

interface Place {
  country: string;
  /** Display name for a city or area; undefined for the country name itself. */
  city?: string;
  aliases: string[];
  /** An online-scam hotspot area (even inside a non-hotspot country, e.g. Mae Sot). */
  hotspot?: boolean;
}

const P = (country: string, aliases: string[], city?: string, hotspot?: boolean): Place => ({
  country,
  aliases,
  city,
  hotspot,
});

export const PLACES: Place[] = [
  P("KH", ["kamboja", "cambodia", "kamboja"], undefined, true),
  P("KH", ["phnom ?penh", "pnom ?penh"], "Phnom Penh", true),
  P("KH", ["sihanoukville", "sihanouk", "shihanoukville"], "Sihanoukville", true),
  P("KH", ["bavet"], "Bavet", true),
  P("KH", ["poipet"], "Poipet", true),
  P("KH", ["siem ?reap"], "Siem Reap", true),
  P("MM", ["myanmar", "burma"], undefined, true),
  P("MM", ["myawaddy", "myawadi"], "Myawaddy", true),
  P("MM", ["shwe ?kokko", "shwe ?koko"], "Shwe Kokko", true),
  P("MM", ["kk ?park"], "KK Park", true),
  P("MM", ["yangon"], "Yangon", true),
  P("MM", ["tachileik"], "Tachileik", true),
  P("LA", ["laos", "lao pdr"], undefined, true),
  P("LA", ["golden triangle", "segitiga emas"], "Golden Triangle SEZ", true),
  P("LA", ["bokeo"], "Bokeo", true),
  P("LA", ["vientiane"], "Vientiane", true),
  P("PH", ["filipina", "philippines", "filipin", "pinas"], undefined, true),
  P("PH", ["manila"], "Manila", true),
  P("PH", ["pampanga"], "Pampanga", true),
  P("PH", ["clark"], "Clark", true),
  P("PH", ["pogo"], undefined, true),
  P("TH", ["mae ?sot", "maesot"], "Mae Sot", true),
  P("TH", ["thailand", "thailan", "muangthai"]),
  P("TH", ["bangkok"], "Bangkok"),
  P("TH", ["chiang ?rai"], "Chiang Rai"),
  P("VN", ["vietnam", "viet nam"]),
  P("VN", ["ho chi minh(?: city)?", "saigon"], "Ho Chi Minh City"),
  P("VN", ["hanoi"], "Hanoi"),
  P("MY", ["malaysia", "malaysa", "malay"]),
  P("MY", ["kuala ?lumpur"], "Kuala Lumpur"),
  P("MY", ["johor(?: bahru)?", "johor baru"], "Johor"),
  P("MY", ["penang", "pulau pinang"], "Penang"),
  P("MY", ["sabah"], "Sabah"),
  P("MY", ["sarawak", "kuching"], "Sarawak"),
  P("MY", ["selangor", "shah alam", "klang"], "Selangor"),
  P("MY", ["kedah"], "Kedah"),
  P("MY", ["tawau"], "Tawau"),
  P("MY", ["kota kinabalu"], "Kota Kinabalu"),
  P("MY", ["melaka", "malaka", "perak", "pahang", "negeri sembilan"]),
  P("SG", ["singapura", "singapore", "singapur"]),
  P("BN", ["brunei(?: darussalam)?", "bandar seri begawan"]),
  P("HK", ["hong ?kong", "hongkong"]),
  P("MO", ["macau", "makau", "macao"]),
  P("TW", ["taiwan", "taipei", "taichung", "kaohsiung", "taoyuan"]),
  P("KR", ["korea(?: selatan)?", "korsel", "south korea", "seoul", "busan", "ansan"]),
  P("JP", ["jepang", "japan", "nihon"]),
  P("JP", ["tokyo", "osaka", "nagoya"]),
  P("CN", ["tiongkok", "china", "cina"]),
  P("SA", ["arab saudi", "saudi(?: arabia)?", "ksa"]),
  P("SA", ["riyadh", "riyad"], "Riyadh"),
  P("SA", ["jeddah", "jedah", "jiddah"], "Jeddah"),
  P("SA", ["makkah", "mekkah", "mekah", "mecca"], "Makkah"),
  P("SA", ["madinah", "medina", "madina"], "Madinah"),
  P("SA", ["dammam", "thaif", "taif"]),
  P("AE", ["uni emirat arab", "uea", "uae", "emirat", "emirates"]),
  P("AE", ["dubai", "dubay"], "Dubai"),
  P("AE", ["abu ?dhabi"], "Abu Dhabi"),
  P("AE", ["sharjah"], "Sharjah"),
  P("QA", ["qatar", "doha"]),
  P("KW", ["kuwait"]),
  P("BH", ["bahrain", "bahrein", "manama"]),
  P("OM", ["oman", "muscat", "masqat"]),
  P("JO", ["yordania", "jordan", "yordan", "amman"]),
  P("IQ", ["irak", "iraq", "baghdad", "erbil"]),
  // The rest of the Middle-East moratorium countries (core/destinations.ts): named so the moratorium rule sees them.
  P("LB", ["lebanon", "libanon", "beirut"]),
  P("SY", ["suriah", "syria", "damaskus", "damascus"]),
  P("YE", ["yaman", "yemen", "sanaa"]),
  P("EG", ["mesir", "egypt", "kairo", "cairo"]),
  P("LY", ["libya", "benghazi"]),
  P("DZ", ["aljazair", "al jazair", "algeria"]),
  P("MA", ["maroko", "morocco", "casablanca"]),
  P("TN", ["tunisia", "tunis"]),
  P("MR", ["mauritania", "nouakchott"]),
  P("PS", ["palestina", "palestine", "gaza", "ramallah"]),
  P("SS", ["sudan selatan", "south sudan"]),
  P("IR", ["iran", "teheran", "tehran"]),
  P("PK", ["pakistan", "karachi", "lahore", "islamabad"]),
  P("TR", ["turki", "turkey", "turkiye", "istanbul"]),
  P("DE", ["jerman", "germany", "deutschland", "berlin"]),
  P("PL", ["polandia", "poland", "polska"]),
  P("RO", ["rumania", "romania"]),
  P("ES", ["spanyol", "spain"]),
  P("IT", ["italia", "italy"]),
  P("NL", ["belanda", "netherlands"]),
  P("GB", ["inggris raya", "united kingdom", "london"]),
  P("AU", ["australia", "sydney", "melbourne", "perth"]),
  P("NZ", ["selandia baru", "new zealand"]),
  P("CA", ["kanada", "canada"]),
  P("US", ["amerika serikat", "amerika", "usa"]),
];

export const HOTSPOT_COUNTRIES = new Set(["KH", "MM", "LA", "PH"]);

/** Words that make a following country name a language, nationality or company origin, not a destination. */
const NOT_DEST_BEFORE =
  /(?:bahasa|basa|budaya|bhs|perusahaan|company|bos|orang|upah minimum|kedutaan|kbri|dari|asal|haji|pak|bapak|bu|mas)\s*$/;
/**
 * A destination ruled out in the same clause: "we do NOT send workers to Cambodia", "kami tidak
 * menempatkan pekerja ke Kamboja, Myanmar atau Laos". The negator must reach the place through a
 * preposition without a clause break; later items of the same list inherit it.
 */
const PLACE_NEGATED =
  /(?:^|[^\p{L}])(?:not|n't|never|tidak|tdk|tak|bukan|bkn|gak|nggak|ga|tidak pernah|no longer)(?:\s+[\p{L}'’]+){0,6}\s+(?:ke|to|in|for|into|di|dari|ka)\s+(?:\p{L}+\s+)?$/u;
const LIST_GAP = /^\s*(?:,|\/|&|dan|atau|or|and|ataupun|maupun|nor)\s*(?:(?:dan|atau|or|and|ataupun|maupun)\s+)?$/;
/** Transit words: "via Bangkok", "lewat Chiang Rai", "transit". */
const TRANSIT_BEFORE = /(?:via|lewat|liwat|transit(?: di)?|melalui|ke bandara|dari)\s*$/;

export interface PlaceHit {
  country: string;
  city?: string;
  hotspot: boolean;
  transit: boolean;
  start: number;
  end: number;
}

// One combined regex for all aliases (longest first, so "arab saudi" wins over "saudi"); the
// matched text is then mapped back to its place with anchored per-place regexes.
const ALIAS_ENTRIES = PLACES.flatMap((place) => place.aliases.map((alias) => ({ place, alias })));
ALIAS_ENTRIES.sort((x, y) => y.alias.length - x.alias.length);
const ALL_PLACES_RE = rx(words(ALIAS_ENTRIES.map((e) => e.alias)));
const PLACE_ANCHORED = PLACES.map((place) => ({ place, re: new RegExp(`^(?:${place.aliases.join("|")})$`, "u") }));

interface Candidate {
  start: number;
  end: number;
  place: Place;
}

/** Short forms people write for destinations; only read as places after a locative word ("di KL"). */
const SHORT_FORMS: Record<string, Place> = {
  kl: P("MY", [], "Kuala Lumpur"),
  jb: P("MY", [], "Johor Bahru"),
  kk: P("MY", [], "Kota Kinabalu"),
  kch: P("MY", [], "Kuching"),
  pp: P("KH", [], "Phnom Penh", true),
  hcmc: P("VN", [], "Ho Chi Minh City"),
  hk: P("HK", []),
  sg: P("SG", []),
  tw: P("TW", []),
};

/** Gazetteer (generated from country-state-city): name → place, for names the hand list lacks. */
const GAZ = new Map<string, Place>();
let GAZ_MAX_WORDS = 1;
for (const [country, names] of Object.entries(GAZETTEER)) {
  for (const name of names.split("|")) {
    GAZ.set(name, P(country, [], titleCase(name), HOTSPOT_COUNTRIES.has(country) ? true : undefined));
    GAZ_MAX_WORDS = Math.max(GAZ_MAX_WORDS, name.split(" ").length);
  }
}
GAZ_MAX_WORDS = Math.min(GAZ_MAX_WORDS, 4);

function titleCase(s: string): string {
  return s.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
}

/** A locative word right before a name makes it a place: "di Poipet", "ke Kampot", "near Tachileik". */
const LOCATIVE =
  /(?<![\p{L}\p{N}])(?:di|ke|ka|kota|city|in|to|at|near|dekat|daerah|wilayah|kawasan|perbatasan|dari|from|menuju|lokasi|area|provinsi|negara bagian)\s*:?\s+(?=\p{L})/gu;

function gazetteerCandidates(lower: string, taken: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  LOCATIVE.lastIndex = 0;
  let m: RegExpExecArray | null = LOCATIVE.exec(lower);
  while (m !== null) {
    const at = m.index + m[0].length;
    m = LOCATIVE.exec(lower);
    if (taken.some((c) => c.start <= at && at < c.end)) continue;
    const words: { end: number }[] = [];
    const re = /\p{L}+/uy;
    let pos = at;
    for (let i = 0; i < GAZ_MAX_WORDS; i++) {
      re.lastIndex = pos;
      const w = re.exec(lower);
      if (!w) break;
      words.push({ end: w.index + w[0].length });
      if (lower[re.lastIndex] !== " ") break;
      pos = re.lastIndex + 1;
    }
    for (let n = words.length; n >= 1; n--) {
      const name = lower.slice(at, words[n - 1].end);
      const place = GAZ.get(name) ?? (n === 1 ? SHORT_FORMS[name] : undefined);
      if (place) {
        out.push({ start: at, end: words[n - 1].end, place });
        break;
      }
    }
  }
  return out;
}

export function findPlaces(lower: string): PlaceHit[] {
  const candidates: Candidate[] = [];
  ALL_PLACES_RE.lastIndex = 0;
  let m: RegExpExecArray | null = ALL_PLACES_RE.exec(lower);
  while (m !== null) {
    const start = m.index;
    const matched = m[0];
    m = ALL_PLACES_RE.exec(lower);
    const place = PLACE_ANCHORED.find((p) => p.re.test(matched))?.place;
    if (place) candidates.push({ start, end: start + matched.length, place });
  }
  candidates.push(...gazetteerCandidates(lower, candidates));
  candidates.sort((a, b) => a.start - b.start);

  const out: PlaceHit[] = [];
  let prevEnd = -1;
  let prevNegated = false;
  for (const { start, end, place } of candidates) {
    const before = lower.slice(Math.max(0, start - 24), start);
    // "bahasa Jepang", "perusahaan Cina" (but "bos di Malaysia" is fine because "di" intervenes)
    if (NOT_DEST_BEFORE.test(before) && !/(?:di|ke|ka|ning)\s*$/.test(before)) continue;
    const clauseStart = Math.max(0, start - 90, lastBreak(lower, start));
    const negated: boolean =
      PLACE_NEGATED.test(lower.slice(clauseStart, start)) || (prevNegated && prevEnd >= 0 && LIST_GAP.test(lower.slice(prevEnd, start)));
    prevEnd = end;
    prevNegated = negated;
    if (negated) continue;
    out.push({
      country: place.country,
      city: place.city,
      hotspot: !!place.hotspot,
      transit: TRANSIT_BEFORE.test(before),
      start,
      end,
    });
  }
  return out;
}

function lastBreak(lower: string, pos: number): number {
  for (let i = pos - 1; i >= 0 && i >= pos - 90; i--) {
    const c = lower[i];
    if (c === "." || c === "\n" || c === "!" || c === "?" || c === ";" || c === ",") return i + 1;
  }
  return 0;
}

/** "Arab" alone, "Timur Tengah": Middle East without a specific country. */
export const MIDDLE_EAST_GENERIC = rx(`(?<!bahasa |uni emirat |emirat )${words(["arab", "timur tengah", "middle east", "gulf"])}`);

/** Abroad without a country: "luar negeri", "LN", "overseas". */
export const ABROAD_GENERIC = rx(
  words([
    "luar negeri",
    "luar negri",
    "ln",
    "overseas",
    "abroad",
    "mancanegara",
    "pmi",
    "tki",
    "tkw",
    "kapal pesiar",
    "cruise ship",
    "kapal asing",
  ]),
);

// ---- job categories --------------------------------------------------------------------------

/** Domestic work: the job category, and with a Middle-East destination the moratorium rule (patterns.ts). */
export const DOMESTIC_WORK_WORDS = [
  "art",
  "prt",
  "pembantu(?: rumah tangga)?",
  "pekerja rumah tangga",
  "asisten rumah tangga",
  "rumah tangga",
  "babysitter",
  "baby ?sitter",
  "nanny",
  "pengasuh(?: anak| bayi| lansia)?",
  "housemaid",
  "maid",
  "domestic (?:helper|worker)",
  "khadimat",
  "(?:sopir|supir|driver) (?:pribadi|keluarga|rumah)",
  "family driver",
  "perawat lansia di rumah",
  "rumah majikan",
];

const CATEGORY_PATTERNS: [JobCategory, string[]][] = [
  ["domestic_worker", [...DOMESTIC_WORK_WORDS, "helper", "jaga (?:nenek|kakek|lansia|anak|orang tua)"]],
  ["trainee", ["ausbildung", "magang", "pemagangan", "trainee", "intern(?:ship)?", "technical intern"]],
  ["nursing", ["perawat", "nurse", "nursing", "kaigo", "caregiver", "care ?giver", "ners", "keperawatan"]],
  ["fishing", ["abk", "kapal ikan", "nelayan", "long ?line", "buku pelaut", "melaut", "fishing"]],
  ["cruise", ["kapal pesiar", "cruise(?: ship)?"]],
  ["spa", ["spa", "terapis", "therapist", "pijat", "massage", "karaoke", "pemandu lagu", "lc", "hostess", "dancer", "penari"]],
  ["factory", ["pabrik", "factory", "operator produksi", "operator pabrik", "kilang", "manufaktur", "manufacturing", "produksi"]],
  [
    "plantation",
    ["sawit", "kebun", "kebon", "ladang", "perkebunan", "petik buah", "pemetik", "pertanian", "panen", "farm", "tani", "peternakan"],
  ],
  [
    "construction",
    ["bangunan", "konstruksi", "construction", "proyek", "tukang", "las", "welder", "welding", "keramik", "tambang", "mining"],
  ],
  [
    "hospitality",
    [
      "hotel",
      "restoran",
      "restaurant",
      "waiter",
      "waitress",
      "pelayan",
      "housekeeping",
      "cleaning",
      "cleaner",
      "kitchen",
      "cook",
      "koki",
      "barista",
      "cafe",
      "kafe",
      "room attendant",
      "laundry",
      "villa",
      "resort",
    ],
  ],
  ["retail", ["toko", "spg", "spb", "kasir", "warung", "minimarket", "jaga toko", "sales"]],
  ["driver", ["sopir", "supir", "driver", "kurir"]],
  [
    "skilled",
    [
      "engineer",
      "developer",
      "programmer",
      "software",
      "dokter",
      "arsitek",
      "akuntan",
      "manager",
      "manajer",
      "golang",
      "react",
      "guru",
      "dosen",
    ],
  ],
];

export const CATEGORY_RES: [JobCategory, RegExp][] = CATEGORY_PATTERNS.map(([c, list]) => [c, rx(words(list))]);
