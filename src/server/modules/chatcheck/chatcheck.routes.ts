// POST /api/outreach/chat-check: an exported village WhatsApp group in, the job offers in it out.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/principal";
import { chatCheckPolicy } from "./chatcheck.policy";
import { ChatCheckResponseSchema } from "./chatcheck.schema";
import { checkGroupChat } from "./chatcheck.service";

/** An export "without media" is small; with media, only its text entry is read. */
const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;
const EXPORT_TYPES = ["application/zip", "application/x-zip-compressed", "application/octet-stream", "text/plain"];

export const chatCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  // Raw bodies inside this plugin only; the content is sniffed (zip or text), the header is not trusted.
  app.removeContentTypeParser(["text/plain"]);
  app.addContentTypeParser(EXPORT_TYPES, { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));

  app.post(
    "/",
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      config: { access: { policy: chatCheckPolicy, action: "check" }, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ["sosialisasi"],
        summary: "Periksa ekspor grup WhatsApp desa: daftar pesan yang tampak seperti tawaran kerja, dengan tanda bahaya",
        description:
          "Kirim berkas ekspor WhatsApp apa adanya sebagai badan permintaan (.txt, atau .zip dengan atau tanpa media; maksimal 16 MB). " +
          "Setiap pesan diperiksa seperti Cek Lowongan; yang tampak seperti tawaran kerja dicantumkan, yang paling berisiko dahulu. " +
          "Waktu pesan dibaca sebagai WIB. Tidak ada isi obrolan yang disimpan: jejak audit hanya mencatat jumlah pesan. " +
          `Ekspor yang sangat panjang: hanya 5.000 pesan terbaru yang diperiksa (truncated).`,
        consumes: EXPORT_TYPES,
        body: z.any().describe("Isi berkas ekspor (biner)"),
        response: { 200: ChatCheckResponseSchema },
      },
    },
    async (req) => checkGroupChat(app.ctx, actorOf(req), req.body),
  );
};
