// Staff endpoints for public reports: triage queue, agency inbox, one report and its handling steps.
// Order in every handler: validate (schema) → authenticate (access) → authorize (policy) → service → present.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AuditActor, actorOf, type Principal, requirePrincipal } from "../../auth/principal";
import { idAction, idRead, routeDoc } from "../../auth/route-access";
import { reportQueuePolicy } from "./reports.policy";
import {
  CloseSchema,
  ForwardSchema,
  NoteSchema,
  type QueueQuery,
  QueueQuerySchema,
  RejectSchema,
  ReopenSchema,
  type ReportDetail,
  ReportDetailSchema,
  ReportSummarySchema,
  ResponseSchema,
  VerifySchema,
} from "./reports.schema";
import { type CaseVisibility, ReportsService } from "./reports.service";
import { sendDownload } from "../../lib/downloads";
import { downloadName } from "../../lib/uploads/uploads";
import { IdParam } from "../../lib/validation";
import { AppError } from "../../lib/errors";
import { readImageText } from "../../lib/ocr/ocr-read";

/** Text read from an image attachment; nothing of it is stored. */
const AttachmentTextSchema = z.object({ text: z.string(), confidence: z.number() });

// Route-level gates (checked before validation); record-level rules are checked in the service (404 when out of scope).
const policy = { access: { policy: reportQueuePolicy, action: "any" } };
const doc = routeDoc(["pengaduan (staf)"]);
const ListResponse = z.object({ items: z.array(ReportSummarySchema), total: z.number().int() });
const AttachmentParams = IdParam.extend({ attachmentId: z.string().uuid() });

/** `caseVisible` comes from the cases module (app.ts hands it in), so reports does not import cases. */
export const reportRoutes: FastifyPluginAsyncZod<{ caseVisible: CaseVisibility }> = async (app, opts) => {
  const svc = new ReportsService(app.ctx, opts.caseVisible);
  const triage = svc.triage;

  /** The coordinator's queue and the agency's inbox: one list each, gated by the view's own action. */
  const list = (path: string, view: "queue" | "inbox", summary: string, schema: { description?: string; querystring: z.ZodTypeAny }) =>
    app.get(
      path,
      doc({ access: { policy: reportQueuePolicy, action: view } }, summary, { ...schema, response: { 200: ListResponse } }),
      async (req) => svc[view](reportQueuePolicy.authorize(req.auth?.principal, view, undefined), req.query as QueueQuery),
    );

  list("/", "queue", "Antrean triase laporan (koordinator): baru, lewat batas waktu, per kategori dan kecamatan, pencarian teks", {
    description:
      "Urutan: yang lewat batas waktu dulu, lalu batas waktu terdekat. `q` mencari teks laporan (konfigurasi 'indonesian'), " +
      "kode pelacakan, serta nomor telepon/rekening/akun media sosial (lewat hash, tanpa menyimpan nilainya).",
    querystring: QueueQuerySchema,
  });
  list("/inbox", "inbox", "Kotak masuk instansi: laporan yang diteruskan ke instansi saya (operator instansi)", {
    querystring: QueueQuerySchema.omit({ agencyId: true }),
  });

  app.get(
    "/:id",
    doc(policy, "Rincian laporan: isi, orang dan kontak terlibat, riwayat, penerusan, lampiran, laporan terkait", {
      description: "Laporan di luar wewenang menjawab 404. Setiap pembacaan dicatat di jejak audit.",
      ...idRead(ReportDetailSchema),
    }),
    async (req) => svc.detail(requirePrincipal(req), actorOf(req), req.params.id),
  );

  app.get("/:id/attachments/:attachmentId", doc(policy, "Unduh lampiran laporan", { params: AttachmentParams }), async (req, reply) => {
    const a = await svc.attachment(requirePrincipal(req), actorOf(req), req.params.id, req.params.attachmentId);
    return sendDownload(reply, {
      contentType: a.mediaType,
      data: a.data,
      filename: downloadName(`lampiran-${a.id.slice(0, 8)}`, a.mediaType),
    });
  });

  app.get(
    "/:id/attachments/:attachmentId/text",
    doc(policy, "Baca tulisan pada lampiran gambar (OCR), misalnya tangkapan layar tawaran kerja", {
      description:
        "Tulisan dibaca saat diminta dan tidak disimpan; nomor telepon dan akun media sosial dirapikan. " +
        "Dicatat di jejak audit sebagai pembacaan lampiran. Lampiran PDF: 400.",
      params: AttachmentParams,
      response: { 200: AttachmentTextSchema },
    }),
    async (req) => {
      const a = await svc.attachment(requirePrincipal(req), actorOf(req), req.params.id, req.params.attachmentId);
      if (!a.mediaType.startsWith("image/")) throw new AppError("validation_failed", { attachmentId: { code: "image_required" } });
      return readImageText(a.data);
    },
  );

  /** `POST /:id/<path>`: one handling step of the report; 200 with the report as it now stands. */
  const step = <S extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: S,
    run: (p: Principal, actor: AuditActor, id: string, input: z.infer<S>) => Promise<ReportDetail>,
  ) =>
    app.post(`/:id/${path}`, doc(policy, summary, idAction(body, ReportDetailSchema)), async (req) =>
      run(requirePrincipal(req), actorOf(req), req.params.id, req.body as z.infer<S>),
    );

  step("verify", "Verifikasi laporan (koordinator; batas 3 hari kerja sejak diterima)", VerifySchema, (p, actor, id, input) =>
    triage.verify(p, actor, id, input),
  );
  step("reject", "Tolak laporan dengan alasan (koordinator)", RejectSchema, (p, actor, id, input) => triage.reject(p, actor, id, input));
  step(
    "forward",
    "Teruskan ke satu atau beberapa instansi dengan instruksi (koordinator; tanggapan pertama dalam 5 hari kerja)",
    ForwardSchema,
    (p, actor, id, input) => triage.forward(p, actor, id, input),
  );
  step(
    "responses",
    "Tanggapan instansi (operator instansi tujuan): catatan penanganan internal dan/atau untuk publik",
    ResponseSchema,
    (p, actor, id, input) => triage.respond(p, actor, id, input),
  );
  step("notes", "Tambah catatan (internal atau untuk publik)", NoteSchema, (p, actor, id, input) => triage.note(p, actor, id, input));
  step("close", "Tutup laporan dengan hasil (koordinator)", CloseSchema, (p, actor, id, input) => triage.close(p, actor, id, input));
  step("reopen", "Buka kembali laporan yang ditutup atau ditolak (koordinator)", ReopenSchema, (p, actor, id, input) =>
    triage.reopen(p, actor, id, input),
  );
};
