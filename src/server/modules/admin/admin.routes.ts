import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Policy } from "../../auth/policy";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { created, idAction, routeDoc } from "../../auth/route-access";
import { IdParam, safeString } from "../../lib/validation";
import { agencyPolicy, userPolicy } from "./admin.policy";
import { AgencyCreateSchema, AgencySchema, AgencyUpdateSchema, UserCreateSchema, UserSchema, UserUpdateSchema } from "./admin.schema";
import { AdminService } from "./admin.service";

const access = (policy: Policy<any, any>, action: string) => ({ access: { policy, action } });

const doc = routeDoc(["admin"]);

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new AdminService(app.ctx);

  app.get(
    "/agencies",
    doc(access(agencyPolicy, "list"), "Daftar instansi", { response: { 200: z.object({ items: z.array(AgencySchema) }) } }),
    async (req) => {
      return { items: await svc.listAgencies(requirePrincipal(req)) };
    },
  );

  app.post(
    "/agencies",
    doc(access(agencyPolicy, "manage"), "Tambah instansi", created(AgencyCreateSchema, AgencySchema)),
    async (req, reply) => {
      return reply.status(201).send(await svc.createAgency(requirePrincipal(req), actorOf(req), req.body));
    },
  );

  app.patch(
    "/agencies/:id",
    doc(access(agencyPolicy, "manage"), "Ubah instansi", idAction(AgencyUpdateSchema, AgencySchema)),
    async (req) => {
      return svc.updateAgency(requirePrincipal(req), actorOf(req), req.params.id, req.body);
    },
  );

  app.get(
    "/users",
    doc(access(userPolicy, "list"), "Daftar pengguna", {
      querystring: z.object({
        q: safeString().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(500),
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
      }),
      response: { 200: z.object({ items: z.array(UserSchema), total: z.number().int() }) },
    }),
    async (req) => {
      return svc.listUsers(requirePrincipal(req), req.query.q, { limit: req.query.limit, offset: req.query.offset });
    },
  );

  app.post(
    "/users",
    doc(access(userPolicy, "create"), "Tambah pengguna (kata sandi sementara ditampilkan sekali)", {
      body: UserCreateSchema,
      response: { 201: z.object({ user: UserSchema, temporaryPassword: z.string() }) },
    }),
    async (req, reply) => {
      return reply.status(201).send(await svc.createUser(requirePrincipal(req), actorOf(req), req.body));
    },
  );

  app.patch("/users/:id", doc(access(userPolicy, "update"), "Ubah pengguna", idAction(UserUpdateSchema, UserSchema)), async (req) => {
    return svc.updateUser(requirePrincipal(req), actorOf(req), req.params.id, req.body);
  });

  app.post(
    "/users/:id/reset-password",
    doc(access(userPolicy, "resetPassword"), "Atur ulang kata sandi (dan opsional TOTP)", {
      params: IdParam,
      body: z.object({ resetTotp: z.boolean().optional() }).strict().optional(),
      response: { 200: z.object({ temporaryPassword: z.string() }) },
    }),
    async (req) => {
      return {
        temporaryPassword: await svc.resetPassword(requirePrincipal(req), actorOf(req), req.params.id, { resetTotp: req.body?.resetTotp }),
      };
    },
  );

  for (const [path, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    app.post(
      `/users/:id/${path}`,
      {
        config: access(userPolicy, "disable"),
        schema: {
          tags: ["admin"],
          summary: disabled ? "Nonaktifkan akun" : "Aktifkan akun",
          params: IdParam,
          response: { 200: UserSchema },
        },
      },
      async (req) => {
        return svc.setDisabled(requirePrincipal(req), actorOf(req), req.params.id, disabled);
      },
    );
  }
};
