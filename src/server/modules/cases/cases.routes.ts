// Case endpoints. Routes about one case declare access "policy": a hook answers 404 before validation
// to anyone outside the case's audience (team, accepted referral, coordinator of the area), so a
// stranger learns nothing, not even from validation messages. Field-level rules live in the presenters.
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { created, idAction, idRead, type RouteAccess, routeDoc } from "../../auth/route-access";
import { sendDownload } from "../../lib/downloads";
import { notFound } from "../../lib/errors";
import { caseDocumentRoutes } from "./cases.documents.routes";
import { exportCaseListXlsx, exportCases } from "./cases.export";
import { caseStats, overdueItems } from "./cases.oversight";
import { caseRoutePolicy } from "./cases.policy";
import { caseRecordRoutes } from "./cases.records.routes";
import { accessTo, findCase, teamCandidates } from "./cases.repo";
import {
  CaseCreateSchema,
  CaseDetailSchema,
  CaseListQuerySchema,
  CaseSummarySchema,
  CaseUpdateSchema,
  CloseSchema,
  IdParam,
  LinkReportSchema,
  MemberAddSchema,
  OverdueItemSchema,
  OverdueQuerySchema,
  OwnerSchema,
  ReasonSchema,
  StatsSchema,
  TeamCandidateSchema,
  TeamCandidatesQuerySchema,
} from "./cases.schema";
import { CaseService } from "./cases.service";

type App = Parameters<FastifyPluginAsyncZod>[0];

const TAGS = ["kasus"];
const doc = routeDoc(TAGS);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const on = (action: "create" | "list" | "stats") => ({ access: { policy: caseRoutePolicy, action } as RouteAccess });
const record = { access: "policy" as RouteAccess };
const ExportQuery = z.object({ format: z.enum(["json", "csv"]).default("json") }).strict();
const EXPORT_DESCRIPTION =
  "Nama field HTCDS 2.0 ('Field Name including Prefix') dan nama nilai picklist apa adanya; ekstensi Indonesia di objek `extensions` (awalan `idn_`). " +
  "Field identitas hanya untuk peran yang boleh melihatnya. Sumber: Human Trafficking Case Data Standard, IOM, CC BY 4.0 (tanpa dukungan IOM). Setiap ekspor dicatat di jejak audit.";

/** Lists, intake, statistics, deadlines and the case-worker search: routes not about one case. */
function caseQueryRoutes(app: App, svc: CaseService) {
  app.get(
    "/",
    doc(on("list"), "Daftar kasus yang boleh saya lihat (tim kasus, rujukan diterima; koordinator: tingkat agregat)", {
      description:
        "`nik` dan `phone` mencari persis lewat hash berkunci, hanya di kasus yang identitasnya boleh saya lihat. Pembacaan dicatat di jejak audit.",
      querystring: CaseListQuerySchema,
      response: { 200: z.object({ items: z.array(CaseSummarySchema) }) },
    }),
    async (req) => svc.list(requirePrincipal(req), actorOf(req), req.query),
  );

  app.post(
    "/",
    doc(
      on("create"),
      "Buka kasus baru (asal, prioritas, laporan terkait, korban awal); koordinator wajib menunjuk pemilik kasus",
      created(CaseCreateSchema, CaseDetailSchema),
    ),
    async (req, reply) => reply.status(201).send(await svc.create(requirePrincipal(req), actorOf(req), req.body)),
  );

  app.get(
    "/stats",
    doc(on("stats"), "Statistik kasus di wilayah saya (koordinator): hanya hitungan", { response: { 200: StatsSchema } }),
    async (req) => caseStats(app.ctx, requirePrincipal(req)),
  );

  app.get(
    "/overdue",
    doc(on("list"), "Rujukan belum dijawab dalam 2 hari kerja dan layanan lewat tenggat, di kasus tim saya (koordinator: wilayahnya)", {
      querystring: OverdueQuerySchema,
      response: { 200: z.object({ items: z.array(OverdueItemSchema) }) },
    }),
    async (req) => ({
      items: (await overdueItems(app.ctx, requirePrincipal(req))).filter((i) => !req.query.kind || i.kind === req.query.kind),
    }),
  );

  app.get(
    "/team-candidates",
    doc(
      { access: { policy: caseRoutePolicy, action: "teamCandidates" } as RouteAccess },
      "Cari manajer kasus dan penyidik aktif (semua instansi) untuk tim kasus: nama, instansi, peran saja",
      {
        description: "`q` mencocokkan nama petugas atau nama instansi. Paling banyak 20 hasil; tanpa username, e-mail, atau telepon.",
        querystring: TeamCandidatesQuerySchema,
        response: { 200: z.object({ items: z.array(TeamCandidateSchema) }) },
      },
    ),
    async (req) => ({ items: await teamCandidates(app.ctx.db, requirePrincipal(req).tenant, req.query.q || undefined, 20) }),
  );
}

/** HTCDS exports (one case, all cases) and the case list as XLSX; every export is audited. */
function caseExportRoutes(app: App) {
  app.get(
    "/export/htcds",
    doc(on("list"), "Ekspor massal HTCDS 2.0 (JSON atau CSV) dari semua kasus yang boleh saya lihat", {
      description: EXPORT_DESCRIPTION,
      querystring: ExportQuery.extend({ status: z.enum(["open", "under_assessment", "active", "closed", "open_any"]).optional() }),
    }),
    async (req, reply) => {
      const r = await exportCases(app.ctx, requirePrincipal(req), actorOf(req), { format: req.query.format, status: req.query.status });
      return sendExport(reply, r, "htcds-kasus");
    },
  );

  app.get(
    "/export.xlsx",
    doc(on("list"), "Unduh daftar kasus (XLSX) yang boleh saya lihat; nama korban hanya untuk tim kasus dan penerima rujukan", {
      description: "Setiap unduhan dicatat di jejak audit.",
      querystring: z.object({ status: z.enum(["open", "under_assessment", "active", "closed", "open_any"]).optional() }).strict(),
    }),
    async (req, reply) => {
      const buf = await exportCaseListXlsx(app.ctx, requirePrincipal(req), actorOf(req), req.query.status, req.locale);
      return sendDownload(reply, {
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        data: buf,
        filename: `daftar-kasus-${new Date().toISOString().slice(0, 10)}.xlsx`,
      });
    },
  );

  app.get(
    "/:id/export/htcds",
    doc(record, "Ekspor satu kasus dalam HTCDS 2.0 (JSON atau CSV)", {
      description: EXPORT_DESCRIPTION,
      params: IdParam,
      querystring: ExportQuery,
    }),
    async (req, reply) => {
      const r = await exportCases(app.ctx, requirePrincipal(req), actorOf(req), { caseId: req.params.id, format: req.query.format });
      return sendExport(reply, r, "htcds-kasus");
    },
  );
}

/** One case: the audited read, edits, closure and reopening, linking a report. */
function caseLifecycleRoutes(app: App, svc: CaseService) {
  app.get(
    "/:id",
    doc(record, "Rincian kasus sesuai tingkat akses saya; koordinator melihat jenis kelamin dan kelompok umur, bukan nama", {
      description: "Di luar tim, rujukan yang diterima, dan wilayah koordinator: 404. Setiap pembacaan dicatat di jejak audit.",
      ...idRead(CaseDetailSchema),
    }),
    async (req) => svc.get(requirePrincipal(req), actorOf(req), req.params.id),
  );

  app.patch(
    "/:id",
    doc(
      record,
      "Ubah kasus: status (terbuka, asesmen, aktif), prioritas, ringkasan, wilayah, status korban (dengan lembaga yang memutuskan)",
      idAction(CaseUpdateSchema, CaseDetailSchema),
    ),
    async (req) => svc.update(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/:id/close",
    doc(record, "Tutup kasus dengan alasan (pemilik kasus); rujukan yang belum dijawab dicabut", idAction(CloseSchema, CaseDetailSchema)),
    async (req) => svc.close(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/:id/reopen",
    doc(record, "Buka kembali kasus yang ditutup (pemilik kasus)", idAction(ReasonSchema, CaseDetailSchema)),
    async (req) => svc.reopen(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/:id/reports",
    doc(record, "Kaitkan laporan pengaduan dengan kasus", {
      params: IdParam,
      body: LinkReportSchema,
      response: { 204: z.null() },
    }),
    async (req, reply) => {
      await svc.linkReport(requirePrincipal(req), actorOf(req), req.params.id, req.body.reportId);
      return reply.status(204).send(null);
    },
  );
}

/** The case team: add and remove members, hand over ownership (the owner). */
function caseTeamRoutes(app: App, svc: CaseService) {
  app.post(
    "/:id/members",
    doc(record, "Tambah anggota tim kasus (manajer kasus atau penyidik; oleh pemilik)", idAction(MemberAddSchema, CaseDetailSchema)),
    async (req) => svc.addMember(requirePrincipal(req), actorOf(req), req.params.id, req.body.userId),
  );

  app.delete(
    "/:id/members/:userId",
    doc(record, "Keluarkan anggota tim kasus (oleh pemilik)", {
      params: IdParam.extend({ userId: z.string().uuid() }),
      response: { 200: CaseDetailSchema },
    }),
    async (req) => svc.removeMember(requirePrincipal(req), actorOf(req), req.params.id, req.params.userId),
  );

  app.post(
    "/:id/owner",
    doc(record, "Serahkan kepemilikan kasus ke manajer kasus lain; pemilik lama tetap anggota", idAction(OwnerSchema, CaseDetailSchema)),
    async (req) => svc.transferOwner(requirePrincipal(req), actorOf(req), req.params.id, req.body.userId),
  );
}

/**
 * `extra`: routes about one case that another module owns (the retention module's legal hold), handed in
 * by app.ts so they sit behind the same 404-before-validation hook without cases importing that module.
 */
export const caseRoutes: FastifyPluginAsyncZod<{ extra?: FastifyPluginAsyncZod[] }> = async (app, opts) => {
  const svc = new CaseService(app.ctx);

  // One case, outside the caller's audience: 404 before the body is validated.
  app.addHook("preValidation", async (req) => {
    const access = (req.routeOptions.config as { access?: RouteAccess } | undefined)?.access;
    const id = (req.params as { id?: string } | undefined)?.id;
    if (access !== "policy" || id === undefined || !req.auth) return;
    if (!UUID.test(id)) throw notFound();
    const p = req.auth.principal;
    const c = await findCase(app.ctx.db, p.tenant, id);
    if (!c || !(await accessTo(app.ctx.db, p, c))) throw notFound();
  });

  caseQueryRoutes(app, svc);
  caseExportRoutes(app);
  caseLifecycleRoutes(app, svc);
  caseTeamRoutes(app, svc);
  await app.register(caseRecordRoutes, { svc });
  await app.register(caseDocumentRoutes, { svc });
  for (const plugin of opts.extra ?? []) await app.register(plugin);
};

function sendExport(reply: FastifyReply, r: { json?: unknown; csv?: string }, name: string) {
  const stamp = new Date().toISOString().slice(0, 10);
  if (r.csv !== undefined)
    return sendDownload(reply, { contentType: "text/csv; charset=utf-8", data: r.csv, filename: `${name}-${stamp}.csv` });
  return sendDownload(reply, {
    contentType: "application/json; charset=utf-8",
    data: JSON.stringify(r.json),
    filename: `${name}-${stamp}.json`,
  });
}
