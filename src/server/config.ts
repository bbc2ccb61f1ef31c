// The one place that reads process.env. Everything else receives a Config.
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/** PostgreSQL timeouts: a database that stops answering costs a request seconds, not forever. */
export type DbTimeouts = {
  /** Opening a connection, and waiting for a free one in the pool. */
  connectMs: number;
  /** Server-side statement_timeout; the client gives up on an answer 1 s later and drops the connection. */
  statementMs: number;
  /** Server-side idle_in_transaction_session_timeout: a transaction left open frees its locks. */
  idleInTransactionMs: number;
};
export const DEFAULT_DB_TIMEOUTS: DbTimeouts = { connectMs: 5_000, statementMs: 5_000, idleInTransactionMs: 30_000 };

/**
 * How long personal fields are kept, in days, per record class (UU 27/2022: no longer than the purpose
 * needs). 0 = never erased by the retention job. Counted from: closing (reports, cases), the interview
 * (screenings), the upload (outreach photos), creation (notifications). Documented in docs/DEPLOY.md.
 */
export type RetentionPeriods = {
  /** Closed reports: 5 years (a complaint may be reopened or become a case; the reporting period of the task force). */
  reportClosedDays: number;
  /** Rejected reports (spam, not trafficking, unverifiable): 1 year. */
  reportRejectedDays: number;
  /** Closed cases: 10 years (victims' files are archives: UU 43/2009; restitution and appeals run for years). */
  caseClosedDays: number;
  /** Passport screenings: 5 years (the applicant's passport and migration cycle). */
  screeningDays: number;
  /** Outreach session photos: 3 years (programme reporting). */
  outreachPhotoDays: number;
  /** In-app notifications (they name reports and cases): 1 year. */
  notificationDays: number;
};
export const DEFAULT_RETENTION: RetentionPeriods = {
  reportClosedDays: 5 * 365,
  reportRejectedDays: 365,
  caseClosedDays: 10 * 365,
  screeningDays: 5 * 365,
  outreachPhotoDays: 3 * 365,
  notificationDays: 365,
};
const retentionDays = (d: number) =>
  z.coerce
    .number()
    .int()
    .min(0)
    .max(100 * 365)
    .default(d);

const boolish = z
  .union([z.boolean(), z.string()])
  .transform((v) => (typeof v === "boolean" ? v : !["0", "false", "no", "off", ""].includes(v.toLowerCase())));

/**
 * Which proxies to believe about the client address (X-Forwarded-For). Never "trust everything": the
 * left end of the header is whatever the client wrote. `0` = none (the socket address); `1`, `2`… = that
 * many proxy hops in front of Simpul (the address the outermost trusted proxy saw); a comma list of
 * addresses/CIDRs = trust those proxies only.
 */
const trustProxySchema = z.string().transform((v, ctx): false | number | string[] => {
  const s = v.trim().toLowerCase();
  if (["0", "false", "no", "off", ""].includes(s)) return false;
  if (["true", "yes", "on"].includes(s)) return 1;
  if (/^\d+$/.test(s)) return Number(s);
  const list = s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = list.filter((x) => {
    const [addr, bits, extra] = x.split("/");
    if (extra !== undefined || !addr || !isIP(addr)) return true;
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (isIP(addr) === 4 ? 32 : 128));
  });
  if (bad.length) {
    ctx.addIssue({
      code: "custom",
      message: `SIMPUL_TRUST_PROXY: 0, a hop count, or a comma list of addresses/CIDRs (bad: ${bad.join(", ")})`,
    });
    return z.NEVER;
  }
  return list;
});

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  SIMPUL_DATA_DIR: z.string().default("./data"),
  SIMPUL_REGENCY: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, "SIMPUL_REGENCY must look like 36.04")
    .default("36.04"),
  SIMPUL_DEMO: boolish.default(true),
  SIMPUL_DEMO_PASSWORD: z.string().min(8).optional(),
  SIMPUL_SEED_REGIONS: z.string().default("all"),
  SIMPUL_SECRET_KEY: z.string().optional(),
  SIMPUL_PUBLIC_RATE_LIMIT: boolish.default(true),
  SIMPUL_PUBLIC_CHECKS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  SIMPUL_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SIMPUL_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  SIMPUL_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIMPUL_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  SIMPUL_AUDIT_SHARDS: z.coerce.number().int().min(1).max(256).default(32),
  SIMPUL_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SIMPUL_TRUST_PROXY: trustProxySchema.default(false as never),
  SIMPUL_COOKIE_SECURE: boolish.default(false),
  SIMPUL_SMTP_URL: z.string().url().optional(),
  SIMPUL_MAIL_FROM: z.string().default("Simpul <simpul@localhost>"),
  SIMPUL_REPORTS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  SIMPUL_REPORT_LOOKUPS_PER_HOUR: z.coerce.number().int().min(1).default(60),
  SIMPUL_HOLIDAYS_EXTRA: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*)?$/, "SIMPUL_HOLIDAYS_EXTRA: comma list of YYYY-MM-DD")
    .default(""),
  SIMPUL_JOBS: boolish.default(true),
  SIMPUL_MAIL_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  SIMPUL_MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).default(30),
  SIMPUL_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_DB_TIMEOUTS.connectMs),
  SIMPUL_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_DB_TIMEOUTS.statementMs),
  SIMPUL_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_DB_TIMEOUTS.idleInTransactionMs),
  SIMPUL_MIGRATE: boolish.default(true),
  SIMPUL_METRICS_TOKEN: z.string().min(16, "SIMPUL_METRICS_TOKEN: at least 16 characters").optional(),
  SIMPUL_PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, "SIMPUL_PUBLIC_URL: an http(s) address such as https://simpul.example.go.id")
    .optional(),
  SIMPUL_RETAIN_REPORT_DAYS: retentionDays(DEFAULT_RETENTION.reportClosedDays),
  SIMPUL_RETAIN_REJECTED_REPORT_DAYS: retentionDays(DEFAULT_RETENTION.reportRejectedDays),
  SIMPUL_RETAIN_CASE_DAYS: retentionDays(DEFAULT_RETENTION.caseClosedDays),
  SIMPUL_RETAIN_SCREENING_DAYS: retentionDays(DEFAULT_RETENTION.screeningDays),
  SIMPUL_RETAIN_OUTREACH_PHOTO_DAYS: retentionDays(DEFAULT_RETENTION.outreachPhotoDays),
  SIMPUL_RETAIN_NOTIFICATION_DAYS: retentionDays(DEFAULT_RETENTION.notificationDays),
  SIMPUL_REPORT_LOGO: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  regency: string;
  demo: boolean;
  demoPassword?: string;
  /** "all", "none" or a comma list of province codes to seed (tests seed only "36"). */
  seedRegions: string;
  secretKey?: string;
  publicRateLimit: boolean;
  /** Per-client quota of the public checker and registry search (requests per minute). */
  publicChecksPerMinute: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  auditShards: number;
  logLevel: string;
  /** Proxies trusted for X-Forwarded-For: false, a hop count, or addresses/CIDRs (see trustProxySchema). */
  trustProxy: false | number | string[];
  cookieSecure: boolean;
  /** SMTP for e-mail notifications (smtp://user:pass@host:587); in-app only when unset. */
  smtpUrl?: string;
  mailFrom: string;
  /** Per-client quotas of public report intake (attachments: 5x) and status lookups. */
  reportsPerHour: number;
  reportLookupsPerHour: number;
  /** Non-working days on top of src/core/holidays-id.ts (regional holidays, new decrees). */
  holidaysExtra: string[];
  /** Run scheduled jobs (deadline escalation, e-mail) in this process. */
  jobs: boolean;
  /** E-mail delivery: attempts per message before it is marked failed, and the first retry's delay (doubled each time). */
  mailAttempts: number;
  mailRetrySeconds: number;
  /** PostgreSQL only (the embedded database runs in-process). */
  dbTimeouts: DbTimeouts;
  /** Apply migrations at start; 0 when running as the restricted application role (migrate as the migrator). */
  migrate: boolean;
  /** Bearer token a Prometheus scraper sends to /metrics (admins may also read it with their session). */
  metricsToken?: string;
  /** The public site's address as residents type it (printed under the leaflets' QR codes); the request's own address when unset. */
  publicUrl?: string;
  /** Retention periods of personal data (retention module). */
  retention: RetentionPeriods;
  /** PNG or JPEG of the regency's emblem for the letterhead of monthly and annual reports (an empty box when unset). */
  reportLogo?: string;
  version: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SIMPUL_DATA_DIR),
    regency: e.SIMPUL_REGENCY,
    demo: e.SIMPUL_DEMO,
    demoPassword: e.SIMPUL_DEMO_PASSWORD,
    seedRegions: e.SIMPUL_SEED_REGIONS,
    secretKey: e.SIMPUL_SECRET_KEY,
    publicRateLimit: e.SIMPUL_PUBLIC_RATE_LIMIT,
    publicChecksPerMinute: e.SIMPUL_PUBLIC_CHECKS_PER_MINUTE,
    sessionIdleMinutes: e.SIMPUL_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SIMPUL_SESSION_MAX_HOURS,
    loginMaxFailures: e.SIMPUL_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.SIMPUL_LOGIN_LOCK_MINUTES,
    auditShards: e.SIMPUL_AUDIT_SHARDS,
    logLevel: e.SIMPUL_LOG_LEVEL,
    trustProxy: e.SIMPUL_TRUST_PROXY,
    cookieSecure: e.SIMPUL_COOKIE_SECURE,
    smtpUrl: e.SIMPUL_SMTP_URL,
    mailFrom: e.SIMPUL_MAIL_FROM,
    reportsPerHour: e.SIMPUL_REPORTS_PER_HOUR,
    reportLookupsPerHour: e.SIMPUL_REPORT_LOOKUPS_PER_HOUR,
    holidaysExtra: e.SIMPUL_HOLIDAYS_EXTRA ? e.SIMPUL_HOLIDAYS_EXTRA.split(",") : [],
    jobs: e.SIMPUL_JOBS,
    mailAttempts: e.SIMPUL_MAIL_ATTEMPTS,
    mailRetrySeconds: e.SIMPUL_MAIL_RETRY_SECONDS,
    dbTimeouts: {
      connectMs: e.SIMPUL_DB_CONNECT_TIMEOUT_MS,
      statementMs: e.SIMPUL_DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: e.SIMPUL_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    migrate: e.SIMPUL_MIGRATE,
    metricsToken: e.SIMPUL_METRICS_TOKEN,
    publicUrl: e.SIMPUL_PUBLIC_URL?.replace(/\/+$/, ""),
    retention: {
      reportClosedDays: e.SIMPUL_RETAIN_REPORT_DAYS,
      reportRejectedDays: e.SIMPUL_RETAIN_REJECTED_REPORT_DAYS,
      caseClosedDays: e.SIMPUL_RETAIN_CASE_DAYS,
      screeningDays: e.SIMPUL_RETAIN_SCREENING_DAYS,
      outreachPhotoDays: e.SIMPUL_RETAIN_OUTREACH_PHOTO_DAYS,
      notificationDays: e.SIMPUL_RETAIN_NOTIFICATION_DAYS,
    },
    reportLogo: e.SIMPUL_REPORT_LOGO ? path.resolve(e.SIMPUL_REPORT_LOGO) : undefined,
    version: APP_VERSION,
    ...overrides,
  };
}

export const APP_VERSION = "0.1.0";
