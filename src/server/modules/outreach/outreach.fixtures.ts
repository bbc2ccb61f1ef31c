// Test data shared by the outreach tests.
import { randomUUID } from "node:crypto";
import { createAgency, createTestEnv, signedInCast, type TestEnv } from "../../../../test/helpers/app";

export const DESA_A = "36.04.12.2001"; // Pontang; the volunteers' desa
export const DESA_B = "36.04.12.2002"; // Pontang
export const DESA_TIRTAYASA = "36.04.13.2001";

/** A session form as the console sends it: 40 people (25 women, 15 men) in DESA_A on 14 March 2025. */
export function session(over: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    startsAt: "2025-03-14T09:00",
    desaCode: DESA_A,
    venue: "Balai Desa",
    facilitators: ["Bu Siti"],
    audiences: ["general_public", "prospective_migrants_families"],
    attendance: { female: { "18_24": 10, "25_39": 15 }, male: { "18_24": 5, "40_59": 10 } },
    topics: ["flag_unrealistic_salary", "flag_tourist_visa", "step_licensed_agency", "hotlines"],
    materials: ["Leaflet Cek Lowongan"],
    quiz: { preScore: 55, postScore: 80, respondents: 20 },
    ...over,
  };
}

/** The staff both outreach test files start from: the desa government agency volunteers belong to, a
 *  regency coordinator, a PIMPASA officer for kecamatan Pontang and Tirtayasa, a volunteer of that agency
 *  assigned to DESA_A (relawan), and another volunteer assigned to DESA_A, of another agency. */
export async function outreachStaff(env: TestEnv) {
  const agencyId = (await createAgency(env.ctx, { name: "Pemerintah Desa Pontang" })).id;
  const cast = await signedInCast(env, {
    coordinator: { roles: ["coordinator"] },
    pimpasa: { roles: ["pimpasa"], jurisdiction: ["36.04.12", "36.04.13"] },
    relawan: { roles: ["volunteer"], jurisdiction: [DESA_A], agencyId },
    otherRelawan: { roles: ["volunteer"], jurisdiction: [DESA_A] },
  });
  return { agencyId, ...cast };
}
export type OutreachStaff = Awaited<ReturnType<typeof outreachStaff>>;

/** A fresh test environment with the outreach staff. */
export async function outreachEnv(): Promise<{ env: TestEnv; staff: OutreachStaff }> {
  const env = await createTestEnv();
  return { env, staff: await outreachStaff(env) };
}
