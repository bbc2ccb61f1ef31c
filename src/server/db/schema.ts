// Drizzle tables: the single source of truth for the database shape.
// Migrations in ./drizzle are generated from this file (`npm run db:generate`).
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, parentRef, tenantRecord, timestamps, ts, updatedAt } from "./columns";

/** Kemendagri administrative regions: province, regency (kabupaten/kota), kecamatan, desa/kelurahan. */
export const regions = pgTable(
  "regions",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    level: text("level", { enum: ["province", "regency", "kecamatan", "desa"] }).notNull(),
    parentCode: text("parent_code"),
    /** Boundary geometry (GeoJSON geometry object) once imported. */
    boundary: jsonb("boundary"),
  },
  (t) => [
    index("regions_parent_code_idx").on(t.parentCode),
    index("regions_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});

export const agencies = pgTable(
  "agencies",
  {
    ...tenantRecord(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** Pentahelix category. */
    category: text("category", { enum: ["government", "business", "academia", "community", "media"] }).notNull(),
    active: boolean("active").notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex("agencies_tenant_code_uq").on(t.tenant, t.code)],
);

export const users = pgTable(
  "users",
  {
    ...tenantRecord(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    agencyId: uuid("agency_id").references(() => agencies.id),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    /** null = the whole regency; otherwise the listed kecamatan/desa codes. */
    jurisdiction: text("jurisdiction").array(),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    totpSecretEnc: text("totp_secret_enc"),
    totpEnrolledAt: ts("totp_enrolled_at"),
    totpLastCounter: bigint("totp_last_counter", { mode: "number" }),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: ts("locked_until"),
    disabledAt: ts("disabled_at"),
    lastLoginAt: ts("last_login_at"),
    locale: text("locale").notNull().default("id"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("users_username_uq").on(sql`lower(${t.username})`), index("users_agency_idx").on(t.agencyId)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the cookie token: a database leak does not hand out live sessions. */
    tokenHash: text("token_hash").primaryKey(),
    userId: parentRef("user_id", () => users.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Append-only, hash-chained audit trail. The chain is split into shards: each transaction
 * appends to one shard and locks only that shard's head, so writers do not queue behind one lock.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenant: text("tenant").notNull(),
    shard: smallint("shard").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorUsername: text("actor_username"),
    action: text("action").notNull(),
    resourceType: text("resource_type"),
    resourceId: text("resource_id"),
    ip: text("ip"),
    details: jsonb("details").notNull().default({}),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    /** 1 = unkeyed sha256 (records written before the chain was keyed), 2 = HMAC-SHA256 with a key outside the database. */
    hashVersion: smallint("hash_version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("audit_log_shard_seq_uq").on(t.shard, t.seq),
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorUserId),
    index("audit_log_resource_idx").on(t.resourceType, t.resourceId),
  ],
);

export const auditChainHeads = pgTable(
  "audit_chain_heads",
  {
    shard: smallint("shard").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull().default(0),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shard], name: "audit_chain_heads_pk" })],
);
