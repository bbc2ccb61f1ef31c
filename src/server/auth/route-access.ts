// Route-level access, declared in each route's config and enforced in one hook before validation,
// so a handler cannot forget the check and a refused caller learns nothing from validation errors.
import type { FastifyRequest, FastifySchema, RouteOptions } from "fastify";
import { AppError } from "../lib/errors";
import { IdParam } from "../lib/validation";
import type { Policy } from "./policy";

/** `hidden`: a refused caller gets the 404 of an unknown address, as if the route did not exist (intelligence). */
export type RouteAccess = "public" | "authenticated" | "policy" | { policy: Policy<any, any>; action: string; hidden?: boolean };

export function assertRouteAccess(route: RouteOptions): void {
  if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
  const access = (route.config as { access?: RouteAccess } | undefined)?.access;
  if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
}

export function checkRouteAccess(req: FastifyRequest): void {
  const access = (req.routeOptions.config as { access?: RouteAccess } | undefined)?.access;
  if (access === undefined) {
    // Unknown routes fall through to the 404 handler; docs assets are public.
    if (req.routeOptions.url === undefined || req.url.startsWith("/api/docs")) return;
    throw new AppError("forbidden");
  }
  if (access === "public") return;
  if (!req.auth) throw new AppError("unauthenticated");
  if (typeof access !== "object") return;
  if (access.hidden && !access.policy.can(req.auth.principal, access.action, undefined)) throw new AppError("route_not_found");
  access.policy.authorize(req.auth.principal, access.action, undefined);
}

/**
 * The options every documented route repeats, for one OpenAPI tag: who may call it (`config.access`), its
 * summary, and its zod schemas (they validate and are the OpenAPI document).
 * `const doc = routeDoc(["kasus"]); app.get("/:id", doc(access, "Rincian kasus", { params, response }), handler)`.
 */
export function routeDoc(tags: string[]) {
  return <C extends { access: RouteAccess }, S extends FastifySchema>(config: C, summary: string, schema: S) => ({
    config,
    schema: { tags, summary, ...schema },
  });
}

/**
 * The schema of a route about one record: the record's `:id` in the path, a body, and the answer
 * (`idRead`: no body, 200; `idAction`: 200, the updated record; `idCreate`: 201, what was added under it).
 */
/** The schema of a route that adds a record: a body, and the new record with status 201. */
export const created = <B, R>(body: B, record: R) => ({ body, response: { 201: record } });
export const idRead = <R>(ok: R) => ({ params: IdParam, response: { 200: ok } });
export const idAction = <B, R>(body: B, ok: R) => ({ params: IdParam, body, response: { 200: ok } });
export const idCreate = <B, R>(body: B, created: R) => ({ params: IdParam, body, response: { 201: created } });
