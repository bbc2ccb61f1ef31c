// The signed-in user as the web app sees it, with abilities computed from the policies (abilities.ts),
// so the UI never re-implements access rules.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Principal } from "./principal";
import { agencies, users } from "../db/schema";
import { findRegion } from "../modules/regions/regions.service";
import type { AppContext } from "../context";

export const JurisdictionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("regency") }),
  z.object({ kind: z.literal("areas"), codes: z.array(z.string()) }),
]);

export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  agency: z.object({ id: z.string(), name: z.string(), code: z.string() }).nullable(),
  roles: z.array(z.string()),
  jurisdiction: JurisdictionSchema,
  abilities: z.record(z.string(), z.boolean()),
  locale: z.string(),
  /** Signed in with a temporary password: the UI asks for a new one (POST /api/auth/password). */
  mustChangePassword: z.boolean(),
  /** The regency this installation serves. */
  regency: z.object({ code: z.string(), name: z.string() }),
});

export function jurisdictionOf(codes: string[] | null): z.infer<typeof JurisdictionSchema> {
  return codes === null ? { kind: "regency" } : { kind: "areas", codes };
}

/** Computes the `Me` abilities; app.ts hands in src/server/abilities.ts, so auth imports no feature module. */
export type AbilitiesOf = (p: Principal) => Record<string, boolean>;

export async function meOf(ctx: AppContext, p: Principal, abilitiesOf: AbilitiesOf): Promise<z.infer<typeof MeSchema>> {
  const [row] = await ctx.db.select({ mustChangePassword: users.mustChangePassword }).from(users).where(eq(users.id, p.id));
  const regency = await findRegion(ctx.db, ctx.config.regency);
  const [agency] = p.agencyId
    ? await ctx.db.select({ id: agencies.id, name: agencies.name, code: agencies.code }).from(agencies).where(eq(agencies.id, p.agencyId))
    : [];
  return {
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    agency: agency ?? null,
    roles: p.roles,
    jurisdiction: jurisdictionOf(p.jurisdiction),
    abilities: abilitiesOf(p),
    locale: p.locale,
    mustChangePassword: row?.mustChangePassword ?? false,
    regency: { code: ctx.config.regency, name: regency?.name ?? ctx.config.regency },
  };
}
