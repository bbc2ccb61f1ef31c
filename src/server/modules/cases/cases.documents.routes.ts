// Case documents: list, upload (raw file body), download, delete. Registered inside caseRoutes, so the
// 404-before-validation hook applies; a plugin of its own so the raw file parser applies only here.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { type RouteAccess, routeDoc } from "../../auth/route-access";
import { sendDownload } from "../../lib/downloads";
import { acceptRawUploads, downloadName, rawUploadRoute } from "../../lib/uploads/uploads";
import { CaseDocuments } from "./cases.documents";
import { CaseDocumentSchema, DocumentNameQuery, IdParam } from "./cases.schema";
import type { CaseService } from "./cases.service";

const TAGS = ["kasus"];
const doc = routeDoc(TAGS);
const record = { access: "policy" as RouteAccess };
const DocParams = IdParam.extend({ documentId: z.string().uuid() });
const WHO = "Hanya tim kasus dan penerima rujukan seluruh kasus; selain itu 404. ";

export const caseDocumentRoutes: FastifyPluginAsyncZod<{ svc: CaseService }> = async (app, opts) => {
  const docs = new CaseDocuments(opts.svc);
  acceptRawUploads(app);

  app.get(
    "/:id/documents",
    doc(record, "Daftar dokumen kasus (dicatat di jejak audit)", {
      description: WHO,
      params: IdParam,
      response: { 200: z.object({ items: z.array(CaseDocumentSchema) }) },
    }),
    async (req) => ({ items: await docs.list(requirePrincipal(req), actorOf(req), req.params.id) }),
  );

  app.post(
    "/:id/documents",
    rawUploadRoute(record, {
      tags: TAGS,
      summary: "Unggah dokumen kasus (foto atau PDF); nama berkas disimpan terenkripsi",
      description:
        WHO +
        "Kirim isi berkas apa adanya sebagai badan permintaan (bukan multipart) dan nama berkas di `name`. Jenis diperiksa dari isinya " +
        "(JPEG, PNG, WebP, PDF) dan metadata gambar dihapus. Maksimal 5 MB per berkas (413) dan 5 dokumen per kasus. Jenis lain atau " +
        "dokumen keenam: 400 dengan pesan di error.fields.file. Berkas yang sama dikirim ulang: 200 dengan dokumen yang sudah tersimpan.",
      params: IdParam,
      querystring: DocumentNameQuery,
      response: { 200: CaseDocumentSchema, 201: CaseDocumentSchema },
    }),
    async (req, reply) => {
      const r = await docs.upload(requirePrincipal(req), actorOf(req), req.params.id, req.body, req.query.name);
      return reply.status(r.created ? 201 : 200).send(r.document);
    },
  );

  app.get(
    "/:id/documents/:documentId",
    doc(record, "Unduh dokumen kasus (setiap unduhan dicatat di jejak audit)", { description: WHO, params: DocParams }),
    async (req, reply) => {
      const d = await docs.read(requirePrincipal(req), actorOf(req), req.params.id, req.params.documentId);
      return sendDownload(reply, { contentType: d.mediaType, data: d.data, filename: downloadName(d.name, d.mediaType) });
    },
  );

  app.delete(
    "/:id/documents/:documentId",
    doc(record, "Hapus dokumen dari kasus (disembunyikan; tercatat di jejak audit)", {
      description: WHO,
      params: DocParams,
      response: { 204: z.null() },
    }),
    async (req, reply) => {
      await docs.remove(requirePrincipal(req), actorOf(req), req.params.id, req.params.documentId);
      return reply.status(204).send(null);
    },
  );
};
