// What a case holds: persons, events, assessments, services, legal milestones, notes, consents, and
// sending a referral. Registered inside caseRoutes, so the 404-before-validation hook applies.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AuditActor, actorOf, type Principal, requirePrincipal } from "../../auth/principal";
import { idCreate, type RouteAccess, routeDoc } from "../../auth/route-access";
import { safeString } from "../../lib/validation";
import { CaseRecordsService } from "./cases.records";
import { ReferralService } from "./cases.referrals";
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
import { REFERRAL_REASONS, REFERRAL_SCOPES } from "../../../core/cases";

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
  /** `POST /:id/<what>`: one more record of the case (event, assessment, service, legal step, consent); 201 with its id. */
  const addRecord = <B extends z.ZodTypeAny>(
    what: string,
    summary: string,
    body: B,
    add: (p: Principal, actor: AuditActor, caseId: string, input: z.infer<B>) => Promise<z.infer<typeof Created>>,
  ) =>
    app.post(`/:id/${what}`, doc(record, summary, { params: IdParam, body, response: { 201: Created } }), async (req, reply) =>
      reply.status(201).send(await add(requirePrincipal(req), actorOf(req), req.params.id, req.body as z.infer<B>)),
    );
  /** `PATCH /:id/<what>/:<param>`: change one record of the case; 200 with what `update` answers, serialised by `response`. */
  const updateRecord = <B extends z.ZodTypeAny>(
    what: string,
    param: string,
    summary: string,
    body: B,
    response: z.ZodTypeAny,
    update: (p: Principal, actor: AuditActor, caseId: string, recordId: string, input: z.infer<B>) => Promise<unknown>,
  ) =>
    app.patch(
      `/:id/${what}/:${param}`,
      doc(record, summary, { params: sub(param), body, response: { 200: response } }),
      async (req, reply) =>
        reply.send(await update(requirePrincipal(req), actorOf(req), req.params.id, req.params[param]!, req.body as z.infer<B>)),
    );

  app.post(
    "/:id/persons",
    doc(
      record,
      "Tambah orang: korban, keluarga, atau pelaku (nama, NIK, tanggal lahir, telepon, alamat dienkripsi)",
      idCreate(PersonInputSchema, PersonSchema),
    ),
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

  updateRecord("persons", "personId", "Ubah data orang", PersonUpdateSchema, PersonSchema, (p, actor, caseId, personId, input) =>
    records.updatePerson(p, actor, caseId, personId, input),
  );

  addRecord(
    "events",
    "Tambah peristiwa perdagangan orang: perekrutan, transit, eksploitasi (nilai picklist HTCDS)",
    EventInputSchema,
    (p, actor, caseId, input) => records.addEvent(p, actor, caseId, input),
  );

  addRecord("assessments", "Catat asesmen (risiko, kebutuhan layanan)", AssessmentInputSchema, (p, actor, caseId, input) =>
    records.addAssessment(p, actor, caseId, input),
  );

  addRecord(
    "services",
    "Tambah butir rencana layanan (rumah aman, kesehatan, psikososial, bantuan hukum, restitusi, pemulangan, reintegrasi, penghidupan)",
    ServiceInputSchema,
    (p, actor, caseId, input) => records.addService(p, actor, caseId, input),
  );

  updateRecord(
    "services",
    "serviceId",
    "Ubah layanan: status, penyedia, tenggat, catatan (penerima rujukan: status dan catatan saja)",
    ServiceUpdateSchema,
    Created,
    (p, actor, caseId, serviceId, input) => records.updateService(p, actor, caseId, serviceId, input),
  );

  addRecord(
    "legal",
    "Catat tahap proses hukum (laporan polisi, penyidikan, penuntutan, putusan; pasal UU 21/2007)",
    LegalInputSchema,
    (p, actor, caseId, input) => records.addLegal(p, actor, caseId, input),
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

  addRecord(
    "consents",
    "Catat persetujuan per tujuan: berbagi data dengan instansi tertentu, foto, pengolahan data",
    ConsentInputSchema,
    (p, actor, caseId, input) => records.addConsent(p, actor, caseId, input),
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
        ...idCreate(ReferralCreateSchema, ReferralSchema),
      },
    ),
    async (req, reply) => reply.status(201).send(await referrals.create(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );
};
