// Volunteer registry (coordinators, admins) and the volunteer's own registration.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { safeString } from "../../lib/validation";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { created, idAction, idCreate, idRead, routeDoc } from "../../auth/route-access";
import { volunteerPolicy } from "./volunteers.policy";
import { TrainingCreateSchema, VolunteerCreateSchema, VolunteerSchema, VolunteerUpdateSchema } from "./volunteers.schema";
import { type ActivityOf, VolunteersService } from "./volunteers.service";

const manage = { access: { policy: volunteerPolicy, action: "manage" } };
const doc = routeDoc(["relawan"]);

/** `activityOf` comes from the outreach module (app.ts hands it in), so volunteers does not import outreach. */
export const volunteerRoutes: FastifyPluginAsyncZod<{ activityOf: ActivityOf }> = async (app, opts) => {
  const svc = new VolunteersService(app.ctx, opts.activityOf);

  app.get(
    "/",
    doc(manage, "Daftar relawan: desa tugas, persetujuan dan kode etik, pelatihan, aktif atau tidak, jumlah kegiatan", {
      querystring: z.object({
        active: z.enum(["true", "false"]).optional(),
        desa: safeString().max(20).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(500),
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
      }),
      response: { 200: z.object({ items: z.array(VolunteerSchema), total: z.number().int() }) },
    }),
    async (req) =>
      svc.list(requirePrincipal(req), {
        active: req.query.active === undefined ? undefined : req.query.active === "true",
        desa: req.query.desa,
        limit: req.query.limit,
        offset: req.query.offset,
      }),
  );

  app.get(
    "/accounts",
    doc(manage, "Akun relawan yang dapat ditautkan ke data relawan", {
      description: "Akun aktif berperan relawan saja, belum tertaut ke data relawan, dalam wilayah kerja pemanggil.",
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })) }) },
    }),
    async (req) => ({ items: await svc.linkableAccounts(requirePrincipal(req)) }),
  );

  app.get(
    "/me",
    doc({ access: { policy: volunteerPolicy, action: "self" } }, "Data relawan saya (desa tugas, pelatihan, kegiatan)", {
      response: { 200: VolunteerSchema },
    }),
    async (req) => svc.me(requirePrincipal(req)),
  );

  app.post(
    "/",
    doc(manage, "Daftarkan relawan (persetujuan dan kode etik dicatat dengan tanggal)", {
      description: "Bila `userId` diisi, wilayah kerja akun relawan itu menjadi desa tugasnya dan sesi masuknya diakhiri.",
      ...created(VolunteerCreateSchema, VolunteerSchema),
    }),
    async (req, reply) => reply.status(201).send(await svc.create(requirePrincipal(req), actorOf(req), req.body)),
  );

  app.get("/:id", doc(manage, "Rincian relawan", idRead(VolunteerSchema)), async (req) => svc.get(requirePrincipal(req), req.params.id));

  app.patch(
    "/:id",
    doc(manage, "Ubah data relawan, desa tugas, atau status aktif", idAction(VolunteerUpdateSchema, VolunteerSchema)),
    async (req) => svc.update(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/:id/trainings",
    doc(manage, "Catat pelatihan yang diselesaikan relawan", idCreate(TrainingCreateSchema, VolunteerSchema)),
    async (req, reply) => reply.status(201).send(await svc.addTraining(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );
};
