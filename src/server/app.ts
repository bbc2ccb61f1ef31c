// Builds the Fastify app as a plugin tree; server.ts only listens. Tests build it per file and inject.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import type { DestinationStream } from "pino";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { isAppPath } from "../core/app-paths";
import { errorMessage, type Locale, pickLocale } from "../core/i18n/errors";
import { abilitiesOf } from "./abilities";
import type { AuthState } from "./auth/principal";
import { assertRouteAccess, type RouteAccess } from "./auth/route-access";
import type { AppContext } from "./context";
import { isDatabaseUnavailable } from "./db/errors";
import { AppError, type FieldIssue } from "./lib/errors";
import { loggerOptions } from "./lib/logger";
import { fieldPathOf, installInputGuard, issueOf, translateFields } from "./lib/validation";
import { adminRoutes } from "./modules/admin/admin.routes";
import { auditRoutes } from "./modules/audit/audit.routes";
import { installSessionHook } from "./auth/auth.hook";
import { authRoutes } from "./auth/auth.routes";
import { chatCheckRoutes } from "./modules/chatcheck/chatcheck.routes";
import { caseRoutes } from "./modules/cases/cases.routes";
import { screeningRoutes } from "./modules/screening/screening.routes";
import { intelHooks, intelRoutes, publicIntelRoutes } from "./modules/intel/intel.routes";
import { caseFromReportRoutes } from "./modules/cases/cases.from-report.routes";
import { caseVisibleTo } from "./modules/cases/cases.from-report";
import { referralRoutes } from "./modules/cases/cases.referrals.routes";
import { coordinationRoutes } from "./modules/coordination/coordination.routes";
import { dashboardRoutes } from "./modules/dashboard/dashboard.routes";
import { publicLeafletRoutes } from "./modules/leaflets/leaflets.routes";
import { publicOpendataRoutes } from "./modules/opendata/opendata.routes";
import { periodicRoutes } from "./modules/periodic/periodic.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { publicJobcheckRoutes } from "./modules/jobcheck/jobcheck.routes";
import { agencyRoutes } from "./modules/p3mi/p3mi.routes";
import { outreachRoutes } from "./modules/outreach/outreach.routes";
import { recorderActivity } from "./modules/outreach/outreach.service";
import { regionRoutes } from "./modules/regions/regions.routes";
import { publicReportRoutes } from "./modules/reports/reports.public.routes";
import { notificationRoutes } from "./modules/notifications/notifications.routes";
import { reportRoutes } from "./modules/reports/reports.routes";
import { villageRoutes } from "./modules/villages/villages.routes";
import { volunteerRoutes } from "./modules/volunteers/volunteers.routes";
import { legalHoldRoutes } from "./modules/retention/retention.holds.routes";
import { privacyRoutes } from "./modules/retention/retention.routes";
import { databaseRateLimitStore } from "./modules/ratelimit/ratelimit.service";
import { installMetrics } from "./modules/metrics/metrics";

const LocalStore = createRequire(import.meta.url)("@fastify/rate-limit/store/LocalStore.js");

declare module "fastify" {
  interface FastifyInstance {
    ctx: AppContext;
    /** "METHOD /url" of every API route, for the authorization matrix test and docs. */
    apiRoutes: string[];
  }
  interface FastifyRequest {
    auth: AuthState | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /**
     * Who may call a route, checked before the body is even validated:
     * "public"; "authenticated" (any signed-in user); { policy, action } (an action-level rule);
     * "policy" (the handler authorizes against the record itself). A route without it refuses to start.
     */
    access?: RouteAccess;
  }
}

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

/** A hop count as a function (proxy-addr semantics: hop 0 is the socket peer), a list as is, else none. */
function trustProxyOption(t: false | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (Array.isArray(t)) return t;
  if (typeof t === "number" && t > 0) return (_address, hop) => hop < t;
  return false;
}

// Files the build writes: a request for one of these that is not on disk is a 404, never the app.
// Any other path outside /api/ is a page of the app, even when its last segment has a dot
// (`/konsol/desa/36.04.12.2001`).
const ASSET_EXTENSION = /\.(?:m?js|css|map|json|webmanifest|html?|txt|xml|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|wasm|br|gz)$/i;

export type BuildOptions = {
  logger?: boolean;
  serveWeb?: boolean;
  /** The built web app (default `dist/web`); tests point it at a folder of their own. */
  webDir?: string;
  /** Where log lines go (default stdout); tests capture them to prove what is never logged. */
  logStream?: DestinationStream;
};

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(ctx.config.logLevel, opts.logStream),
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    bodyLimit: 256 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("ctx", ctx);
  // Background work stops before the database closes (pg-boss runs on the app's pool).
  app.addHook("onClose", async () => {
    await ctx.jobs.stop();
  });
  // Deny by default: every API route must say who may call it, or the app does not start.
  app.addHook("onRoute", assertRouteAccess);
  app.decorate("apiRoutes", [] as string[]);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
    for (const m of [route.method].flat()) if (m !== "HEAD") app.apiRoutes.push(`${m} ${route.url}`);
  });
  app.decorateRequest("auth", null);
  app.decorateRequest("locale", "id");
  app.addHook("onRequest", async (req) => {
    req.locale = pickLocale(req.headers["accept-language"]);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS only when the site is served over HTTPS (SIMPUL_COOKIE_SECURE): a plain-HTTP intranet install
    // must not tell browsers to insist on HTTPS for the host.
    hsts: ctx.config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  // API answers carry personal data (cases, reports, a reporter's status page): no browser or proxy may
  // keep a copy. Routes that choose their own caching (file downloads) keep theirs.
  app.addHook("onSend", async (req, reply) => {
    if (req.url.startsWith("/api/") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
  });
  await app.register(cookie);
  // A generous per-client ceiling on every route; public and sign-in routes set stricter limits.
  await app.register(rateLimit, {
    global: true,
    // Route quotas in PostgreSQL, shared by every app server; off (per process) only with the limits off.
    ...(ctx.config.publicRateLimit ? { store: databaseRateLimitStore(ctx.db, LocalStore) } : {}),
    // The web app's own files (hashed, immutable, cached by the browser) have a ceiling of their own: a console
    // page loads dozens of chunks, and a village office or a carrier's NAT puts many phones behind one address.
    // They are counted apart from the API, so loading the app never uses up a client's API quota.
    keyGenerator: (req) => (isWebFile(req.method, req.url) ? `web|${req.ip}` : req.ip),
    max: ctx.config.publicRateLimit ? (req) => (isWebFile(req.method, req.url) ? WEB_FILE_MAX : API_MAX) : 1_000_000,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, context) => {
      const err = new AppError("rate_limited");
      (err as AppError & { retryAfter?: number }).retryAfter = Math.ceil(context.ttl / 1000);
      return err;
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Simpul API",
        version: ctx.config.version,
        description: "API Simpul — sistem bersama pencegahan dan penanganan TPPO.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "simpul_session" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  app.setErrorHandler((error: any, req, reply) => {
    const locale = req.locale ?? "id";
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, FieldIssue> = {};
      for (const v of error.validation) {
        const key = fieldPathOf(v);
        fields[key] ??= issueOf(v);
      }
      appError = new AppError("validation_failed", fields);
    } else if (error?.code === "FST_ERR_CTP_BODY_TOO_LARGE") appError = new AppError("payload_too_large");
    else if (error?.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") appError = new AppError("unsupported_media_type");
    else if (
      error?.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
      error?.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
      error instanceof SyntaxError
    )
      appError = new AppError("validation_failed", { _: { code: "invalid" } });
    else if (error?.statusCode === 429) appError = new AppError("rate_limited");
    else if (isDatabaseUnavailable(error)) {
      req.log.warn({ err: error }, "database unavailable");
      appError = new AppError("database_unavailable");
    } else {
      req.log.error({ err: error }, "unhandled error");
      appError = new AppError("internal");
    }
    if (appError.code === "rate_limited" && (appError as any).retryAfter) reply.header("retry-after", (appError as any).retryAfter);
    if (appError.code === "database_unavailable") reply.header("retry-after", 5);
    if (appError.code === "pin_locked" && appError.info?.retryAfter) reply.header("retry-after", appError.info.retryAfter);
    const body: { error: { code: string; message: string; fields?: Record<string, string>; [k: string]: unknown } } = {
      error: { ...appError.info, code: appError.code, message: errorMessage(appError.code, locale) },
    };
    if (appError.fields) body.error.fields = translateFields(appError.fields, locale);
    reply.status(appError.status).type("application/json").send(body);
  });

  installSessionHook(app);
  installInputGuard(app);
  intelHooks(app);
  installMetrics(app);
  await app.register(healthRoutes, { prefix: "/api" });
  await app.register(regionRoutes, { prefix: "/api/regions" });
  await app.register(authRoutes, { prefix: "/api/auth", abilitiesOf });
  await app.register(adminRoutes, { prefix: "/api/admin" });
  await app.register(auditRoutes, { prefix: "/api/audit" });
  await app.register(publicReportRoutes, { prefix: "/api/public/reports" });
  await app.register(reportRoutes, { prefix: "/api/reports", caseVisible: caseVisibleTo });
  await app.register(caseFromReportRoutes, { prefix: "/api/reports" });
  await app.register(notificationRoutes, { prefix: "/api/notifications" });
  await app.register(publicJobcheckRoutes, { prefix: "/api/public" });
  await app.register(agencyRoutes, { prefix: "/api/public" });
  await app.register(villageRoutes, { prefix: "/api/villages" });
  await app.register(outreachRoutes, { prefix: "/api/outreach" });
  await app.register(chatCheckRoutes, { prefix: "/api/outreach/chat-check" });
  await app.register(volunteerRoutes, { prefix: "/api/volunteers", activityOf: recorderActivity });
  await app.register(caseRoutes, { prefix: "/api/cases", extra: [legalHoldRoutes] });
  await app.register(referralRoutes, { prefix: "/api/referrals" });
  await app.register(screeningRoutes, { prefix: "/api/screenings" });
  await app.register(intelRoutes, { prefix: "/api/intel" });
  await app.register(publicIntelRoutes, { prefix: "/api/public" });
  await app.register(coordinationRoutes, { prefix: "/api/coordination" });
  await app.register(dashboardRoutes, { prefix: "/api/dashboard" });
  await app.register(publicOpendataRoutes, { prefix: "/api/public" });
  await app.register(publicLeafletRoutes, { prefix: "/api/public" });
  await app.register(privacyRoutes, { prefix: "/api/privacy" });
  await app.register(periodicRoutes, { prefix: "/api/periodic-reports" });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: "public" } }, async () => app.swagger());

  const webDir = opts.webDir ?? WEB_DIR;
  const serveWeb = opts.serveWeb !== false && fs.existsSync(path.join(webDir, "index.html"));
  const hasShell = serveWeb && fs.existsSync(path.join(webDir, "shell.html"));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ["index.html"],
      // The build writes .br/.gz beside each asset: cheap phones on slow links get a third of the bytes.
      preCompressed: true,
      cacheControl: false,
      // Hashed assets never change; the HTML that names them, and the service worker that lists
      // them, must always be revalidated after a deploy.
      setHeaders(res, filePath) {
        const name = path.basename(filePath).replace(/\.(br|gz)$/, "");
        const named = name.endsWith(".html") || name === "sw.js";
        res.setHeader("cache-control", named ? "no-cache" : "public, max-age=31536000, immutable");
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split("?")[0] ?? "";
    if (serveWeb && (req.method === "GET" || req.method === "HEAD") && !isApiPath(url) && !ASSET_EXTENSION.test(url)) {
      // An unknown public path gets the app's not-found page with a real 404 (search engines, link checkers).
      if (!isAppPath(url)) reply.code(404);
      // The plain shell (index.html holds the pre-rendered home page); older builds have only index.html.
      return reply.header("cache-control", "no-cache").sendFile(hasShell ? "shell.html" : "index.html");
    }
    throw new AppError("route_not_found");
  });
  return app;
}

/** Requests per minute and client: API routes, and the web app's static files. */
export const API_MAX = 600;
export const WEB_FILE_MAX = 6_000;

function isWebFile(method: string, url: string): boolean {
  const p = url.split("?")[0] ?? "";
  return (method === "GET" || method === "HEAD") && !isApiPath(p) && ASSET_EXTENSION.test(p);
}

function isApiPath(url: string): boolean {
  return url === "/api" || url.startsWith("/api/");
}
