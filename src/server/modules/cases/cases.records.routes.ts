// What a case holds: persons, events, assessments, services, legal milestones, notes, consents, and
// sending a referral. Registered inside caseRoutes, so the 404-before-validation hook applies.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { safeString } from "../../lib/validation";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { type RouteAccess, routeDoc } from "../../auth/route-access";
import { CaseRecordsService } from "./cases.records";
import {
  AssessmentInputSchema,
  ConsentInputSchema,
  EventInputSchema,
  IdParam,
  LegalInputSchema,
  NoteInputSchema,
  PersonInputSchema,
  PersonSchema,
  PersonUpdateSchema,
  ReferralSchema,
  ServiceInputSchema,
  ServiceUpdateSchema,
} from "./cases.schema";
import type { CaseService } from "./cases.service";
import { REFERRAL_REASONS, REFERRAL_SCOPES } from "./cases.tables";
import { ReferralService } from "./cases.referrals";

const doc = routeDoc(["kasus"]);
const record = { access: "policy" as RouteAccess };
const Created = z.object({ id: z.string() });

export const ReferralCreateSchema = z
  .object({
    scope: z.enum(REFERRAL_SCOPES),
    /** Required when scope = service. */
    serviceId: z.string().uuid().optional(),
    toAgencyId: z.string().uuid(),
    assignedUserId: z.string().uuid().optional(),
    /** HTCDS cas_ReasonForOutgoingReferral. */
    reason: z.enum(REFERRAL_REASONS),
    details: safeString().trim().min(1).max(2000).optional(),
    /** Only without recorded consent to share with the agency, and only for the case owner or an investigator on the team. */
    overrideReason: safeString().trim().min(10).max(1000).optional(),
  })
  .strict();

export const caseRecordRoutes: FastifyPluginAsyncZod<{ svc: CaseService }> = async (app, opts) => {
  const records = new CaseRecordsService(opts.svc);
  const referrals = new ReferralService(opts.svc);
  const sub = (name: string) => IdParam.extend({ [name]: z.string().uuid() });

  app.post(
    "/:id/persons",
    doc(record, "Tambah orang: korban, keluarga, atau pelaku (nama, NIK, tanggal lahir, telepon, alamat dienkripsi)", {
      params: IdParam,
      body: PersonInputSchema,
      response: { 201: PersonSchema },
    }),
    async (req, reply) => reply.status(201).send(await records.addPerson(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );

  app.get(
    "/:id/persons/:personId",
    doc(record, "Data satu orang sesuai tingkat akses saya (dicatat di jejak audit)", {
      params: sub("personId"),
      response: { 200: PersonSchema },
    }),
    async (req) => records.getPerson(requirePrincipal(req), actorOf(req), req.params.id, req.params.personId),
  );

  app.patch(
    "/:id/persons/:personId",
    doc(record, "Ubah data orang", {
      params: sub("personId"),
      body: PersonUpdateSchema,
      response: { 200: PersonSchema },
    }),
    async (req) => records.updatePerson(requirePrincipal(req), actorOf(req), req.params.id, req.params.personId, req.body),
  );

  app.post(
    "/:id/events",
    doc(record, "Tambah peristiwa perdagangan orang: perekrutan, transit, eksploitasi (nilai picklist HTCDS)", {
      params: IdParam,
      body: EventInputSchema,
      response: { 201: Created },
    }),
    async (req, reply) => reply.status(201).send(await records.addEvent(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );

  app.post(
    "/:id/assessments",
    doc(record, "Catat asesmen (risiko, kebutuhan layanan)", {
      params: IdParam,
      body: AssessmentInputSchema,
      response: { 201: Created },
    }),
    async (req, reply) => reply.status(201).send(await records.addAssessment(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );

  app.post(
    "/:id/services",
    doc(
      record,
      "Tambah butir rencana layanan (rumah aman, kesehatan, psikososial, bantuan hukum, restitusi, pemulangan, reintegrasi, penghidupan)",
      {
        params: IdParam,
        body: ServiceInputSchema,
        response: { 201: Created },
      },
    ),
    async (req, reply) => reply.status(201).send(await records.addService(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    "/:id/services/:serviceId",
    doc(record, "Ubah layanan: status, penyedia, tenggat, catatan (penerima rujukan: status dan catatan saja)", {
      params: sub("serviceId"),
      body: ServiceUpdateSchema,
      response: { 200: Created },
    }),
    async (req) => records.updateService(requirePrincipal(req), actorOf(req), req.params.id, req.params.serviceId, req.body),
  );

  app.post(
    "/:id/legal",
    doc(record, "Catat tahap proses hukum (laporan polisi, penyidikan, penuntutan, putusan; pasal UU 21/2007)", {
      params: IdParam,
      body: LegalInputSchema,
      response: { 201: Created },
    }),
    async (req, reply) => reply.status(201).send(await records.addLegal(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );

  app.post(
    "/:id/notes",
    doc(record, "Tambah catatan kasus (dienkripsi)", {
      params: IdParam,
      body: NoteInputSchema,
      response: { 201: z.object({ id: z.number() }) },
    }),
    async (req, reply) => reply.status(201).send(await records.addNote(requirePrincipal(req), actorOf(req), req.params.id, req.body.body)),
  );

  app.post(
    "/:id/consents",
    doc(record, "Catat persetujuan per tujuan: berbagi data dengan instansi tertentu, foto, pengolahan data", {
      params: IdParam,
      body: ConsentInputSchema,
      response: { 201: Created },
    }),
    async (req, reply) => reply.status(201).send(await records.addConsent(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );

  app.post(
    "/:id/consents/:consentId/withdraw",
    doc(record, "Tarik persetujuan", { params: sub("consentId"), response: { 200: Created } }),
    async (req) => records.withdrawConsent(requirePrincipal(req), actorOf(req), req.params.id, req.params.consentId),
  );

  app.post(
    "/:id/referrals",
    doc(
      record,
      "Rujuk kasus (atau satu layanan) ke instansi lain: perlu persetujuan berbagi dengan instansi itu, atau alasan pengecualian",
      {
        description:
          "Tanpa persetujuan tercatat: `overrideReason` wajib, dan hanya pemilik kasus atau penyidik di tim yang boleh. Jawaban ditunggu 2 hari kerja.",
        params: IdParam,
        body: ReferralCreateSchema,
        response: { 201: ReferralSchema },
      },
    ),
    async (req, reply) => reply.status(201).send(await referrals.create(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );
};
