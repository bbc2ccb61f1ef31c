// `simpul user create|reset-password|disable|enable|list`: account management without the web console.
import type { Command } from "commander";
import { eq, sql } from "drizzle-orm";
import { ROLES, type Role } from "../../core/roles";
import type { Principal } from "../../server/auth/principal";
import { agencies, users } from "../../server/db/schema";
import { AppError } from "../../server/lib/errors";
import { translateFields } from "../../server/lib/validation";
import { UserCreateSchema } from "../../server/modules/admin/admin.schema";
import { AdminService } from "../../server/modules/admin/admin.service";
import type { AuditActor } from "../../server/modules/audit/audit.service";
import type { AppContext } from "../../server/context";
import { CliError, withContext } from "../context";

const CLI_ACTOR: AuditActor = { userId: null, username: "cli", ip: null };

function cliPrincipal(ctx: AppContext): Principal {
  return {
    id: "00000000-0000-0000-0000-000000000000",
    tenant: ctx.config.regency,
    username: "cli",
    displayName: "CLI",
    agencyId: null,
    roles: ["admin"],
    jurisdiction: null,
    locale: "id",
  };
}

function explain(err: unknown): never {
  if (err instanceof AppError && err.fields) {
    const lines = Object.entries(translateFields(err.fields, "id")).map(([k, v]) => `  ${k}: ${v}`);
    throw new CliError(`Data tidak valid:\n${lines.join("\n")}`);
  }
  if (err instanceof AppError && err.code === "not_found") throw new CliError("Pengguna tidak ditemukan.");
  throw err;
}

async function userIdOf(ctx: AppContext, username: string): Promise<string> {
  const [u] = await ctx.db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`);
  if (!u) throw new CliError(`Pengguna "${username}" tidak ditemukan.`);
  return u.id;
}

export type CliUserOptions = { username: string; name: string; agency: string; roles: string; email?: string; areas?: string };

/** `simpul user create`: the same checks as the web console (schema, references, separation of duties). */
export async function createUserFromCli(ctx: AppContext, o: CliUserOptions) {
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.code, o.agency));
  if (!agency) throw new CliError(`Instansi dengan kode "${o.agency}" tidak ditemukan.`);
  const parsed = UserCreateSchema.safeParse({
    username: o.username,
    displayName: o.name,
    email: o.email,
    agencyId: agency.id,
    roles: String(o.roles)
      .split(",")
      .map((s: string) => s.trim())
      .filter(Boolean) as Role[],
    jurisdiction: o.areas
      ? {
          kind: "areas",
          codes: String(o.areas)
            .split(",")
            .map((s: string) => s.trim()),
        }
      : { kind: "regency" },
  });
  if (!parsed.success)
    throw new CliError(`Data tidak valid:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  return new AdminService(ctx).createUser(cliPrincipal(ctx), CLI_ACTOR, parsed.data).catch(explain);
}

/** `simpul user set-roles`: replaces an account's roles, with the console's rules (admin and auditor never together). */
export async function setRolesFromCli(ctx: AppContext, username: string, roles: string) {
  const list = roles
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = list.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!list.length || unknown.length)
    throw new CliError(`Peran tidak dikenal: ${unknown.join(", ") || "(kosong)"}. Pilihan: ${ROLES.join(", ")}`);
  return new AdminService(ctx)
    .updateUser(cliPrincipal(ctx), CLI_ACTOR, await userIdOf(ctx, username), { roles: list as Role[] })
    .catch(explain);
}

export function registerUser(program: Command): void {
  const user = program.command("user").description("Kelola akun staf / manage staff accounts");

  user
    .command("create")
    .description("Buat akun; kata sandi sementara dicetak sekali")
    .requiredOption("--username <username>")
    .requiredOption("--name <displayName>", "nama tampilan")
    .requiredOption("--agency <code>", "kode instansi, mis. DP3AKB")
    .requiredOption("--roles <roles>", `peran dipisah koma: ${ROLES.join(", ")}`)
    .option("--email <email>")
    .option("--areas <codes>", "wilayah kerja (kode kecamatan/desa dipisah koma); kosong = seluruh kabupaten")
    .action(async (o) =>
      withContext(async (ctx) => {
        const { user: created, temporaryPassword } = await createUserFromCli(ctx, o);
        console.log(`Akun dibuat: ${created.username} (${created.roles.join(", ")})`);
        console.log(`Kata sandi sementara: ${temporaryPassword}`);
      }),
    );

  user
    .command("set-roles")
    .description("Ganti peran akun (sesi akun itu berakhir); admin dan auditor tidak boleh digabung")
    .argument("<username>")
    .argument("<roles>", `peran dipisah koma: ${ROLES.join(", ")}`)
    .action(async (username: string, roles: string) =>
      withContext(async (ctx) => {
        const updated = await setRolesFromCli(ctx, username, roles);
        console.log(`${updated.username}: ${updated.roles.join(", ")}`);
      }),
    );

  user
    .command("reset-password")
    .description("Atur ulang kata sandi; kata sandi sementara dicetak sekali")
    .argument("<username>")
    .option("--reset-totp", "hapus juga TOTP sehingga pengguna mendaftar ulang")
    .action(async (username: string, o) =>
      withContext(async (ctx) => {
        const id = await userIdOf(ctx, username);
        const pw = await new AdminService(ctx).resetPassword(cliPrincipal(ctx), CLI_ACTOR, id, { resetTotp: !!o.resetTotp }).catch(explain);
        console.log(`Kata sandi sementara untuk ${username}: ${pw}`);
      }),
    );

  for (const [name, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    user
      .command(name)
      .description(disabled ? "Nonaktifkan akun (sesi berakhir)" : "Aktifkan kembali akun")
      .argument("<username>")
      .action(async (username: string) =>
        withContext(async (ctx) => {
          await new AdminService(ctx).setDisabled(cliPrincipal(ctx), CLI_ACTOR, await userIdOf(ctx, username), disabled).catch(explain);
          console.log(`${username}: ${disabled ? "dinonaktifkan" : "diaktifkan"}`);
        }),
      );
  }

  user
    .command("list")
    .description("Daftar akun")
    .action(async () =>
      withContext(async (ctx) => {
        for (const u of (await new AdminService(ctx).listUsers(cliPrincipal(ctx))).items) {
          console.log(
            `${u.username.padEnd(20)} ${u.roles.join(",").padEnd(28)} ${u.agency?.code ?? "-"}${u.disabled ? "  [nonaktif]" : ""}`,
          );
        }
      }),
    );
}
