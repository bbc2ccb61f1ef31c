// Demo data of the Desa Binaan programme, so a fresh console shows a living programme: volunteers,
// village indicators with sources (a mix of high, medium and low risk), designations (active in
// Pontang and Tirtayasa, candidates in Tanara), and outreach sessions over the last months plus a
// few planned ones. Every name is fictional and marked "demo".
//
// Deterministic: the figures come from a fixed-seed generator and the ids from fixed names, so a
// second run inserts nothing. Dates are relative to `now` (sessions of "the last months"), in WIB.
// A handful of multi-row inserts in one audited transaction keeps the first start fast.
import { createHash } from "node:crypto";
import { and, eq, inArray, like, or } from "drizzle-orm";
import { type Attendance, AUDIENCES, attendanceTotals, OUTREACH_TOPIC_CODES } from "../../core/outreach-topics";
import { parentCodeOf } from "../../core/regions";
import { agencies, regions, users } from "../db/schema";
import type { AppContext } from "../context";
import { encrypt, sealList } from "../lib/crypto";
import { SYSTEM_ACTOR } from "../modules/audit/audit.service";
import { outreachSessions } from "../modules/outreach/outreach.tables";
import { villageDetails, villageIndicators, villagePrograms } from "../modules/villages/villages.tables";
import { volunteers, volunteerTrainings } from "../modules/volunteers/volunteers.tables";
import { DESA_BINAAN_KECAMATAN } from "./demo";

/** Tanara's first desa: candidates for the programme's next round. */
export const DEMO_CANDIDATE_DESA = ["36.04.14.2001", "36.04.14.2002", "36.04.14.2003", "36.04.14.2004"];
/** Kragilan desa with figures but no designation: the risk rule works outside the programme too. */
export const DEMO_OTHER_DESA = ["36.04.11.2001", "36.04.11.2002"];
/** The demo volunteer account's desa (see DEMO_USERS in demo.ts). */
const RELAWAN_DESA = "36.04.12.2001";

const DAY = 86_400_000;
const WIB = 7 * 3_600_000;

/** A UUID fixed by a name, so reruns hit the same primary keys. */
export function demoId(name: string): string {
  const h = createHash("sha256").update(`simpul-demo:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32: small, fast, and the same numbers on every machine. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[], n: number): T[] => {
    const pool = [...list];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(int(0, pool.length - 1), 1)[0]!);
    return out;
  };
  return { int, pick };
}

type Risk = "high" | "medium" | "low";
/** Which level each desa gets, in code order: about a fifth high, the rest split medium/low. */
const RISK_PATTERN: Risk[] = ["high", "medium", "low", "medium", "low"];

const SOURCES = {
  residentsAbroad: "Data demo: pendataan Pemerintah Desa",
  nonProceduralDepartures: "Data demo: Kantor Imigrasi Serang (wawancara paspor)",
  victims: "Data demo: UPTD PPA DP3AKB",
  passportPostponements: "Data demo: Kantor Imigrasi Serang (penundaan paspor)",
  reportsReceived: "Data demo: rekap pengaduan desa",
};

function figuresFor(risk: Risk, rnd: ReturnType<typeof generator>) {
  switch (risk) {
    case "high":
      return rnd.int(0, 1)
        ? {
            residentsAbroad: rnd.int(120, 400),
            nonProceduralDepartures: rnd.int(10, 16),
            victims: rnd.int(0, 2),
            passportPostponements: rnd.int(4, 9),
            reportsReceived: rnd.int(2, 5),
          }
        : {
            residentsAbroad: rnd.int(80, 300),
            nonProceduralDepartures: rnd.int(4, 9),
            victims: rnd.int(1, 3),
            passportPostponements: rnd.int(2, 6),
            reportsReceived: rnd.int(1, 4),
          };
    case "medium":
      return {
        residentsAbroad: rnd.int(50, 150),
        nonProceduralDepartures: rnd.int(3, 7),
        victims: 0,
        passportPostponements: rnd.int(1, 5),
        reportsReceived: rnd.int(0, 2),
      };
    case "low":
      return {
        residentsAbroad: rnd.int(10, 45),
        nonProceduralDepartures: rnd.int(0, 2),
        victims: 0,
        passportPostponements: rnd.int(0, 2),
        reportsReceived: rnd.int(0, 1),
      };
  }
}

/** Midnight (WIB) of the day `days` after `now`'s WIB date, as a UTC instant. */
function wibDay(now: Date, days: number): Date {
  const local = now.getTime() + WIB;
  return new Date(local - (local % DAY) - WIB + days * DAY);
}

export type DemoProgrammeCounts = { volunteers: number; indicators: number; sessions: number; candidates: number };

export async function seedDemoProgramme(ctx: AppContext, now = new Date()): Promise<DemoProgrammeCounts> {
  const tenant = ctx.config.regency;
  const db = ctx.db;
  const desaRows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(
      and(
        eq(regions.level, "desa"),
        or(
          ...DESA_BINAAN_KECAMATAN.map((k) => like(regions.code, `${k}.%`)),
          inArray(regions.code, [...DEMO_CANDIDATE_DESA, ...DEMO_OTHER_DESA]),
        ),
      ),
    )
    .orderBy(regions.code);
  if (desaRows.length === 0) return { volunteers: 0, indicators: 0, sessions: 0, candidates: 0 };
  const binaan = desaRows.filter((d) => DESA_BINAAN_KECAMATAN.includes(parentCodeOf(d.code)!));

  const people = new Map(
    (
      await db
        .select({ id: users.id, username: users.username })
        .from(users)
        .where(and(eq(users.tenant, tenant), inArray(users.username, ["relawan", "pimpasa", "koordinator", "operator"])))
    ).map((u) => [u.username, u.id]),
  );
  const agency = new Map(
    (await db.select({ id: agencies.id, code: agencies.code }).from(agencies).where(eq(agencies.tenant, tenant))).map((a) => [
      a.code,
      a.id,
    ]),
  );
  const rnd = generator(20230912);
  const year = Number(new Date(now.getTime() + WIB).toISOString().slice(0, 4));
  const periods = [String(year - 1), `${year}-S1`];

  // Figures per desa and period; the latest period carries the level of the pattern.
  const indicatorRows: (typeof villageIndicators.$inferInsert)[] = [];
  const detailRows: (typeof villageDetails.$inferInsert)[] = [];
  desaRows.forEach((d, i) => {
    const risk = RISK_PATTERN[i % RISK_PATTERN.length]!;
    const earlier = figuresFor(risk === "high" ? "medium" : risk, rnd);
    const latest = figuresFor(risk, rnd);
    for (const [period, f] of [
      [periods[0]!, earlier],
      [periods[1]!, latest],
    ] as const) {
      indicatorRows.push({
        id: demoId(`indicator:${d.code}:${period}`),
        tenant,
        desaCode: d.code,
        period,
        residentsAbroad: f.residentsAbroad,
        residentsAbroadSource: SOURCES.residentsAbroad,
        nonProceduralDepartures: f.nonProceduralDepartures,
        nonProceduralDeparturesSource: SOURCES.nonProceduralDepartures,
        victims: f.victims,
        victimsSource: SOURCES.victims,
        passportPostponements: f.passportPostponements,
        passportPostponementsSource: SOURCES.passportPostponements,
        reportsReceived: f.reportsReceived,
        reportsReceivedSource: SOURCES.reportsReceived,
        notes: "Data demo (fiktif).",
      });
    }
    detailRows.push({
      id: demoId(`village:${d.code}`),
      tenant,
      desaCode: d.code,
      pimpasaUserIds: people.has("pimpasa") && binaan.includes(d) ? [people.get("pimpasa")!] : [],
      focalName: `Narahubung Demo ${d.name}`,
      focalPosition: "Sekretaris Desa",
      population: rnd.int(25, 90) * 100,
      populationYear: year - 1,
      populationSource: "Data demo: profil desa",
    });
  });

  // Volunteers: the demo account's registration and four without an account (one inactive).
  const volunteerSpecs = [
    {
      key: "relawan",
      name: "Relawan Demo Pontang",
      userId: people.get("relawan") ?? null,
      agency: "PEMDES-PONTANG",
      desa: [RELAWAN_DESA],
      active: true,
      phone: "0800-0000-0001",
    },
    {
      key: "ani",
      name: "Ani Contoh (demo)",
      userId: null,
      agency: "PEMDES-PONTANG",
      desa: [binaan[3]?.code, binaan[4]?.code],
      active: true,
      phone: "0800-0000-0002",
    },
    { key: "budi", name: "Budi Contoh (demo)", userId: null, agency: "DP3AKB", desa: [binaan[12]?.code], active: true, phone: null },
    {
      key: "citra",
      name: "Citra Contoh (demo)",
      userId: null,
      agency: "DP3AKB",
      desa: [binaan[15]?.code, binaan[16]?.code],
      active: true,
      phone: null,
    },
    {
      key: "dedi",
      name: "Dedi Contoh (demo)",
      userId: null,
      agency: "PEMDES-PONTANG",
      desa: [binaan[7]?.code],
      active: false,
      phone: null,
    },
  ];
  /** A date column value: the ISO date of `wibDay(now, day)`. */
  const dayText = (day: number) => wibDay(now, day).toISOString().slice(0, 10);
  const volunteerRows = volunteerSpecs.map((v, i) => ({
    id: demoId(`volunteer:${v.key}`),
    tenant,
    userId: v.userId,
    nameEnc: encrypt(ctx.keys, v.name),
    phoneEnc: v.phone ? encrypt(ctx.keys, v.phone) : null,
    agencyId: agency.get(v.agency) ?? null,
    desaCodes: v.desa.filter((c): c is string => !!c),
    consentAt: dayText(-200 + i * 10),
    codeOfConductAt: dayText(-200 + i * 10),
    codeOfConductVersion: "2025-1",
    active: v.active,
    notes: "Data demo (fiktif).",
  }));
  const training = (v: (typeof volunteerRows)[number], n: number, title: string, provider: string, day: number) => ({
    id: demoId(`training:${v.id}:${n}`),
    tenant,
    volunteerId: v.id,
    title,
    provider,
    completedOn: dayText(day),
  });
  const trainingRows = volunteerRows.flatMap((v, i) => [
    training(v, 1, "Pelatihan modus TPPO dan tanda bahaya lowongan kerja", "BP3MI Banten", -180 + i * 7),
    ...(i % 2 === 0 ? [training(v, 2, "Fasilitasi sosialisasi desa", "DP3AKB Kabupaten Serang", -120 + i * 5)] : []),
  ]);

  // Sessions: held ones over the last six months, some planned in the next weeks, one cancelled.
  // Every third Binaan desa gets none, so "never reached" has content; the oldest are past 90 days.
  const reachable = binaan.filter((_, i) => i % 3 !== 2);
  const recorders = [
    { user: people.get("pimpasa"), agency: "KANIM-SRG" },
    { user: people.get("koordinator"), agency: "DP3AKB" },
    { user: people.get("operator"), agency: "DISNAKERTRANS" },
  ].filter((r): r is { user: string; agency: string } => !!r.user);
  type Plan = {
    key: string;
    desa: string;
    day: number;
    status: "held" | "planned" | "cancelled";
    recorder: { user: string; agency: string };
  };
  const plans: Plan[] = [];
  if (recorders.length) {
    reachable.forEach((d, i) => {
      plans.push({
        key: `${d.code}:a`,
        desa: d.code,
        day: -(8 + ((i * 11) % 170)),
        status: "held",
        recorder: recorders[i % recorders.length]!,
      });
      if (i % 2 === 0)
        plans.push({
          key: `${d.code}:b`,
          desa: d.code,
          day: -(3 + ((i * 7) % 60)),
          status: "held",
          recorder: recorders[(i + 1) % recorders.length]!,
        });
    });
    reachable.slice(0, 5).forEach((d, i) => {
      plans.push({ key: `${d.code}:plan`, desa: d.code, day: 5 + i * 6, status: "planned", recorder: recorders[i % recorders.length]! });
    });
    if (reachable[5])
      plans.push({ key: `${reachable[5].code}:cancel`, desa: reachable[5].code, day: -40, status: "cancelled", recorder: recorders[0]! });
  }
  const relawan = people.get("relawan");
  if (relawan) {
    for (const [n, day] of [-150, -75, -20].entries())
      plans.push({ key: `relawan:${n}`, desa: RELAWAN_DESA, day, status: "held", recorder: { user: relawan, agency: "PEMDES-PONTANG" } });
    plans.push({
      key: "relawan:plan",
      desa: RELAWAN_DESA,
      day: 12,
      status: "planned",
      recorder: { user: relawan, agency: "PEMDES-PONTANG" },
    });
  }
  const bands = ["under_18", "18_24", "25_39", "40_59", "60_plus"] as const;
  const sessionRows = plans.map((plan, i) => {
    const startsAt = new Date(wibDay(now, plan.day).getTime() + (i % 2 ? 13.5 : 9) * 3_600_000);
    const attendance: Attendance = {};
    if (plan.status === "held") {
      for (const sex of ["female", "male"] as const) {
        for (const band of rnd.pick(bands, rnd.int(2, 4))) attendance[sex] = { ...attendance[sex], [band]: rnd.int(3, 18) };
      }
    }
    const totals = attendanceTotals(attendance);
    const quiz = plan.status === "held" && i % 3 === 0;
    const pre = rnd.int(40, 65);
    return {
      id: demoId(`session:${plan.key}`),
      tenant,
      status: plan.status,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      desaCode: plan.desa,
      kecamatanCode: parentCodeOf(plan.desa)!,
      venue: ["Balai Desa", "Aula Kantor Desa", "Masjid Jami", "Posyandu", "SMP negeri setempat"][i % 5]!,
      organiserAgencyId: agency.get(plan.recorder.agency) ?? null,
      coOrganiserAgencyIds: i % 4 === 0 && agency.get("BP3MI-BTN") ? [agency.get("BP3MI-BTN")!] : [],
      coOrganiserOthers: i % 5 === 1 ? ["Karang Taruna (demo)"] : [],
      facilitatorsEnc: sealList(ctx.keys, [`Fasilitator Demo ${String.fromCharCode(65 + (i % 6))}`]),
      audiences: rnd.pick(AUDIENCES, rnd.int(1, 3)),
      attendance,
      attendanceFemale: totals.female,
      attendanceMale: totals.male,
      attendanceTotal: totals.total,
      topics: rnd.pick(OUTREACH_TOPIC_CODES, rnd.int(3, 6)),
      materials: ["Leaflet Cek Lowongan", "Video modus perekrutan"].slice(0, 1 + (i % 2)),
      followUps: plan.status === "held" && i % 4 === 1 ? "Kunjungan ulang ke keluarga calon PMI (demo)." : null,
      notes: "Data demo (fiktif).",
      quizPreScore: quiz ? pre : null,
      quizPostScore: quiz ? pre + rnd.int(10, 30) : null,
      quizRespondents: quiz ? rnd.int(10, 25) : null,
      recordedBy: plan.recorder.user,
      createdAt: startsAt,
      updatedAt: startsAt,
    };
  });

  const candidates = desaRows.filter((d) => DEMO_CANDIDATE_DESA.includes(d.code));
  return ctx.withAudit(
    SYSTEM_ACTOR,
    (counts: DemoProgrammeCounts) => ({ action: "demo.seed_programme", resourceType: "village_program", details: counts }),
    async (tx) => {
      // Active Desa Binaan rows come from seedDemo; Tanara's first desa are candidates.
      const programs = candidates.length
        ? await tx
            .insert(villagePrograms)
            .values(
              candidates.map((d) => ({
                tenant,
                desaCode: d.code,
                status: "candidate" as const,
                notes: "Data demo: diusulkan untuk penetapan tahap berikutnya.",
              })),
            )
            .onConflictDoNothing()
            .returning({ code: villagePrograms.desaCode })
        : [];
      await tx.insert(villageDetails).values(detailRows).onConflictDoNothing();
      const indicators = await tx
        .insert(villageIndicators)
        .values(indicatorRows)
        .onConflictDoNothing()
        .returning({ id: villageIndicators.id });
      const vols = await tx.insert(volunteers).values(volunteerRows).onConflictDoNothing().returning({ id: volunteers.id });
      const inserted = new Set(vols.map((v) => v.id));
      const trainings = trainingRows.filter((t) => inserted.has(t.volunteerId));
      if (trainings.length) await tx.insert(volunteerTrainings).values(trainings).onConflictDoNothing();
      const sessions = sessionRows.length
        ? await tx.insert(outreachSessions).values(sessionRows).onConflictDoNothing().returning({ id: outreachSessions.id })
        : [];
      return { volunteers: vols.length, indicators: indicators.length, sessions: sessions.length, candidates: programs.length };
    },
  );
}
