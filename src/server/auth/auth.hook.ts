// Resolves the session cookie on every API request and enforces CSRF on state-changing requests.
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { checkRouteAccess } from "./route-access";
import { AppError } from "../lib/errors";
import { AuthService } from "./auth.service";

export const SESSION_COOKIE = "simpul_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** What a session with a temporary password may do besides public routes: see itself, change the password, leave. */
const DURING_PASSWORD_CHANGE = new Set(["GET /api/auth/me", "POST /api/auth/password", "POST /api/auth/logout"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function installSessionHook(app: FastifyInstance): void {
  const auth = new AuthService(app.ctx);
  app.addHook("preValidation", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    const token = req.cookies[SESSION_COOKIE];
    const state = token ? await auth.resolveSession(token) : undefined;
    if (state) {
      // Double-submit defence on top of SameSite=Strict: the token lives in the session and in the page, never in a cookie.
      if (!SAFE_METHODS.has(req.method)) {
        const header = req.headers["x-csrf-token"];
        if (typeof header !== "string" || !sameToken(header, state.csrfToken)) throw new AppError("csrf_failed");
      }
      req.auth = state;
    }
    checkRouteAccess(req);
    if (state?.mustChangePassword && req.routeOptions.url !== undefined) {
      const access = (req.routeOptions.config as { access?: unknown } | undefined)?.access;
      if (access !== "public" && !DURING_PASSWORD_CHANGE.has(`${req.method} ${req.routeOptions.url}`))
        throw new AppError("password_change_required");
    }
  });
}
