// Separation of duties: an administrator cannot change their own roles (e.g. make themselves auditor of
// their own actions), and no account holds admin and auditor together — in the console API and the CLI.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, createUser, sessionFor, signedIn, type TestEnv } from "../../../../test/helpers/app";
import { createUserFromCli, setRolesFromCli } from "../../../cli/commands/user";
import { CliError } from "../../../cli/context";
import { FIELD_MESSAGES } from "../../../core/i18n/errors";
import { agencies, users } from "../../db/schema";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

async function rolesOf(id: string) {
  const [u] = await env.ctx.db.select({ roles: users.roles }).from(users).where(eq(users.id, id));
  return u?.roles;
}

describe("separation of duties", () => {
  it("refuses an administrator changing their own roles, and lets another administrator do it", async () => {
    const admin = await createUser(env.ctx, { roles: ["admin"] });
    const client = await sessionFor(env, admin);
    const self = await client.request("PATCH", `/api/admin/users/${admin.id}`, { roles: ["admin", "coordinator"] });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields.roles).toBe(FIELD_MESSAGES.roles_self_change.id);
    expect(await rolesOf(admin.id)).toEqual(["admin"]);
    // Their own name is theirs to edit, roles unchanged included.
    const rename = await client.request("PATCH", `/api/admin/users/${admin.id}`, { displayName: "Admin Baru", roles: ["admin"] });
    expect(rename.statusCode).toBe(200);

    const other = await signedIn(env, { roles: ["admin"] });
    const byOther = await other.request("PATCH", `/api/admin/users/${admin.id}`, { roles: ["admin", "coordinator"] });
    expect(byOther.statusCode).toBe(200);
    expect(await rolesOf(admin.id)).toEqual(["admin", "coordinator"]);
  });

  it("refuses admin and auditor on one account, on create and on update", async () => {
    const admin = await createUser(env.ctx, { roles: ["admin"] });
    const client = await sessionFor(env, admin);
    const create = await client.request(
      "POST",
      "/api/admin/users",
      { username: "dua.peran", displayName: "Dua Peran", agencyId: admin.agencyId, roles: ["admin", "auditor"] },
      { "accept-language": "en" },
    );
    expect(create.statusCode).toBe(400);
    expect(create.json().error.fields.roles).toBe(FIELD_MESSAGES.roles_admin_auditor.en);
    const [none] = await env.ctx.db.select().from(users).where(eq(users.username, "dua.peran"));
    expect(none).toBeUndefined();

    const auditor = await createUser(env.ctx, { roles: ["auditor"] });
    const update = await client.request("PATCH", `/api/admin/users/${auditor.id}`, { roles: ["auditor", "admin"] });
    expect(update.statusCode).toBe(400);
    expect(update.json().error.fields.roles).toBe(FIELD_MESSAGES.roles_admin_auditor.id);
    expect(await rolesOf(auditor.id)).toEqual(["auditor"]);
  });

  it("holds in the CLI user commands too", async () => {
    const [agency] = await env.ctx.db
      .insert(agencies)
      .values({ tenant: env.ctx.config.regency, code: "CLI-SOD", name: "Instansi CLI", category: "government" })
      .returning();
    const base = { username: "cli.sod", name: "Akun CLI", agency: agency!.code };
    await expect(createUserFromCli(env.ctx, { ...base, roles: "admin,auditor" })).rejects.toThrow(CliError);
    await expect(createUserFromCli(env.ctx, { ...base, roles: "admin,auditor" })).rejects.toThrow(FIELD_MESSAGES.roles_admin_auditor.id);
    const { user } = await createUserFromCli(env.ctx, { ...base, roles: "admin" });
    await expect(setRolesFromCli(env.ctx, user.username, "admin,auditor")).rejects.toThrow(FIELD_MESSAGES.roles_admin_auditor.id);
    expect(await rolesOf(user.id)).toEqual(["admin"]);
    expect((await setRolesFromCli(env.ctx, user.username, "auditor")).roles).toEqual(["auditor"]);
  });
});
