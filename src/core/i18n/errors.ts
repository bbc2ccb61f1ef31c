// Machine error codes and their messages for people, Indonesian first. Shared by server and web.
export type Locale = "id" | "en";

export const ERROR_MESSAGES = {
  validation_failed: {
    id: "Data yang dikirim belum benar. Periksa isian yang ditandai.",
    en: "Some fields are not valid. Check the marked fields.",
  },
  invalid_credentials: { id: "Nama pengguna atau kata sandi salah.", en: "Wrong username or password." },
  account_locked: {
    id: "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi nanti.",
    en: "The account is locked for a while after too many failed attempts. Try again later.",
  },
  account_disabled: { id: "Akun ini dinonaktifkan. Hubungi admin.", en: "This account is disabled. Contact an administrator." },
  totp_required: { id: "Masukkan kode verifikasi dua langkah.", en: "Enter your two-step verification code." },
  invalid_totp: { id: "Kode verifikasi salah atau kedaluwarsa.", en: "The verification code is wrong or expired." },
  challenge_expired: { id: "Sesi masuk kedaluwarsa. Silakan masuk lagi.", en: "The sign-in attempt expired. Please sign in again." },
  unauthenticated: { id: "Silakan masuk terlebih dahulu.", en: "Please sign in first." },
  forbidden: { id: "Anda tidak berwenang melakukan tindakan ini.", en: "You are not allowed to do this." },
  password_change_required: {
    id: "Ganti kata sandi sementara Anda terlebih dahulu.",
    en: "Change your temporary password first.",
  },
  not_found: { id: "Data tidak ditemukan.", en: "Not found." },
  pin_wrong: {
    id: "Kode pelacakan atau PIN salah. Periksa lagi; sisa percobaan ditampilkan di bawah.",
    en: "Wrong tracking code or PIN. Check them again; the attempts left are shown below.",
  },
  pin_locked: {
    id: "Terlalu banyak percobaan PIN yang salah untuk kode ini. Coba lagi setelah waktu yang ditampilkan.",
    en: "Too many wrong PIN attempts for this code. Try again after the time shown.",
  },
  region_not_found: { id: "Kode wilayah tidak dikenal.", en: "Unknown region code." },
  route_not_found: { id: "Alamat API tidak ditemukan.", en: "No such API address." },
  csrf_failed: {
    id: "Permintaan ditolak karena token keamanan tidak cocok. Muat ulang halaman.",
    en: "Request refused: the security token does not match. Reload the page.",
  },
  rate_limited: { id: "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.", en: "Too many requests. Wait a moment and try again." },
  payload_too_large: { id: "Data yang dikirim terlalu besar.", en: "The request is too large." },
  unsupported_media_type: { id: "Format data tidak didukung. Kirim JSON.", en: "Unsupported content type. Send JSON." },
  conflict: { id: "Data bertabrakan dengan data yang sudah ada.", en: "This conflicts with existing data." },
  username_taken: { id: "Nama pengguna sudah dipakai.", en: "This username is already taken." },
  agency_code_taken: { id: "Kode instansi sudah dipakai.", en: "This agency code is already taken." },
  not_reviewable: {
    id: "Wawancara ini tidak menunggu tinjauan Anda (sudah ditinjau, keputusan Anda sendiri, atau perlu penentu).",
    en: "This interview is not waiting for your review (already reviewed, your own decision, or it needs a tie-breaker).",
  },
  case_closed: {
    id: "Kasus ini sudah ditutup. Buka kembali kasus untuk mengubahnya.",
    en: "This case is closed. Reopen it to make changes.",
  },
  invalid_transition: {
    id: "Tindakan ini tidak dapat dilakukan pada status data ini saat ini.",
    en: "This action is not possible in the record's current status.",
  },
  unsupported_file_type: {
    id: "Jenis berkas tidak didukung. Kirim JPEG, PNG, WebP atau PDF.",
    en: "Unsupported file type. Send JPEG, PNG, WebP or PDF.",
  },
  pdf_not_cleanable: {
    id: "PDF ini terkunci atau tersusun sehingga data pembuatnya (nama, perangkat) tidak bisa dihapus. Kirim foto atau tangkapan layarnya saja.",
    en: "This PDF is locked or built so that its author data (name, device) cannot be removed. Send a photo or screenshot of it instead.",
  },
  ocr_busy: {
    id: "Terlalu banyak gambar sedang dibaca. Coba lagi sebentar lagi, atau tempel teksnya.",
    en: "Too many images are being read right now. Try again shortly, or paste the text.",
  },
  database_unavailable: {
    id: "Basis data sedang tidak dapat dihubungi. Coba lagi beberapa saat lagi.",
    en: "The database cannot be reached right now. Try again shortly.",
  },
  internal: { id: "Terjadi kesalahan pada server. Coba lagi nanti.", en: "Something went wrong on the server. Try again later." },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERROR_MESSAGES[code][locale];
}

/** Field-level messages for validation issues. */
export const FIELD_MESSAGES = {
  required: { id: "Wajib diisi.", en: "Required." },
  invalid_type: { id: "Jenis isian tidak sesuai.", en: "Wrong type of value." },
  too_short: { id: "Terlalu pendek (minimal {min} karakter).", en: "Too short (at least {min} characters)." },
  too_long: { id: "Terlalu panjang (maksimal {max} karakter).", en: "Too long (at most {max} characters)." },
  too_small: { id: "Nilai terlalu kecil (minimal {min}).", en: "Too small (at least {min})." },
  too_big: { id: "Nilai terlalu besar (maksimal {max}).", en: "Too large (at most {max})." },
  too_few_items: { id: "Pilih minimal {min}.", en: "Choose at least {min}." },
  too_many_items: { id: "Maksimal {max} pilihan.", en: "At most {max} items." },
  invalid_format: { id: "Format tidak sesuai.", en: "Invalid format." },
  invalid_email: { id: "Alamat e-mail tidak sah.", en: "Invalid e-mail address." },
  invalid_uuid: { id: "Pengenal tidak sah.", en: "Invalid identifier." },
  invalid_value: { id: "Pilihan tidak dikenal.", en: "Unknown choice." },
  unknown_field: { id: "Isian tidak dikenal.", en: "Unknown field." },
  invalid: { id: "Isian tidak sah.", en: "Invalid value." },
  period_in_future: { id: "Periode ini belum dimulai.", en: "This period has not started yet." },
  // Hardening (issue 13): characters the database cannot store, dates that do not exist, separation of duties.
  invalid_characters: {
    id: "Isian memuat karakter yang tidak diperbolehkan (karakter kontrol atau karakter rusak).",
    en: "The value contains characters that are not allowed (control or broken characters).",
  },
  invalid_date: {
    id: "Tanggal tidak sah (format TTTT-BB-HH, tanggal yang benar-benar ada, tahun 1900–2100).",
    en: "Invalid date (format YYYY-MM-DD, a day that exists, years 1900–2100).",
  },
  roles_self_change: { id: "Anda tidak dapat mengubah peran akun Anda sendiri.", en: "You cannot change the roles of your own account." },
  roles_admin_auditor: {
    id: "Peran admin dan auditor tidak boleh dipegang satu akun (pemisahan tugas).",
    en: "One account cannot hold both the admin and the auditor role (separation of duties).",
  },
  must_be_text: { id: "Harus berupa teks.", en: "Must be text." },
  region_unknown: { id: "Kode wilayah tidak dikenal.", en: "Unknown region code." },
  region_outside_regency: { id: "Wilayah harus berada di kabupaten ini.", en: "The area must be inside this regency." },
  region_outside_jurisdiction: {
    id: "Wilayah ini di luar wilayah kerja Anda. Pilih wilayah kerja Anda atau minta koordinator kabupaten.",
    en: "This area is outside your jurisdiction. Choose an area you cover or ask a regency-wide coordinator.",
  },
  agency_unknown: { id: "Instansi tidak dikenal.", en: "Unknown agency." },
  role_unknown: { id: "Peran tidak dikenal.", en: "Unknown role." },
  username_taken: { id: "Nama pengguna sudah dipakai.", en: "This username is already taken." },
  agency_code_taken: { id: "Kode instansi sudah dipakai.", en: "This agency code is already taken." },
  consent_required: { id: "Centang persetujuan bila Anda mengisi data kontak.", en: "Tick the consent box when you give contact details." },
  file_type: {
    id: "Jenis berkas tidak didukung atau berkas rusak. Kirim JPEG, PNG, WebP atau PDF.",
    en: "Unsupported or broken file. Send JPEG, PNG, WebP or PDF.",
  },
  image_required: { id: "Kirim foto (JPEG, PNG atau WebP).", en: "Send a photo (JPEG, PNG or WebP)." },
  image_broken: {
    id: "Gambar ini rusak atau tidak lengkap sehingga tidak bisa dibuka. Kirim ulang foto atau tangkapan layar aslinya.",
    en: "This image is damaged or incomplete and cannot be opened. Send the original photo or screenshot again.",
  },
  pdf_broken: {
    id: "PDF ini terpotong atau rusak. Kirim ulang berkas lengkapnya, atau kirim foto atau tangkapan layarnya.",
    en: "This PDF is cut off or damaged. Send the complete file again, or send a photo or screenshot of it.",
  },
  pdf_active_content: {
    id: "PDF ini berisi skrip, tindakan otomatis, formulir aktif atau berkas sisipan, sehingga tidak kami terima. Kirim foto atau tangkapan layarnya saja.",
    en: "This PDF contains scripts, automatic actions, active forms or embedded files, so we do not accept it. Send a photo or screenshot of it instead.",
  },
  chat_export_required: {
    id: "Kirim ekspor obrolan grup WhatsApp (berkas .txt atau .zip dari menu Ekspor chat).",
    en: "Send a WhatsApp group chat export (the .txt or .zip file from Export chat).",
  },
  image_no_text: {
    id: "Tidak ada tulisan yang terbaca di gambar ini. Kirim gambar yang lebih jelas, atau tempel teksnya.",
    en: "No text could be read in this image. Send a sharper image, or paste the text.",
  },
  too_many_files: { id: "Maksimal {max} berkas.", en: "At most {max} files." },
  report_has_case: { id: "Laporan ini sudah terhubung dengan kasus lain.", en: "This report is already linked to another case." },
  attachment_unknown: {
    id: "Lampiran tidak ditemukan atau sudah dipakai. Unggah ulang.",
    en: "Attachment not found or already used. Upload it again.",
  },
  region_level: { id: "Pilih kecamatan atau desa/kelurahan.", en: "Choose a kecamatan or a desa/kelurahan." },
  // Outreach sessions and the volunteer registry.
  ends_before_start: { id: "Jam selesai harus sesudah jam mulai.", en: "The end time must be after the start time." },
  volunteer_account_unavailable: {
    id: "Akun ini tidak dapat ditautkan: pilih akun relawan yang aktif, belum tertaut, dan berada di wilayah kerja Anda.",
    en: "This account cannot be linked: choose an active volunteer account, not linked yet, within your jurisdiction.",
  },
  password_weak: {
    id: "Kata sandi minimal 12 karakter dan tidak boleh sama dengan nama pengguna.",
    en: "Passwords need at least 12 characters and must differ from the username.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type FieldMessageCode = keyof typeof FIELD_MESSAGES;

export function fieldMessage(code: FieldMessageCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return FIELD_MESSAGES[code][locale].replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ""));
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return "id";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "id";
}
