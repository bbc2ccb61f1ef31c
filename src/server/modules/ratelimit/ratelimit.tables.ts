import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed-window counters shared by every app server (request quotas, PIN attempts). One row per key;
 * each hit is one atomic upsert, so concurrent requests on several servers count exactly.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  resetAt: timestamp("reset_at", { withTimezone: true, precision: 3 }).notNull(),
});
