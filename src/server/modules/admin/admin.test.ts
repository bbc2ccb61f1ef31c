import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Client, createAgency, createTestEnv, createUser, sessionFor, type TestEnv } from "../../../../test/helpers/app";
import { auditLog, users } from "../../db/schema";

let env: TestEnv;
let admin: Client;
let agencyId: string;
beforeAll(async () => {
  env = await createTestEnv();
  const a = await createUser(env.ctx, { roles: ["admin"] });
  admin = await sessionFor(env, a);
  agencyId = (await createAgency(env.ctx, { name: "Dinas Sosial" })).id;
});
afterAll(() => env.close());

const userCount = async () => (await env.ctx.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n;

describe("user administration", () => {
  it("creates a user scoped to kecamatan, who can then sign in with the temporary password", async () => {
    const res = await admin.request("POST", "/api/admin/users", {
      username: "siti.pontang",
      displayName: "Siti",
      agencyId,
      roles: ["pimpasa"],
      jurisdiction: { kind: "areas", codes: ["36.04.12", "36.04.13"] },
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({
      username: "siti.pontang",
      roles: ["pimpasa"],
      jurisdiction: { kind: "areas", codes: ["36.04.12", "36.04.13"] },
      disabled: false,
    });
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const login = await anonymous(env.app).request("POST", "/api/auth/login", { username: "Siti.Pontang", password: temporaryPassword });
    expect(login.json().status).toBe("ok");
  });

  it("answers 400 with a message per field and stores nothing", async () => {
    const before = await userCount();
    const res = await admin.request("POST", "/api/admin/users", {
      username: "x",
      displayName: "",
      agencyId: "not-a-uuid",
      roles: ["superuser"],
      jurisdiction: { kind: "areas", codes: [] },
    });
    expect(res.statusCode).toBe(400);
    const { code, fields } = res.json().error;
    expect(code).toBe("validation_failed");
    expect(Object.keys(fields).sort()).toEqual(["agencyId", "displayName", "jurisdiction.codes", "roles.0", "username"].sort());
    expect(fields.username).toBe("Terlalu pendek (minimal 3 karakter).");
    expect(await userCount()).toBe(before);
  });

  it("refuses areas outside the regency and unknown agencies, naming the field", async () => {
    const res = await admin.request("POST", "/api/admin/users", {
      username: "luar.wilayah",
      displayName: "Luar",
      agencyId: "00000000-0000-4000-8000-000000000000",
      roles: ["volunteer"],
      jurisdiction: { kind: "areas", codes: ["36.04.12.2001", "36.01.01"] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      agencyId: "Instansi tidak dikenal.",
      "jurisdiction.codes.1": "Wilayah harus berada di kabupaten ini.",
    });
  });

  it("refuses a duplicate username (case-insensitive)", async () => {
    const body = { username: "dup.user", displayName: "A", agencyId, roles: ["volunteer"] };
    expect((await admin.request("POST", "/api/admin/users", body)).statusCode).toBe(201);
    const again = await admin.request("POST", "/api/admin/users", { ...body, username: "DUP.user" });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.username).toBe("Nama pengguna sudah dipakai.");
  });

  it("disabling an account ends its sessions at once", async () => {
    const u = await createUser(env.ctx, { roles: ["agency_operator"] });
    const theirs = await sessionFor(env, u);
    expect((await theirs.request("GET", "/api/auth/me")).statusCode).toBe(200);
    const res = await admin.request("POST", `/api/admin/users/${u.id}/disable`);
    expect(res.json().disabled).toBe(true);
    expect((await theirs.request("GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("resets a password: the old one stops working and the change is audited", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    const res = await admin.request("POST", `/api/admin/users/${u.id}/reset-password`, {});
    const pw = res.json().temporaryPassword;
    expect((await anonymous(env.app).request("POST", "/api/auth/login", { username: u.username, password: u.password })).statusCode).toBe(
      401,
    );
    expect((await anonymous(env.app).request("POST", "/api/auth/login", { username: u.username, password: pw })).statusCode).toBe(200);
    const rows = await env.ctx.db.select().from(auditLog).where(eq(auditLog.resourceId, u.id));
    expect(rows.map((r) => r.action)).toContain("user.reset_password");
    expect(JSON.stringify(rows)).not.toContain(pw);
  });

  it("changing roles takes effect immediately", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    const theirs = await sessionFor(env, u);
    await admin.request("PATCH", `/api/admin/users/${u.id}`, { roles: ["agency_operator"] });
    expect((await theirs.request("GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("answers 404 for an unknown user id", async () => {
    const res = await admin.request("PATCH", "/api/admin/users/00000000-0000-4000-8000-000000000000", { displayName: "X" });
    expect(res.statusCode).toBe(404);
  });
});

describe("agency administration", () => {
  it("creates and edits an agency with its pentahelix category", async () => {
    const res = await admin.request("POST", "/api/admin/agencies", {
      code: "UNTIRTA",
      name: "Universitas Sultan Ageng Tirtayasa",
      category: "academia",
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const patched = await admin.request("PATCH", `/api/admin/agencies/${id}`, { active: false });
    expect(patched.json()).toMatchObject({ code: "UNTIRTA", category: "academia", active: false });
    const dup = await admin.request("POST", "/api/admin/agencies", { code: "UNTIRTA", name: "Lain", category: "academia" });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields.code).toBe("Kode instansi sudah dipakai.");
  });

  it("tells how many active operators would receive a forwarded report, so a forward to nobody can be warned of", async () => {
    const empty = await createAgency(env.ctx, { name: "Instansi Tanpa Operator" });
    const staffed = await createAgency(env.ctx, { name: "Instansi Dengan Operator" });
    await createUser(env.ctx, { roles: ["agency_operator"], agencyId: staffed.id });
    const gone = await createUser(env.ctx, { roles: ["agency_operator"], agencyId: staffed.id });
    await createUser(env.ctx, { roles: ["case_manager"], agencyId: empty.id });
    expect((await admin.request("POST", `/api/admin/users/${gone.id}/disable`)).statusCode).toBe(200);
    const coordinator = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
    const items = (await coordinator.request("GET", "/api/admin/agencies")).json().items as { id: string; activeOperators: number }[];
    expect(items.find((a) => a.id === empty.id)?.activeOperators).toBe(0);
    expect(items.find((a) => a.id === staffed.id)?.activeOperators).toBe(1);
    const patched = await admin.request("PATCH", `/api/admin/agencies/${staffed.id}`, { name: "Instansi Dengan Operator (baru)" });
    expect(patched.json().activeOperators).toBe(1);
  });

  it("refuses an unknown category", async () => {
    const res = await admin.request("POST", "/api/admin/agencies", { code: "X1", name: "X", category: "ngo" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.category).toBe("Pilihan tidak dikenal.");
  });
});
