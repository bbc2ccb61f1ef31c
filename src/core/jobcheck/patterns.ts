/**
 * Regex sources for the red-flag rules, on lower-cased text. Everything is compiled once at module
 * load. Patterns use bounded repetition only (no nested unbounded quantifiers) to rule out
 * catastrophic backtracking on 5,000-character inputs. Context cues live in cues.ts.
 */
import { NEG, NUMW, PERSONAL_HOLDER } from "./cues.js";
import { DOMESTIC_WORK_WORDS } from "./lexicon.js";
import { rx, words } from "./text.js";

export * from "./cues.js";

// ---- flags -------------------------------------------------------------------------------------
export const TOURIST_VISA = rx(
  words([
    "visa ?(?:nya )?(?:turis|turist|tourist|kunjungan|visit|wisata|pelancong|ziarah|umro?h|umrah|on[ -]?arrival|c-?3)",
    "visa (?:\\p{L}+ )?(?:turis|turist|tourist|kunjungan|wisata|pelancong)",
    "(?:tourist|visit|visitor) visa",
    "voa",
    "bebas visa",
    "visa[ -]?free",
    "(?:cop|cap) pelancong",
    "(?:sebagai|kayak|kaya|seperti|layaknya|ala|pura-pura|pura2|sbg|jalur|status|masuk|menyamar) (?:turis|wisatawan|tourist|pelancong)",
    "paspor (?:\\p{L}+ ){0,2}(?:pelancong|turis|wisata)",
    // disguised pilgrimage: travel as an umrah pilgrim, then work
    "umroh (?:plus|sambil|sekalian|lalu|terus|trus|dulu|tapi) (?:\\p{L}+ )?(?:kerja|bekerja|kerjanya|disalurkan)",
    "(?:daftar|ikut|pakai|pake|via|lewat|jalur|program|rombongan|paket|berangkat|modus) umroh(?: plus)?",
    // coached to present the trip as a holiday or pilgrimage
    "(?:bilang|ngaku|ngakunya|bilangnya|jawab|mengaku|bilangin)(?: \\p{L}+){0,3}? (?:liburan|libur|jalan2|jalan-jalan|wisata|umroh|ibadah|piknik|holiday|vacation|turis|pelancong)",
    // work without a work visa
    `(?:${NEG}|tanpa) (?:usah |perlu |pake |pakai |ada |butuh |need |needed )?(?:visa kerja|work ?permit|working visa|work visa|izin kerja)`,
  ]),
);

/** Any sign that the message is about work at all (a travel or passport service ad is not). */
export const JOB_CONTEXT = rx(
  words([
    "kerja\\p{L}*",
    "bekerja",
    "pekerjaan",
    "pekerja",
    "gawe\\p{L}*",
    "damel",
    "padamelan",
    "lowongan",
    "loker",
    "lowker",
    "gaji\\p{L}*",
    "gj",
    "gajih\\p{L}*",
    "salary",
    "upah",
    "job\\p{L}*",
    "work\\p{L}*",
    "hiring",
    "vacancy",
    "karyawan\\p{L}*",
    "posisi",
    "rekrut\\p{L}*",
    "dicari",
    "dibutuhkan",
    "majikan",
    "kontrak",
    "pabrik",
    "kebun",
    "ladang",
    "kilang",
  ]),
);

export const VISA_ANY = rx(words(["visa", "iqomah", "iqama", "work permit", "voa"]));
export const PILGRIM_VISA = rx(words(["visa ?(?:umro?h|umrah|ziarah)", "(?:program )?umro?h (?:plus|sambil) kerja"]));

export const FOREIGN_ONLINE_JOB = rx(
  words([
    "customer service",
    "customer support",
    "cs",
    "csr",
    "telemarketing",
    "telemarketer",
    "telesales",
    "call center",
    "live ?chat",
    "chat (?:agent|agents|operator|operators|support)",
    "typists?",
    "typing",
    "data entry",
    "input data",
    "ketik(?:2|-ketik)?",
    "ngetik",
    "mengetik",
    "marketing",
    "crypto",
    "kripto",
    "investasi",
    "trading",
    "judi",
    "(?<!sisa |kuota |quota )slot(?! (?:terbatas|tersedia|tersisa|aman|kosong|terakhir|penuh|untuk|lagi|cuma|hanya|\\d))",
    "online casino",
    "casino online",
    "game",
    "gaming",
    "admin (?:cs|chat|online|game|judi|slot|crypto|kripto|investasi|trading|media sosial|sosmed|medsos|marketing|live|web)",
    "(?:kerja|kerjaan|posisi|lowongan|loker|job|jadi|sebagai|dibutuhkan|butuh) admin",
    "operator (?:komputer|game|chat|live|online)",
    "chat(?:ting|2|-chat)?(?:an)? (?:sama|dengan|dg|sm|klien|client|customer|pembeli|orang)",
    "(?:bales|balas|balesin|membalas)(?:in)? chat",
    "depan (?:komputer|laptop)",
    "it support",
    "perusahaan it",
    "pelayanan pelanggan",
    "chatting",
    "social media",
    "sosial media",
    "nge-?chat\\p{L}*",
    "reply (?:customer|chat|pesan|message)s?",
    "content moderator",
    "moderator",
    "customer (?:happiness|care|experience|success)",
    "fintech",
    "betting",
    "e-?sport",
    "taruhan",
    "love scam",
    "aplikasi (?:dating|kencan)",
    "dating",
    "bikin akun",
    "chat host(?:s|ess|esses)?",
    "host(?:ess)? (?:chat|live)",
    "live streaming",
    "streamer",
    "akun (?:palsu|fake|bodong)",
    "kenalan (?:sama|dengan|dgn) (?:orang|cewek|cowok|pria|wanita)",
    "(?:dpn|depan|di depan) (?:kompi|komputer|pc|laptop|layar)",
    "admin ol",
    "(?:jualan|jual|promosi)(?: produk)? (?:lewat|via|di) (?:sosial media|sosmed|medsos|online|hp)",
    "(?:bisnis|kerja|kerjaan) online",
    "media sosial",
    "sosmed",
    "medsos",
    "(?:cuma|hanya|kerjanya|tinggal) (?:bales |balas )?chat\\p{L}*",
    "chat(?:ting|2|-chat|an|2an)? (?:doang|aja|saja|wungkul|thok|tok)",
  ]),
);
/** Office-type work that, in a scam hotspot (Cambodia, Myanmar, Laos, the Philippines, Mae Sot), is the usual cover. */
export const HOTSPOT_OFFICE_JOB = rx(
  words([
    "kantor\\p{L}*",
    "office",
    "company",
    "perusahaan (?:it|teknologi|digital|online|internasional|investasi)",
    "teknologi",
    "technology",
    "tech",
    "digital",
    "komputer",
    "kompi",
    "laptop",
    "aplikasi",
    "akun",
    "target harian",
    "website",
    "platform",
    "marketing",
    "admin\\p{L}*",
    "operator",
    "staf(?:f)?",
  ]),
);

/** Remote work from home: a home-based job even if the client or "brand" is abroad. */
export const REMOTE_FROM_HOME = rx(words(["(?:kerja|work) (?:dari|di|from) (?:rumah|home)", "remote", "wfh"]));

export const HOME_TASK_JOB = rx(
  words([
    "kerja ketik",
    "follow akun",
    "like (?:postingan|video|konten|foto)",
    "kerja sampingan",
    "tugas (?:harian|online)",
    "komisi harian",
    "ketik (?:dari|di) rumah",
    "kerja online",
    "like (?:&|dan|and) (?:subscribe|follow)",
    "subscribe",
    "rating (?:hotel|produk|toko)",
    "kerja dari rumah",
    "dari rumah",
    "work from home",
    "data entry",
    "input data online",
    "per tugas",
    "freelance\\p{L}*",
    "klik tugas",
    "(?:kerja|kerjaan) (?:paruh waktu |sampingan )?(?:dari|lewat|pakai|pake) hp",
    "paruh waktu dari (?:hp|rumah)",
    "(?:tugas|misi) (?:harian|like|follow|review|rating)",
    "(?:top ?up|isi) saldo",
    "upgrade (?:level|akun|vip)",
    "(?:like|review|rating|follow)(?: \\p{L}+){0,2} (?:video|hotel|produk|akun|toko)",
  ]),
);
export const VAGUE_HIGH_PAY = rx(
  words(["gaji\\s?(?:\\p{L}+\\s)?(?:2|dua) digit", "gaji (?:dollar|dolar|dolar)", "puluhan juta", "gaji fantastis", "gaji menggiurkan"]),
);

export const NO_SKILL = rx(
  words([
    "tanpa (?:pengalaman|pengalamn|skill|keahlian|keterampilan|ketrampilan|sertifikat|ijazah|tes|test|belajar bahasa|bahasa|kursus|jlpt|str|bst)",
    `${NEG} (?:perlu|usah|butuh|wajib|harus|kedah|need|needed|required|ada) (?:punya |gaduh |bisa |tiasa |pinter |pake )?(?:pengalaman|pangalaman|skill|skills|keahlian|sertifikat|ijazah|bahasa|basa|pinter|pintar|experience|certificate|english|tes|test)`,
    "no (?:experience|skills?|certificate)",
    "(?:tidak|tdk|gak|ga|nggak) (?:dibutuhkan|diperlukan|disyaratkan|dituntut)(?: \\p{L}+)? (?:pengalaman|skill|keahlian|ijazah|sertifikat|bahasa)",
    "fresh ?graduate (?:welcome|boleh|bisa|ok|oke|dipersilakan)",
    "tanpa (?:sekolah|kursus|les|belajar) bahasa",
    "(?:experience|skills?) (?:not|isn't) (?:needed|required)",
    "(?:lulusan )?(?:sd|smp)(?: ?[/&-] ?(?:sd|smp|sma))? (?:aja |saja |juga |jg )?(?:bisa|boleh|gpp|ok|oke|oge|ge|tiasa|diterima|masuk)",
    "(?:diajarin|diajari|diajarkan|dilatih) dari nol",
    "nanti diajari\\p{L}*",
    "gak bisa bahasa \\p{L}+ juga (?:tenang|gpp|bisa|boleh|ok)",
    "gak perlu pinter",
  ]),
);
/** Qualifications an employer asks for: degree, years of experience, licence or professional certificate. */
export const SKILL_REQUIRED = rx(
  words([
    "(?:min(?:imal|imum)?\\.?|at least|pengalaman|experience)(?: \\p{L}+){0,2} \\d{1,2}\\+? ?(?:tahun|thn|th|years?|yrs?)",
    "\\d{1,2}\\+? ?(?:tahun|thn|years?|yrs?) (?:pengalaman|experience|of experience|of \\p{L}+ experience)",
    "\\d{1,2}\\+? ?(?:years?|yrs?)(?: \\p{L}+){0,2} experience",
    "(?:s1|s2|d3|d4|bachelor(?:'s)?|master(?:'s)?|sarjana|diploma|degree)",
    "str aktif",
    "(?:ielts|toefl|toeic|jlpt ?n[1-3]|topik [3-6]|goethe b[12]|cpa|acca|bosiet|6g|dha|haad|nclex|employment pass|e-7)",
    "(?:engineer|developer|programmer|software|accountant|akuntan|dokter|doctor|arsitek|architect|data engineer|registered nurses?)",
  ]),
);
export const NO_SKILL_BUT = /(?:namun|tapi|tetapi|but)\s+(?:\p{L}+\s+){0,2}(?:wajib|harus|must|perlu|required)/u;

export const IRREGULAR_ROUTE = rx(
  words([
    "jalur (?:belakang|tikus|gelap|ilegal|illegal|samping)",
    "jalan tikus",
    "lewat belakang",
    "liwat (?:mburi|belakang)",
    `(?:tanpa|${NEG}) (?:usah |perlu |pake |pakai |lewat |ada )?(?:cap|cop|stempel|stamp) paspor`,
    `paspor (?:${NEG}) (?:di)?(?:cap|cop|stempel)`,
    "urusan cap paspor",
    `${NEG} lewat (?:pos )?imigrasi`,
    "(?:nyebrang|menyeberang|nyeberang) sungai",
    `(?:${NEG}) (?:usah|perlu|pake|pakai) (?:repot |ribet )?(?:bikin |urus |buat |pake |pakai )?paspor`,
    `paspor (?:${NEG}) (?:usah|perlu)`,
    "tanpa paspor",
    "paspor (?:(?:sama|dan|&) \\p{L}+ )?(?:di)?urus (?:bos|majikan|tauke|di ?sana)",
    "(?:blm|belum) punya paspor (?:tetep |tetap |juga )?bisa",
    "(?:naik|pake|pakai|dengan|karo|lewat) (?:speed ?boat|pompong|kapal kecil|perahu kecil|perahu|kapal kayu|boat|bot)",
  ]),
);
export const ROUTE_HUB = rx(
  words(["batam", "tanjung ?pinang", "tanjung ?balai(?: karimun)?", "karimun", "nunukan", "entikong", "sebatik", "dumai", "tunon taka"]),
);
export const ROUTE_MOVE =
  /(?:nyebrang|menyeberang|nyeberang|naik|kapal|feri|ferry|boat|pompong|jalur|lewat|liwat|via|dari|kumpul|darat|pelabuhan)/;

export const DOC_SUBJECT = rx(words(["paspor", "pasport", "passport", "buku pelaut", "arc", "dokumen", "ktp", "id card", "identitas"]));
export const DOC_VERB = /(?:di)?(?:tahan|sita|simpan|simpen|pegang|ambil|amankan)(?:kan|in)?(?![\p{L}])/u;
export const DOC_HOLDER = rx(
  words([
    "bos",
    "boss",
    "agen",
    "agency",
    "agensi",
    "majikan",
    "perusahaan",
    "pt",
    "kapten",
    "mandor",
    "kafil",
    "tauke",
    "towkay",
    "hrd",
    "kantor",
    "pihak",
    "employer",
    "company",
    "sponsor",
    "kami",
    "kita",
    "tekong",
    "calo",
    "admin",
    "koordinator",
    "hutang",
    "utang",
  ]),
);
export const DOC_OWN = /^\s*(?:\p{L}+\s+)?(?:sendiri|oleh pekerja|pekerja|pmi|tki|masing|yang bersangkutan|own)/u;
export const DOC_EN = rx(
  words([
    "(?:keep|keeps|hold|holds|retain|retains|kept|held)(?: safe)? (?:your|the|all|workers'?|their)? ?passports?",
    "passports? (?:will be |are |is )?(?:kept|held|retained)",
  ]),
);

export const FAST_DEPARTURE = rx(
  words([
    `(?:berangkat|keberangkatan|brgkt|brangkat|brkt|terbang|angkat|proses|langsung berangkat|kumpul) (?:dalam |cuma |hanya |kurang dari |\\+-|[±~] ?)?${NUMW} ?(?:hari|hr|dinten|days?|minggu|mg|pekan|weeks?)`,
    `${NUMW} ?(?:hari|hr|dinten|days?|minggu|mg|pekan|weeks?) (?:lagi|lg|deui|setelah \\p{L}+|stlh \\p{L}+|sesudah \\p{L}+|dari \\p{L}+|udah|udh|dah|langsung|siap)(?: (?:langsung |udah |udh |siap )?(?:terbang|berangkat|brgkt))?`,
    "(?:1|satu|se) ?bulan (?:setelah|stlh|sesudah|dari) (?:daftar|pendaftaran)",
    "(?:berangkat|brgkt|brangkat|brkt|terbang|angkat|kumpul)(?: \\p{L}+)? (?:minggu ini|minggu dpn|minggu depan|minggu payun|pekan depan|pekan ini|besok|bsk|lusa|besok lusa|bulan ini juga|secepatnya|hari ini|malam ini)",
    "(?:berangkat|brgkt|brangkat|terbang|angkat|kumpul) (?:hari )?(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad) (?:depan|ini|besok)",
    "medical (?:nyusul|belakangan|menyusul)",
    "(?:minggu depan|pekan depan|besok|lusa|bulan ini) (?:udah |sudah |langsung |siap |bisa )?(?:terbang|berangkat)",
    "(?:berangkat|terbang) hari (?:senin|senen|selasa|salasa|rabu|rebo|kamis|kemis|jumat|jum'at|sabtu|saptu|minggu|ahad)",
    "(?:kontrak|perjanjian(?: kerja)?) (?:kerja )?(?:di ?tanda ?tangan\\p{L}*|ditandatangani|diteken) (?:di ?sana|setiba\\p{L}*|sesampai\\p{L}*|di negara tujuan|di lokasi kerja)",
    "(?:tanda ?tangan|teken) (?:kontrak|perjanjian)(?: kerja)? (?:di ?sana|setiba\\p{L}*|sesampai\\p{L}*|di negara tujuan)",
    "(?:besok|bsk)(?: (?:malam|malem|subuh|pagi|siang|sore))?(?: jam \\d{1,2})? (?:kumpul|ngumpul|berangkat|jalan|terbang)",
    `(?:tanpa|${NEG}) (?:perlu |usah |ada |pake |pakai |kedah |need )?(?:medical|medikal|mcu|cek kesehatan|tes kesehatan|pelatihan|training|pap|orientasi|tanda tangan kontrak)`,
    `medical (?:${NEG}) (?:usah|perlu)`,
    "medical (?:di ?sana|disana) (?:aja|saja)",
    "pelatihan (?:cukup|hanya|cuma) \\d+ (?:hari|minggu)",
    "training (?:langsung )?di pabrik",
    "pelatihan di pabrik (?:saja|aja)",
  ]),
);

export const DEBT_BONDAGE = rx(
  words([
    "(?:di)?potong(?:an)?(?: (?:\\p{L}+|\\d+)){0,4}? (?:dari )?(?:gaji|gj|gajih|upah)",
    "(?:gaji|gj) (?:di)?potong",
    "(?:memotong|motong|dipotongkan dari) (?:gaji|upah)",
    "(?:cicil|dicicil|nyicil|angsur|diangsur|bayar|dibayar)(?: \\p{L}+){0,2}? (?:dari|pakai|pake|lewat|dengan) (?:gaji|upah)",
    "pinjam(?:an)? dulu",
    "dipotong (?:dari )?(?:gaji|gj|tiap bulan|setiap bulan|per bulan|\\d+ bulan)",
    "ganti rugi",
    "denda",
    "(?:di)?talang(?:i|in|an)?",
    "(?:hutang|utang) (?:lunas|dibayar|dicicil)",
    "sampai (?:hutang|utang) lunas",
    "kerja dulu,? bayar (?:belakangan|nanti|di ?sana)",
    "bayar(?:nya)? (?:pakai|pake|dengan|dgn) (?:gaji|potong)",
    "potongan (?:agen|agensi|agency|sponsor|pt|kantor|calo|biaya)",
    "dipotong (?:dari )?uang saku",
    "(?:dipinjami|dipinjamkan|dipinjamin)(?: \\p{L}+){0,3} (?:dulu|oleh|sama|dari)",
    "pinjaman (?:bank|koperasi|kampus|online|pinjol|dana talangan)",
    "(?:dilunasi|dilunasin|dicicil|lunasi) (?:dari|dengan|pakai|pake|lewat) (?:gaji|upah|uang saku)",
  ]),
);

export const SECRECY = rx(
  words([
    "(?:jangan|jgn|jngn|gak usah|ga usah|gausah|tidak usah|ndak usah|ulah|beli usah|tong)(?: \\p{L}+){0,2}? (?:bilang|bilang2|bilang-bilang|pamit|izin|cerita|cerita2|ngomong|kasih ?(?:tau|tahu|tw)|dikasih ?(?:tau|tahu)|ngasih ?(?:tau|tahu)|kabarin|lapor|ngaku|mengaku|wartosan|nyarios|ngabejaan|posting|sebar)",
    `${NEG} (?:perlu|usah) lapor`,
    "(?:bilang|ngaku|ngomong|jawab|bilangin)(?: aja| saja)?(?: ke \\p{L}+(?: \\p{L}+)?)?(?: mau| kerjanya di| kerja di)? (?:liburan|libur|jalan2|jalan-jalan|umro?h|umrah|wisata|jenguk|ziarah|berobat|kunjungan|holiday|vacation|malaysia)",
    "rahasiakan",
    "diam-diam",
    "diem2",
    "diam2",
    "biar (?:gak|ga|tidak) (?:dilarang|ketahuan)",
    "nanti ketahuan",
    `(?:tanpa|${NEG} (?:perlu|usah|butuh|wajib)) (?:izin|ijin|restu|persetujuan) (?:dari )?(?:orang tua|suami|istri|keluarga|wali)`,
    `(?:izin|ijin) (?:dari )?(?:orang tua|suami|keluarga|wali) (?:${NEG}) (?:perlu|masalah|usah|wajib)`,
    "(?:ngakunya|ngaku|bilang)(?: \\p{L}+){0,2}? (?:cuma |hanya )?(?:ibadah|piknik|umroh)",
  ]),
);

/** "a.n.", "a/n", "an.", "atas nama" (not the letters "an" inside a word). */
const AN = "(?<!\\p{L})(?:a\\. ?n\\.?|a/n|an\\.|atas nama)";
const NOT_COMPANY = "(?!pt\\b|cv\\b|yayasan|perusahaan|lpk)";
/** Personal bank account or e-wallet. No trailing word boundary: the name after "a.n." follows. */
export const PERSONAL_ACCOUNT = rx(
  `(?<![\\p{L}\\p{N}])(?:${[
    "rek(?:ening)? pribadi",
    "a\\.?n\\.? pribadi",
    "personal account",
    `(?:rek|rekening|no\\.? ?rek|norek)\\.?(?: \\p{L}+){0,3}? ?[\\d -]{0,24}${AN} ?${NOT_COMPANY}\\p{L}`,
    `(?:bri|bca|bni|mandiri|bsi|btn|cimb|danamon|permata|jago|seabank) ?[\\d -]{0,24}${AN} ?${NOT_COMPANY}\\p{L}`,
    "(?:dana|ovo|gopay|go-pay|shopeepay|linkaja|link aja) ?:? ?(?:0|\\+62|62)8[\\d -]{7,14}",
    `(?:rek|rekening|norek|e-?wallet|dana|ovo|gopay|shopeepay|akun bank)\\.?(?: \\p{L}+)? ${PERSONAL_HOLDER}(?![\\p{L}])`,
  ].join("|")})`,
);
export const FEE_WORD =
  /(?:biaya|\bdp\b|uang|transfer|\btf\b|\btrf\b|kirim|bayar|deposit|pendaftaran|jaminan|admin|aktivasi|daftar|\bfee\b|ongkos|proses|tiket|cicil|top ?up|saldo|upgrade)/;

export const UNDERAGE = rx(
  words([
    // an age window that starts below 18 ("usia 16-22", "umur 17-25")
    "(?:umur|usia|age|aged|umurna|umurnya) ?:? ?1[0-7] ?(?:-|–|s\\.?d\\.?|sampai|sampe|to) ?[1-4]\\d",
    "(?:cewek|cewe|cowok|anak|remaja|gadis|perempuan|wanita|pria|girls?)(?: \\p{L}+){0,2} 1[0-7] ?(?:-|–|s\\.?d\\.?|sampai) ?[1-4]\\d ?(?:th|thn|tahun|taun|yo)?",
    "(?:umur|usia|umurna|umurnya) ?:? ?1[0-7](?: ?(?:-|–|s\\.?d\\.?|sampai) ?1[0-9])? ?(?:th|thn|tahun|taun|yo)?(?: \\p{L}+){0,2}? (?:bisa|boleh|gpp|gapapa|juga|jg|oge|ge|tiasa|ikut|diterima|ok|oke|welcome|mau)",
    "(?:umur|usia) 1[0-7] ?(?:th|thn|tahun)? ?(?:ke ?atas|up|\\+)",
    "(?:cewek|cowok|anak|remaja|gadis|perempuan|wanita|pria) 1[0-7](?: ?[-–] ?1[0-9])? ?(?:th|thn|tahun)",
    "(?:belum|blm|kurang|di bawah|dibawah) (?:cukup )?(?:umur|usia|18|17|dewasa)",
    "(?:umurnya|usianya) (?:belum|blm|kurang)",
    "under ?age",
    "minors?",
    "(?:umur|usia|data|tanggal lahir|tgl lahir|tahun lahir|thn lahir)(?: \\p{L}+){0,4}? (?:bisa |nanti |akan |kita |kami )?(?:di)?(?:tua|tuakan|tuain|ubah|rubah|naikkan|naikin|palsu|kolotkeun|edit|sesuaikan|atur|akali|mudakan)",
    "(?:paspor|pasport|ktp|kk|akte|akta|identitas|buku pelaut|dokumen)(?: \\p{L}+){0,4}? (?:nama lain|nama orang|data (?:orang lain|saudara|sodara)|(?:punya|pake|pakai) (?:saudara|sodara|orang lain)|saudara|sodara|palsu|aspal|diubah|dirubah|diganti|dipalsu(?:kan)?)",
    "(?:dibikinin|dibikinkan|bikinin) (?:ktp|paspor|akte|kk) (?:baru|lain)",
    "(?:fake|false) (?:passport|id|identity)",
  ]),
);

export const DOMESTIC_WORK = rx(
  words([
    ...DOMESTIC_WORK_WORDS,
    "jaga (?:nenek|kakek|lansia|anak)",
    "(?:ngurus|urus|mengurus|beres-beres|bersih-bersih|bebersih) rumah",
    "masak (?:buat|untuk) keluarga",
    "(?:kerja|bekerja) di rumah (?:majikan|keluarga|warga|pribadi)",
    "rumah (?:warga|keluarga|pribadi)",
  ]).concat("|(?<!kitchen |restaurant |restoran |general |office |construction |laundry |cook )helper"),
);

export const VISA_TYPES: [RegExp, string][] = [
  [rx(words(["visa ?(?:turis|turist|tourist|wisata|pelancong)", "tourist visa", "(?:cop|cap) pelancong"])), "tourist"],
  [rx(words(["visa ?(?:kunjungan|visit)", "visit(?:or)? visa"])), "visit"],
  [rx(words(["visa ?umro?h", "visa umrah"])), "umrah"],
  [rx(words(["visa ?ziarah"])), "ziarah"],
  [rx(words(["voa", "visa on[ -]?arrival"])), "visa_on_arrival"],
  [rx(words(["bebas visa", "visa[ -]?free"])), "visa_free"],
  [rx(words(["visa kerja", "work visa", "working visa", "work permit"])), "work"],
  [rx(words(["work and holiday", "working holiday"])), "working_holiday"],
  [rx(words(["e-?9"])), "E-9"],
  [rx(words(["e-?8"])), "E-8"],
  [rx(words(["e-?10"])), "E-10"],
  [rx(words(["c-?3"])), "C-3"],
  [rx(words(["visa ssw", "ssw"])), "SSW"],
  [rx(words(["tipe d", "type d"])), "national_D"],
  [rx(words(["iqomah", "iqama"])), "iqama"],
];
