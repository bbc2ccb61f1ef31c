// Volunteer registry (coordinators, admins) and the volunteer's own registration.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { safeString } from "../../lib/validation";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { volunteerPolicy } from "./volunteers.policy";
import { TrainingCreateSchema, VolunteerCreateSchema, VolunteerSchema, VolunteerUpdateSchema } from "./volunteers.schema";
import { VolunteersService } from "./volunteers.service";

const IdParam = z.object({ id: z.string().uuid() });
const manage = { access: { policy: volunteerPolicy, action: "manage" } };
const tags = ["relawan"];

export const volunteerRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new VolunteersService(app.ctx);

  app.get(
    "/",
    {
      config: manage,
      schema: {
        tags,
        summary: "Daftar relawan: desa tugas, persetujuan dan kode etik, pelatihan, aktif atau tidak, jumlah kegiatan",
        querystring: z.object({ active: z.enum(["true", "false"]).optional(), desa: safeString().max(20).optional() }),
        response: { 200: z.object({ items: z.array(VolunteerSchema) }) },
      },
    },
    async (req) =>
      ({ items: await svc.list(requirePrincipal(req), { active: req.query.active === undefined ? undefined : req.query.active === "true", desa: req.query.desa }) }),
  );

  app.get(
    "/me",
    {
      config: { access: { policy: volunteerPolicy, action: "self" } },
      schema: { tags, summary: "Data relawan saya (desa tugas, pelatihan, kegiatan)", response: { 200: VolunteerSchema } },
    },
    async (req) => svc.me(requirePrincipal(req)),
  );

  app.post(
    "/",
    {
      config: manage,
      schema: {
        tags,
        summary: "Daftarkan relawan (persetujuan dan kode etik dicatat dengan tanggal)",
        description: "Bila `userId` diisi, wilayah kerja akun relawan itu menjadi desa tugasnya dan sesi masuknya diakhiri.",
        body: VolunteerCreateSchema,
        response: { 201: VolunteerSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.create(requirePrincipal(req), actorOf(req), req.body)),
  );

  app.get(
    "/:id",
    { config: manage, schema: { tags, summary: "Rincian relawan", params: IdParam, response: { 200: VolunteerSchema } } },
    async (req) => svc.get(requirePrincipal(req), req.params.id),
  );

  app.patch(
    "/:id",
    {
      config: manage,
      schema: { tags, summary: "Ubah data relawan, desa tugas, atau status aktif", params: IdParam, body: VolunteerUpdateSchema, response: { 200: VolunteerSchema } },
    },
    async (req) => svc.update(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/:id/trainings",
    {
      config: manage,
      schema: { tags, summary: "Catat pelatihan yang diselesaikan relawan", params: IdParam, body: TrainingCreateSchema, response: { 201: VolunteerSchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.addTraining(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );
};
