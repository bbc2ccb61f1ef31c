// Who is making a request, as every policy and service sees it.
import type { FastifyRequest } from "fastify";
import type { Role } from "../../core/roles";
import { AppError } from "../lib/errors";

export type Principal = {
  id: string;
  tenant: string;
  username: string;
  displayName: string;
  agencyId: string | null;
  roles: Role[];
  /** null = the whole regency; otherwise kecamatan/desa codes. */
  jurisdiction: string[] | null;
  locale: string;
};

/** Who an audit record names: a signed-in user, the public (no user) or the system. */
export type AuditActor = { userId: string | null; username: string | null; ip: string | null };

export type AuthState = {
  principal: Principal;
  sessionHash: string;
  csrfToken: string;
  /** Signed in with a temporary password: only `me`, password change and sign-out are open (auth.hook.ts). */
  mustChangePassword: boolean;
};

export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return p.roles.some((r) => roles.includes(r));
}

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.auth) throw new AppError("unauthenticated");
  return req.auth.principal;
}

export function actorOf(req: FastifyRequest): AuditActor {
  return { userId: req.auth?.principal.id ?? null, username: req.auth?.principal.username ?? null, ip: req.ip };
}
