// Builds the Fastify app as a plugin tree; server.ts only listens. Tests build it per file and inject.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { errorMessage, type Locale, pickLocale } from "../core/i18n/errors";
import type { AuthState } from "./auth/principal";
import { assertRouteAccess, type RouteAccess } from "./auth/route-access";
import type { AppContext } from "./context";
import { isDatabaseUnavailable } from "./db/errors";
import { AppError, type FieldIssue } from "./lib/errors";
import { loggerOptions } from "./lib/logger";
import { fieldPathOf, issueOf, translateFields } from "./lib/validation";
import { adminRoutes } from "./modules/admin/admin.routes";
import { auditRoutes } from "./modules/audit/audit.routes";
import { installSessionHook } from "./modules/auth/auth.hook";
import { authRoutes } from "./modules/auth/auth.routes";
import { caseRoutes } from "./modules/cases/cases.routes";
import { coordinationRoutes } from "./modules/coordination/coordination.routes";
import { referralRoutes } from "./modules/cases/referrals.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { publicJobcheckRoutes } from "./modules/jobcheck/jobcheck.routes";
import { outreachRoutes } from "./modules/outreach/outreach.routes";
import { regionRoutes } from "./modules/regions/regions.routes";
import { publicReportRoutes } from "./modules/reports/public-reports.routes";
import { notificationRoutes, reportRoutes } from "./modules/reports/reports.routes";
import { villageRoutes } from "./modules/villages/villages.routes";
import { volunteerRoutes } from "./modules/volunteers/volunteers.routes";

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

export type BuildOptions = { logger?: boolean; serveWeb?: boolean };

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(ctx.config.logLevel),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 256 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("ctx", ctx);
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
  });
  await app.register(cookie);
  // A generous per-client ceiling on every route; public and sign-in routes set stricter limits.
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.publicRateLimit ? 600 : 1_000_000,
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
      info: { title: "Simpul API", version: ctx.config.version, description: "API Simpul — sistem bersama pencegahan dan penanganan TPPO." },
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
    else if (error?.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || error?.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError)
      appError = new AppError("validation_failed", { _: { code: "invalid" } });
    else if (error?.statusCode === 429) appError = new AppError("rate_limited");
    else if (isDatabaseUnavailable(error)) {
      req.log.warn({ err: { code: error?.code, message: error?.message } }, "database unavailable");
      appError = new AppError("database_unavailable");
    } else {
      req.log.error({ err: error }, "unhandled error");
      appError = new AppError("internal");
    }
    if (appError.code === "rate_limited" && (appError as any).retryAfter) reply.header("retry-after", (appError as any).retryAfter);
    if (appError.code === "database_unavailable") reply.header("retry-after", 5);
    const body: { error: { code: string; message: string; fields?: Record<string, string> } } = {
      error: { code: appError.code, message: errorMessage(appError.code, locale) },
    };
    if (appError.fields) body.error.fields = translateFields(appError.fields, locale);
    reply.status(appError.status).type("application/json").send(body);
  });

  installSessionHook(app);
  await app.register(healthRoutes, { prefix: "/api" });
  await app.register(regionRoutes, { prefix: "/api/regions" });
  await app.register(authRoutes, { prefix: "/api/auth" });
  await app.register(adminRoutes, { prefix: "/api/admin" });
  await app.register(auditRoutes, { prefix: "/api/audit" });
  await app.register(publicReportRoutes, { prefix: "/api/public/reports" });
  await app.register(reportRoutes, { prefix: "/api/reports" });
  await app.register(notificationRoutes, { prefix: "/api/notifications" });
  await app.register(publicJobcheckRoutes, { prefix: "/api/public" });
  await app.register(villageRoutes, { prefix: "/api/villages" });
  await app.register(outreachRoutes, { prefix: "/api/outreach" });
  await app.register(volunteerRoutes, { prefix: "/api/volunteers" });
  await app.register(caseRoutes, { prefix: "/api/cases" });
  await app.register(referralRoutes, { prefix: "/api/referrals" });
  await app.register(coordinationRoutes, { prefix: "/api/coordination" });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: "public" } }, async () => app.swagger());

  const serveWeb = opts.serveWeb !== false && fs.existsSync(path.join(WEB_DIR, "index.html"));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIR,
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
    if (serveWeb && (req.method === "GET" || req.method === "HEAD") && !url.startsWith("/api/") && !path.extname(url)) {
      return reply.sendFile("index.html");
    }
    throw new AppError("route_not_found");
  });
  return app;
}
