import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/principal";
import { agencyPolicy, userPolicy } from "./admin.policy";
import { AgencyCreateSchema, AgencySchema, AgencyUpdateSchema, UserCreateSchema, UserSchema, UserUpdateSchema } from "./admin.schema";
import { AdminService } from "./admin.service";

const IdParam = z.object({ id: z.string().uuid() });
const policy = { access: "policy" as const };

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new AdminService(app.ctx);

  app.get(
    "/agencies",
    { config: policy, schema: { tags: ["admin"], summary: "Daftar instansi", response: { 200: z.object({ items: z.array(AgencySchema) }) } } },
    async (req) => {
      agencyPolicy.authorize(req.auth?.principal, "list", undefined);
      return { items: await svc.listAgencies(req.auth!.principal) };
    },
  );

  app.post(
    "/agencies",
    { config: policy, schema: { tags: ["admin"], summary: "Tambah instansi", body: AgencyCreateSchema, response: { 201: AgencySchema } } },
    async (req, reply) => {
      agencyPolicy.authorize(req.auth?.principal, "manage", undefined);
      return reply.status(201).send(await svc.createAgency(req.auth!.principal, actorOf(req), req.body));
    },
  );

  app.patch(
    "/agencies/:id",
    { config: policy, schema: { tags: ["admin"], summary: "Ubah instansi", params: IdParam, body: AgencyUpdateSchema, response: { 200: AgencySchema } } },
    async (req) => {
      agencyPolicy.authorize(req.auth?.principal, "manage", undefined);
      return svc.updateAgency(req.auth!.principal, actorOf(req), req.params.id, req.body);
    },
  );

  app.get(
    "/users",
    {
      config: policy,
      schema: {
        tags: ["admin"],
        summary: "Daftar pengguna",
        querystring: z.object({ q: z.string().max(100).optional() }),
        response: { 200: z.object({ items: z.array(UserSchema) }) },
      },
    },
    async (req) => {
      userPolicy.authorize(req.auth?.principal, "list", undefined);
      return { items: await svc.listUsers(req.auth!.principal, req.query.q) };
    },
  );

  app.post(
    "/users",
    {
      config: policy,
      schema: {
        tags: ["admin"],
        summary: "Tambah pengguna (kata sandi sementara ditampilkan sekali)",
        body: UserCreateSchema,
        response: { 201: z.object({ user: UserSchema, temporaryPassword: z.string() }) },
      },
    },
    async (req, reply) => {
      userPolicy.authorize(req.auth?.principal, "create", undefined);
      return reply.status(201).send(await svc.createUser(req.auth!.principal, actorOf(req), req.body));
    },
  );

  app.patch(
    "/users/:id",
    { config: policy, schema: { tags: ["admin"], summary: "Ubah pengguna", params: IdParam, body: UserUpdateSchema, response: { 200: UserSchema } } },
    async (req) => {
      userPolicy.authorize(req.auth?.principal, "update", undefined);
      return svc.updateUser(req.auth!.principal, actorOf(req), req.params.id, req.body);
    },
  );

  app.post(
    "/users/:id/reset-password",
    {
      config: policy,
      schema: {
        tags: ["admin"],
        summary: "Atur ulang kata sandi (dan opsional TOTP)",
        params: IdParam,
        body: z.object({ resetTotp: z.boolean().optional() }).strict().optional(),
        response: { 200: z.object({ temporaryPassword: z.string() }) },
      },
    },
    async (req) => {
      userPolicy.authorize(req.auth?.principal, "resetPassword", undefined);
      return { temporaryPassword: await svc.resetPassword(req.auth!.principal, actorOf(req), req.params.id, { resetTotp: req.body?.resetTotp }) };
    },
  );

  for (const [path, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    app.post(
      `/users/:id/${path}`,
      { config: policy, schema: { tags: ["admin"], summary: disabled ? "Nonaktifkan akun" : "Aktifkan akun", params: IdParam, response: { 200: UserSchema } } },
      async (req) => {
        userPolicy.authorize(req.auth?.principal, "disable", undefined);
        return svc.setDisabled(req.auth!.principal, actorOf(req), req.params.id, disabled);
      },
    );
  }
};
