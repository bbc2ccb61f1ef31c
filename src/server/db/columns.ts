// Column groups every table writes the same way. Helpers only: the SQL they produce is exactly what
// writing the columns out would produce (`npm run db:generate` reports no change after using them).
import { type AnyPgColumn, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A timestamp with time zone (every instant is stored as timestamptz). */
export const ts = (name: string) => timestamp(name, { withTimezone: true });

/** When the row was written, set by the database. */
export const createdAt = () => ts("created_at").notNull().defaultNow();
export const updatedAt = () => ts("updated_at").notNull().defaultNow();

/** `created_at` and `updated_at`, both set by the database on insert. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** A tenant's record: a random uuid key and the tenant (regency) the row belongs to. */
export const tenantRecord = () => ({ id: uuid("id").primaryKey().defaultRandom(), tenant: text("tenant").notNull() });

/** The parent row this row belongs to: required, and deleted with the parent. */
export const parentRef = (name: string, parent: () => AnyPgColumn) => uuid(name).notNull().references(parent, { onDelete: "cascade" });

/** A required reference that does not cascade (the referenced row cannot go while this one exists). */
export const requiredRef = (name: string, target: () => AnyPgColumn) => uuid(name).notNull().references(target);
