// Indonesian national holidays (libur nasional) and collective leave days (cuti bersama), as calendar
// dates in Asia/Jakarta. Government offices are closed on both, so both stop the working-day clock
// for report deadlines. Extra dates (regional holidays, later decrees) come from configuration.
//
// 2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497/2025, 2/2025, 5/2025
//       (17 libur nasional + 8 cuti bersama).
// 2027: PROVISIONAL, computed from the astronomical/lunar calendar before the 2027 SKB was published;
//       replace with the decree's dates (or add them through SIMPUL_HOLIDAYS_EXTRA) when it appears.
export type Holiday = { date: string; name: string; kind: "national" | "cuti_bersama"; provisional?: boolean };

export const HOLIDAYS_ID: readonly Holiday[] = [
  { date: "2026-01-01", name: "Tahun Baru 2026 Masehi", kind: "national" },
  { date: "2026-01-16", name: "Isra Mikraj Nabi Muhammad SAW", kind: "national" },
  { date: "2026-02-16", name: "Cuti bersama Tahun Baru Imlek", kind: "cuti_bersama" },
  { date: "2026-02-17", name: "Tahun Baru Imlek 2577 Kongzili", kind: "national" },
  { date: "2026-03-18", name: "Cuti bersama Hari Suci Nyepi", kind: "cuti_bersama" },
  { date: "2026-03-19", name: "Hari Suci Nyepi (Tahun Baru Saka 1948)", kind: "national" },
  { date: "2026-03-20", name: "Cuti bersama Idul Fitri 1447 H", kind: "cuti_bersama" },
  { date: "2026-03-21", name: "Idul Fitri 1447 H", kind: "national" },
  { date: "2026-03-22", name: "Idul Fitri 1447 H", kind: "national" },
  { date: "2026-03-23", name: "Cuti bersama Idul Fitri 1447 H", kind: "cuti_bersama" },
  { date: "2026-03-24", name: "Cuti bersama Idul Fitri 1447 H", kind: "cuti_bersama" },
  { date: "2026-04-03", name: "Wafat Yesus Kristus", kind: "national" },
  { date: "2026-04-05", name: "Kebangkitan Yesus Kristus (Paskah)", kind: "national" },
  { date: "2026-05-01", name: "Hari Buruh Internasional", kind: "national" },
  { date: "2026-05-14", name: "Kenaikan Yesus Kristus", kind: "national" },
  { date: "2026-05-15", name: "Cuti bersama Kenaikan Yesus Kristus", kind: "cuti_bersama" },
  { date: "2026-05-27", name: "Idul Adha 1447 H", kind: "national" },
  { date: "2026-05-28", name: "Cuti bersama Idul Adha 1447 H", kind: "cuti_bersama" },
  { date: "2026-05-31", name: "Hari Raya Waisak 2570 BE", kind: "national" },
  { date: "2026-06-01", name: "Hari Lahir Pancasila", kind: "national" },
  { date: "2026-06-16", name: "Tahun Baru Islam 1448 H", kind: "national" },
  { date: "2026-08-17", name: "Hari Proklamasi Kemerdekaan RI", kind: "national" },
  { date: "2026-08-25", name: "Maulid Nabi Muhammad SAW", kind: "national" },
  { date: "2026-12-24", name: "Cuti bersama Hari Raya Natal", kind: "cuti_bersama" },
  { date: "2026-12-25", name: "Hari Raya Natal", kind: "national" },

  { date: "2027-01-01", name: "Tahun Baru 2027 Masehi", kind: "national", provisional: true },
  { date: "2027-01-05", name: "Isra Mikraj Nabi Muhammad SAW", kind: "national", provisional: true },
  { date: "2027-02-06", name: "Tahun Baru Imlek 2578 Kongzili", kind: "national", provisional: true },
  { date: "2027-03-08", name: "Hari Suci Nyepi (Tahun Baru Saka 1949)", kind: "national", provisional: true },
  { date: "2027-03-10", name: "Idul Fitri 1448 H", kind: "national", provisional: true },
  { date: "2027-03-11", name: "Idul Fitri 1448 H", kind: "national", provisional: true },
  { date: "2027-03-26", name: "Wafat Yesus Kristus", kind: "national", provisional: true },
  { date: "2027-03-28", name: "Kebangkitan Yesus Kristus (Paskah)", kind: "national", provisional: true },
  { date: "2027-05-01", name: "Hari Buruh Internasional", kind: "national", provisional: true },
  { date: "2027-05-06", name: "Kenaikan Yesus Kristus", kind: "national", provisional: true },
  { date: "2027-05-16", name: "Idul Adha 1448 H", kind: "national", provisional: true },
  { date: "2027-05-20", name: "Hari Raya Waisak 2571 BE", kind: "national", provisional: true },
  { date: "2027-06-01", name: "Hari Lahir Pancasila", kind: "national", provisional: true },
  { date: "2027-06-06", name: "Tahun Baru Islam 1449 H", kind: "national", provisional: true },
  { date: "2027-08-15", name: "Maulid Nabi Muhammad SAW", kind: "national", provisional: true },
  { date: "2027-08-17", name: "Hari Proklamasi Kemerdekaan RI", kind: "national", provisional: true },
  { date: "2027-12-25", name: "Hari Raya Natal", kind: "national", provisional: true },
];

export function holidayDates(extra: readonly string[] = []): Set<string> {
  return new Set([...HOLIDAYS_ID.map((h) => h.date), ...extra]);
}
