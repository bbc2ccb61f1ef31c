import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { leafletPdf } from "./leaflets.pdf";
import { type LeafletName, LeafletFileParam } from "./leaflets.schema";

// Printable leaflets (A5 PDF) with QR codes to the job checker and the report form.
export const publicLeafletRoutes: FastifyPluginAsyncZod = async (app) => {
  const { publicRateLimit, publicChecksPerMinute, publicUrl } = app.ctx.config;
  // With a configured address the PDFs never change while the server runs: made once, kept in memory.
  const made = new Map<LeafletName, Promise<Buffer>>();

  app.get(
    "/leaflets/:file",
    {
      config: { access: "public", rateLimit: { max: publicRateLimit ? publicChecksPerMinute : 1_000_000, timeWindow: 60_000 } },
      schema: {
        tags: ["public"],
        summary: "Leaflet edukasi siap cetak (PDF A5) dengan kode QR ke Cek Lowongan dan formulir pengaduan",
        params: LeafletFileParam,
      },
    },
    async (req, reply) => {
      const name = req.params.file.replace(/\.pdf$/, "") as LeafletName;
      let pdf: Buffer;
      if (publicUrl) {
        if (!made.has(name)) {
          const making = leafletPdf(name, publicUrl);
          made.set(name, making);
          making.catch(() => made.delete(name));
        }
        pdf = await made.get(name)!;
      } else {
        // No configured address: the one this request came to (not kept, as the Host header is the caller's).
        const host = /^[A-Za-z0-9.:[\]-]{1,255}$/.test(req.host) ? req.host : "localhost";
        pdf = await leafletPdf(name, `${req.protocol}://${host}`);
      }
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${name}.pdf"`)
        .header("cache-control", publicUrl ? "public, max-age=3600" : "no-store")
        .send(pdf);
    },
  );
};
