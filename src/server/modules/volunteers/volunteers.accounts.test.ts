// Linking a volunteer registry entry to a sign-in account, and paging the registry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestEnv, createUser, sessionFor, type TestEnv } from "../../../../test/helpers/app";

let env: TestEnv;
let admin: Client;
let pontangCoordinator: Client;

const PONTANG_DESA = "36.04.12.2001";
const TIRTAYASA_DESA = "36.04.13.2001";

beforeAll(async () => {
  env = await createTestEnv();
  admin = await sessionFor(env, await createUser(env.ctx, { roles: ["admin"] }));
  pontangCoordinator = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"], jurisdiction: ["36.04.12"] }));
});
afterAll(() => env.close());

const register = (client: Client, desa: string, over: Record<string, unknown> = {}) =>
  client.request("POST", "/api/volunteers", {
    name: "Relawan Uji",
    desaCodes: [desa],
    consentAt: "2026-01-05",
    codeOfConductAt: "2026-01-05",
    ...over,
  });

describe("linking a registry entry to a login account", () => {
  it("offers only active volunteer-only accounts, not linked yet, in the caller's jurisdiction", async () => {
    const free = await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [PONTANG_DESA] });
    const fresh = await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [] });
    const elsewhere = await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [TIRTAYASA_DESA] });
    const staff = await createUser(env.ctx, { roles: ["volunteer", "pimpasa"], jurisdiction: [PONTANG_DESA] });
    const disabled = await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [PONTANG_DESA] });
    expect((await admin.request("POST", `/api/admin/users/${disabled.id}/disable`)).statusCode).toBe(200);

    const ids = async (client: Client) =>
      ((await client.request("GET", "/api/volunteers/accounts")).json().items as { id: string }[]).map((a) => a.id);
    const forAdmin = await ids(admin);
    expect(forAdmin).toEqual(expect.arrayContaining([free.id, fresh.id, elsewhere.id]));
    expect(forAdmin).not.toContain(staff.id);
    expect(forAdmin).not.toContain(disabled.id);
    const forPontang = await ids(pontangCoordinator);
    expect(forPontang).toEqual(expect.arrayContaining([free.id, fresh.id]));
    expect(forPontang).not.toContain(elsewhere.id);
  });

  it("links an account on update, sets its jurisdiction to the assigned desa, and refuses one already linked", async () => {
    const account = await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [] });
    const me = await sessionFor(env, account);
    const entry = (await register(pontangCoordinator, PONTANG_DESA)).json();
    expect(entry.account).toBeNull();
    const linked = await pontangCoordinator.request("PATCH", `/api/volunteers/${entry.id}`, { userId: account.id });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().account).toEqual({ id: account.id, username: account.username });
    // Linking ends the account's sessions; signed in again, it works in the assigned desa.
    expect((await me.request("GET", "/api/auth/me")).statusCode).toBe(401);
    const again = await sessionFor(env, account);
    expect((await again.request("GET", "/api/auth/me")).json().user.jurisdiction).toEqual({ kind: "areas", codes: [PONTANG_DESA] });
    // Saving the same link again is fine; a second entry cannot take the account.
    expect((await pontangCoordinator.request("PATCH", `/api/volunteers/${entry.id}`, { userId: account.id })).statusCode).toBe(200);
    const other = (await register(pontangCoordinator, PONTANG_DESA, { name: "Relawan Lain" })).json();
    const taken = await pontangCoordinator.request("PATCH", `/api/volunteers/${other.id}`, { userId: account.id });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields.userId).toMatch(/tidak dapat ditautkan/);
    expect(((await admin.request("GET", "/api/volunteers/accounts")).json().items as { id: string }[]).map((a) => a.id)).not.toContain(
      account.id,
    );
  });

  it("refuses an account outside the coordinator's jurisdiction or with staff roles, naming the field", async () => {
    const elsewhere = await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [TIRTAYASA_DESA] });
    const staff = await createUser(env.ctx, { roles: ["coordinator"], jurisdiction: null });
    for (const userId of [elsewhere.id, staff.id]) {
      const res = await register(pontangCoordinator, PONTANG_DESA, { userId });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(["userId"]);
    }
  });
});

describe("the registry list", () => {
  it("pages with the total", async () => {
    for (let i = 0; i < 3; i++) expect((await register(admin, TIRTAYASA_DESA, { name: `Relawan Halaman ${i}` })).statusCode).toBe(201);
    const all = (await admin.request("GET", "/api/volunteers")).json();
    expect(all.total).toBe(all.items.length);
    const page = (await admin.request("GET", "/api/volunteers?limit=2&offset=1")).json();
    expect(page.total).toBe(all.total);
    expect(page.items.map((v: { id: string }) => v.id)).toEqual(all.items.slice(1, 3).map((v: { id: string }) => v.id));
  });
});
