// Test fixtures for the case module: three agencies, their staff, and a case with a victim.
import type { Role } from "../../../core/roles";
import {
  type Client,
  createAgency,
  createTestEnv,
  createUser,
  sessionFor,
  type TestEnv,
  type TestUser,
} from "../../../../test/helpers/app";
import { principalOf } from "../../auth/auth.service";
import type { Principal } from "../../auth/principal";

export const VICTIM = {
  name: "Siti Nurhalimah Binti Rasmadi",
  nik: "3604125507990001",
  birthDate: "1999-07-15",
  sex: "female" as const,
  phones: ["0812-3456-7890"],
  address: "Kampung Kenari RT 02 RW 03, Desa Pontang",
  desaCode: "36.04.12.2001",
  pmiStatus: "non_procedural" as const,
  citizenship: ["ID"],
};

export async function staff(env: TestEnv) {
  const ppa = await createAgency(env.ctx, { name: "UPTD PPA Kabupaten Serang" });
  const dinkes = await createAgency(env.ctx, { name: "Dinas Kesehatan" });
  const polres = await createAgency(env.ctx, { name: "Polres Serang" });
  const mk = async (roles: Role[], agencyId: string, jurisdiction: string[] | null = null) => {
    const user = await createUser(env.ctx, { roles, agencyId, jurisdiction });
    return { user, p: principalOf(user), http: await sessionFor(env, user) };
  };
  return {
    ppa,
    dinkes,
    polres,
    owner: await mk(["case_manager"], ppa.id),
    member: await mk(["case_manager"], ppa.id),
    outsider: await mk(["case_manager"], ppa.id),
    dinkesWorker: await mk(["case_manager"], dinkes.id),
    dinkesWorker2: await mk(["case_manager"], dinkes.id),
    investigator: await mk(["investigator"], polres.id),
    coordinator: await mk(["coordinator"], ppa.id),
    coordinatorElsewhere: await mk(["coordinator"], ppa.id, ["36.04.01"]),
    volunteer: await mk(["volunteer"], ppa.id),
    pimpasa: await mk(["pimpasa"], ppa.id, ["36.04.12"]),
    operator: await mk(["agency_operator"], ppa.id),
    admin: await mk(["admin"], ppa.id),
    auditor: await mk(["auditor"], ppa.id),
  };
}
export type Staff = Awaited<ReturnType<typeof staff>>;
export type Actor = { user: TestUser; p: Principal; http: Client };

/** Opens a case through the API with a victim; returns its id and the victim's person id. */
export async function openCase(owner: Actor, extra: Record<string, unknown> = {}) {
  const res = await owner.http.request("POST", "/api/cases", {
    origin: "public_report",
    priority: "high",
    summary: "Dipulangkan dari Kamboja",
    victim: VICTIM,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`create case: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return { id: body.id as string, code: body.code as string, victimId: body.persons[0].id as string };
}

/** Records consent to share the case with an agency (given, in writing, unless said otherwise). */
export function shareConsent(
  who: { http: Client },
  caseId: string,
  agencyId: string,
  consent: { given?: boolean; method?: "written" | "verbal" | "guardian" } = {},
) {
  return who.http.request("POST", `/api/cases/${caseId}/consents`, {
    purpose: "share_with_agency",
    agencyId,
    given: consent.given ?? true,
    method: consent.method ?? "written",
  });
}

/** A fresh test environment with the case staff: the setup most case test files start from. */
export async function staffEnv(): Promise<{ env: TestEnv; s: Staff }> {
  const env = await createTestEnv();
  return { env, s: await staff(env) };
}
