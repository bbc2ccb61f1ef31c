// The volunteer registry: registration, lists, who sees which volunteer, validation.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createAgency,
  createTestEnv,
  createUser,
  sessionFor,
  signedIn,
  type TestEnv,
  type TestUser,
} from "../../../../test/helpers/app";
import { auditRows } from "../../../../test/helpers/audit";
import { auditLog, users } from "../../db/schema";
import { volunteers } from "./volunteers.tables";

const PONTANG_DESA = "36.04.12.2001"; // kecamatan Pontang
const TIRTAYASA_DESA = "36.04.13.2001"; // kecamatan Tirtayasa
const OUTSIDE_REGENCY_DESA = "36.01.01.2001"; // another regency of Banten

let env: TestEnv;
let coordinator: Client;
let tirtayasaCoordinator: Client;
let agencyId: string;
let pontangAccount: TestUser;
let pontangVolunteer: string;
let tirtayasaVolunteer: string;

const registration = (over: Record<string, unknown> = {}) => ({
  name: "Siti Aminah",
  phone: "0812-3456-7890",
  desaCodes: [PONTANG_DESA],
  consentAt: "2025-02-01",
  codeOfConductAt: "2025-02-01",
  ...over,
});

beforeAll(async () => {
  env = await createTestEnv();
  agencyId = (await createAgency(env.ctx, { name: "Karang Taruna Pontang" })).id;
  coordinator = await signedIn(env, { roles: ["coordinator"] });
  tirtayasaCoordinator = await signedIn(env, { roles: ["coordinator"], jurisdiction: ["36.04.13"] });
  pontangAccount = await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: null });
  const a = await coordinator.request("POST", "/api/volunteers", registration({ agencyId, userId: pontangAccount.id }));
  expect(a.statusCode, a.body).toBe(201);
  pontangVolunteer = a.json().id;
  const b = await coordinator.request(
    "POST",
    "/api/volunteers",
    registration({ name: "Budi Santoso", phone: null, desaCodes: [TIRTAYASA_DESA] }),
  );
  expect(b.statusCode, b.body).toBe(201);
  tirtayasaVolunteer = b.json().id;
});
afterAll(() => env.close());

describe("registering a volunteer", () => {
  it("stores the registration with the phone encrypted, binds the account to the assigned desa, and audits it", async () => {
    const v = (await coordinator.request("GET", `/api/volunteers/${pontangVolunteer}`)).json();
    expect(v).toMatchObject({
      name: "Siti Aminah",
      phone: "0812-3456-7890",
      agency: { id: agencyId, name: "Karang Taruna Pontang" },
      account: { id: pontangAccount.id, username: pontangAccount.username },
      desa: [{ code: PONTANG_DESA, name: expect.any(String) }],
      active: true,
      trainings: [],
      activity: { sessions: 0, peopleReached: 0, lastSessionAt: null },
    });
    expect(v.desa[0].name).not.toBe(PONTANG_DESA);
    const [row] = await env.ctx.db.select().from(volunteers).where(eq(volunteers.id, pontangVolunteer));
    expect(row!.phoneEnc).not.toMatch(/3456\D?7890/);
    // The account may now work in its assigned desa only.
    const [account] = await env.ctx.db.select({ jurisdiction: users.jurisdiction }).from(users).where(eq(users.id, pontangAccount.id));
    expect(account!.jurisdiction).toEqual([PONTANG_DESA]);
    expect(await auditRows(env.ctx, "volunteer.create", pontangVolunteer)).toHaveLength(1);
  });

  it("records a training and an update, each audited", async () => {
    const t = await coordinator.request("POST", `/api/volunteers/${tirtayasaVolunteer}/trainings`, {
      title: "Pelatihan fasilitator",
      completedOn: "2025-03-01",
    });
    expect(t.statusCode, t.body).toBe(201);
    expect(t.json().trainings).toMatchObject([{ title: "Pelatihan fasilitator", completedOn: "2025-03-01" }]);
    const u = await coordinator.request("PATCH", `/api/volunteers/${tirtayasaVolunteer}`, { notes: "Aktif di posyandu" });
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json().notes).toBe("Aktif di posyandu");
    const actions = (
      await env.ctx.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.resourceId, tirtayasaVolunteer))
    ).map((a) => a.action);
    expect(actions.sort()).toEqual(["volunteer.create", "volunteer.training", "volunteer.update"]);
  });

  it("refuses bad input with a translated message per field and stores nothing", async () => {
    const before = (await env.ctx.db.select({ id: volunteers.id }).from(volunteers)).length;
    const shape = await coordinator.request("POST", "/api/volunteers", registration({ name: "", desaCodes: [], consentAt: "1 Feb 2025" }));
    expect(shape.statusCode).toBe(400);
    expect(Object.keys(shape.json().error.fields).sort()).toEqual(["consentAt", "desaCodes", "name"]);
    const coordinatorAccount = await createUser(env.ctx, { roles: ["coordinator"] });
    const refs = await coordinator.request(
      "POST",
      "/api/volunteers",
      registration({
        agencyId: "00000000-0000-4000-8000-000000000000",
        userId: coordinatorAccount.id,
        desaCodes: [OUTSIDE_REGENCY_DESA, "36.04.12.9999"],
      }),
    );
    expect(refs.statusCode).toBe(400);
    const fields = refs.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual(["agencyId", "desaCodes.0", "desaCodes.1", "userId"]);
    for (const message of Object.values(fields)) expect(message).toMatch(/\S/);
    // A desa outside the regency and a code that is no desa are told apart.
    expect(fields["desaCodes.0"]).not.toBe(fields["desaCodes.1"]);
    expect((await env.ctx.db.select({ id: volunteers.id }).from(volunteers)).length).toBe(before);
  });

  it("lets a coordinator with a jurisdiction register volunteers only inside it", async () => {
    const res = await tirtayasaCoordinator.request("POST", "/api/volunteers", registration({ phone: null }));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(["desaCodes.0"]);
  });
});

describe("who sees which volunteer", () => {
  it("lists every volunteer to a regency-wide coordinator, filtered by desa on request", async () => {
    const all = (await coordinator.request("GET", "/api/volunteers")).json();
    expect(all.items.map((v: { id: string }) => v.id).sort()).toEqual([pontangVolunteer, tirtayasaVolunteer].sort());
    const inTirtayasa = (await coordinator.request("GET", `/api/volunteers?desa=${TIRTAYASA_DESA}`)).json();
    expect(inTirtayasa.items.map((v: { id: string }) => v.id)).toEqual([tirtayasaVolunteer]);
  });

  it("shows a coordinator with a jurisdiction only the volunteers of its desa; any other answers 404", async () => {
    const mine = (await tirtayasaCoordinator.request("GET", "/api/volunteers")).json();
    expect(mine.items.map((v: { id: string }) => v.id)).toEqual([tirtayasaVolunteer]);
    expect((await tirtayasaCoordinator.request("GET", `/api/volunteers/${tirtayasaVolunteer}`)).statusCode).toBe(200);
    expect((await tirtayasaCoordinator.request("GET", `/api/volunteers/${pontangVolunteer}`)).statusCode).toBe(404);
    expect((await tirtayasaCoordinator.request("PATCH", `/api/volunteers/${pontangVolunteer}`, { notes: "x" })).statusCode).toBe(404);
    expect(
      (
        await tirtayasaCoordinator.request("POST", `/api/volunteers/${pontangVolunteer}/trainings`, {
          title: "x",
          completedOn: "2025-03-01",
        })
      ).statusCode,
    ).toBe(404);
    expect((await coordinator.request("GET", "/api/volunteers/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
  });

  it("shows a volunteer its own registration only; the registry is refused by role (403)", async () => {
    // The registration rewrote the account's jurisdiction and ended its sessions: sign in afresh.
    const [fresh] = await env.ctx.db.select().from(users).where(eq(users.id, pontangAccount.id));
    const volunteer = await sessionFor(env, { ...pontangAccount, ...fresh! });
    const me = await volunteer.request("GET", "/api/volunteers/me");
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ id: pontangVolunteer, name: "Siti Aminah" });
    expect((await volunteer.request("GET", "/api/volunteers")).statusCode).toBe(403);
    expect((await volunteer.request("GET", `/api/volunteers/${tirtayasaVolunteer}`)).statusCode).toBe(403);
    expect((await volunteer.request("GET", `/api/volunteers/${pontangVolunteer}`)).statusCode).toBe(403);
    // A volunteer account without a registration has none to show.
    const unregistered = await signedIn(env, { roles: ["volunteer"], jurisdiction: [PONTANG_DESA] });
    expect((await unregistered.request("GET", "/api/volunteers/me")).statusCode).toBe(404);
  });

  it("refuses the registry to PIMPASA officers by role (403), as the authorization matrix says", async () => {
    const pimpasa = await signedIn(env, { roles: ["pimpasa"], jurisdiction: ["36.04.12"] });
    expect((await pimpasa.request("GET", "/api/volunteers")).statusCode).toBe(403);
    expect((await pimpasa.request("GET", `/api/volunteers/${pontangVolunteer}`)).statusCode).toBe(403);
  });
});
