import { and, desc, eq, gte, lt, lte, type SQL, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { dateBound, safeString } from "../../lib/validation";
import { requirePrincipal } from "../../auth/principal";
import { auditLog } from "../../db/schema";
import { auditPolicy } from "./audit.policy";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const Item = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), username: z.string().nullable() }).nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    {
      config: { access: { policy: auditPolicy, action: "read" } },
      schema: {
        tags: ["audit"],
        summary: "Jejak audit (terbaru lebih dulu)",
        querystring: z.object({
          action: safeString().max(100).optional(),
          /** A user id or a username. */
          actor: safeString().trim().min(1).max(100).optional(),
          resourceType: safeString().max(50).optional(),
          resourceId: safeString().max(100).optional(),
          from: dateBound().optional(),
          to: dateBound().optional(),
          cursor: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(Item), nextCursor: z.number().nullable() }) },
      },
    },
    async (req) => {
      const q = req.query;
      const where: SQL[] = [eq(auditLog.tenant, requirePrincipal(req).tenant)];
      if (q.action) where.push(eq(auditLog.action, q.action));
      if (q.actor)
        where.push(UUID_RE.test(q.actor) ? eq(auditLog.actorUserId, q.actor) : sql`lower(${auditLog.actorUsername}) = lower(${q.actor})`);
      if (q.resourceType) where.push(eq(auditLog.resourceType, q.resourceType));
      if (q.resourceId) where.push(eq(auditLog.resourceId, q.resourceId));
      if (q.from) where.push(gte(auditLog.at, q.from));
      if (q.to) where.push(lte(auditLog.at, q.to));
      if (q.cursor) where.push(lt(auditLog.id, q.cursor));
      const rows = await app.ctx.db
        .select()
        .from(auditLog)
        .where(and(...where))
        .orderBy(desc(auditLog.id))
        .limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
          actor: r.actorUserId || r.actorUsername ? { id: r.actorUserId, username: r.actorUsername } : null,
          action: r.action,
          resourceType: r.resourceType,
          resourceId: r.resourceId,
          ip: r.ip,
          details: (r.details ?? {}) as Record<string, unknown>,
        })),
        nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
      };
    },
  );
};
