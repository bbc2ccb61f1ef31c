import { routeDoc } from "./route-access";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requirePrincipal } from "./principal";
import { AppError } from "../lib/errors";
import { type AbilitiesOf, meOf, MeSchema } from "./auth.me";
import { safeString } from "../lib/validation";
import { SESSION_COOKIE } from "./auth.hook";
import { AuthService, type NewSession } from "./auth.service";

const doc = routeDoc(["auth"]);

const SessionResponse = z.object({ status: z.literal("ok"), user: MeSchema, csrfToken: z.string() });
const LoginResponse = z.discriminatedUnion("status", [
  SessionResponse,
  z.object({ status: z.literal("totp_required"), challenge: z.string() }),
  z.object({ status: z.literal("totp_enrol"), challenge: z.string(), secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() }),
]);

export const authRoutes: FastifyPluginAsyncZod<{ abilitiesOf: AbilitiesOf }> = async (app, opts) => {
  const auth = new AuthService(app.ctx);
  const limit = (max: number) => ({ rateLimit: { max: app.ctx.config.publicRateLimit ? max : 1_000_000, timeWindow: 60_000 } });

  const setCookie = (reply: any, s: NewSession) =>
    reply.setCookie(SESSION_COOKIE, s.token, {
      httpOnly: true,
      sameSite: "strict",
      secure: app.ctx.config.cookieSecure,
      path: "/",
      expires: s.expiresAt,
    });

  app.post(
    "/login",
    doc({ access: "public", ...limit(20) }, "Masuk dengan nama pengguna dan kata sandi", {
      body: z.object({ username: safeString().trim().min(1).max(100), password: safeString().min(1).max(200) }).strict(),
      response: { 200: LoginResponse },
    }),
    async (req, reply) => {
      const outcome = await auth.login(req.body.username, req.body.password, req.ip);
      if (outcome.status !== "ok") return outcome;
      setCookie(reply, outcome.session);
      return {
        status: "ok" as const,
        user: await meOf(app.ctx, outcome.session.principal, opts.abilitiesOf),
        csrfToken: outcome.session.csrfToken,
      };
    },
  );

  app.post(
    "/totp",
    doc({ access: "public", ...limit(20) }, "Kode verifikasi dua langkah (TOTP), juga untuk pendaftaran pertama", {
      body: z.object({ challenge: safeString().min(10).max(2000), code: safeString().trim().min(6).max(8) }).strict(),
      response: { 200: SessionResponse },
    }),
    async (req, reply) => {
      const s = await auth.verifyTotp(req.body.challenge, req.body.code.replace(/\s/g, ""), req.ip);
      setCookie(reply, s);
      return { status: "ok" as const, user: await meOf(app.ctx, s.principal, opts.abilitiesOf), csrfToken: s.csrfToken };
    },
  );

  app.get(
    "/me",
    doc({ access: "authenticated" }, "Pengguna yang sedang masuk", {
      response: { 200: z.object({ user: MeSchema, csrfToken: z.string() }) },
    }),
    async (req) => {
      const p = requirePrincipal(req);
      return { user: await meOf(app.ctx, p, opts.abilitiesOf), csrfToken: req.auth!.csrfToken };
    },
  );

  app.post(
    "/password",
    doc({ access: "authenticated", ...limit(10) }, "Ganti kata sandi sendiri (wajib setelah kata sandi sementara)", {
      body: z.object({ currentPassword: safeString().min(1).max(200), newPassword: safeString().min(1).max(200) }).strict(),
      response: { 204: z.null() },
    }),
    async (req, reply) => {
      const p = requirePrincipal(req);
      await auth.changePassword(p, req.auth!.sessionHash, req.body.currentPassword, req.body.newPassword, req.ip);
      return reply.status(204).send(null);
    },
  );

  app.post("/logout", doc({ access: "authenticated" }, "Keluar", { response: { 204: z.null() } }), async (req, reply) => {
    if (!req.auth) throw new AppError("unauthenticated");
    await auth.logout(req.auth.sessionHash, actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send(null);
  });
};
