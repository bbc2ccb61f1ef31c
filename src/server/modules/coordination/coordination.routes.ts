// Coordination of the task force: agency directory, meetings (attendance, minutes, decisions),
// action items and the minutes PDF. Route access first; the service scopes records (404 outside).
import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requirePrincipal } from "../../auth/principal";
import { created, idAction, idCreate, idRead, routeDoc } from "../../auth/route-access";
import { users } from "../../db/schema";
import { sendDownload } from "../../lib/downloads";
import { findRegion } from "../regions/regions.service";
import { minutesPdf } from "./coordination.pdf";
import { coordinationRoutePolicy } from "./coordination.policy";
import {
  ActionItemCreateSchema,
  ActionItemListQuerySchema,
  ActionItemSchema,
  ActionItemUpdateSchema,
  AttendanceSchema,
  DecisionCreateSchema,
  DirectoryAgencySchema,
  FocalPointCreateSchema,
  FocalPointSchema,
  FocalPointUpdateSchema,
  IdParam,
  MeetingCreateSchema,
  MeetingSchema,
  MeetingSummarySchema,
  MeetingUpdateSchema,
  TaskForcesSchema,
} from "./coordination.schema";
import { CoordinationService } from "./coordination.service";

type Action = "directory" | "editDirectory" | "meetings" | "planMeetings" | "actionItems";
const gate = (action: Action) => ({ access: { policy: coordinationRoutePolicy, action } });
const tags = ["koordinasi"];
const doc = routeDoc(tags);

export const coordinationRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = new CoordinationService(app.ctx);

  app.get(
    "/agencies",
    doc(
      gate("directory"),
      "Direktori instansi gugus tugas: kategori pentahelix, sub gugus tugas, narahubung (nomor telepon; pembacaan dicatat di jejak audit)",
      {
        response: { 200: z.object({ items: z.array(DirectoryAgencySchema) }) },
      },
    ),
    async (req) => ({ items: await svc.directory(requirePrincipal(req), actorOf(req)) }),
  );

  app.put(
    "/agencies/:id/task-forces",
    doc(gate("editDirectory"), "Tetapkan keanggotaan sub gugus tugas instansi", idAction(TaskForcesSchema, TaskForcesSchema)),
    async (req) => svc.setTaskForces(requirePrincipal(req), actorOf(req), req.params.id, req.body.taskForces),
  );

  app.post(
    "/agencies/:id/focal-points",
    doc(
      gate("editDirectory"),
      "Tambah narahubung instansi (telepon disimpan terenkripsi)",
      idCreate(FocalPointCreateSchema, FocalPointSchema),
    ),
    async (req, reply) => reply.status(201).send(await svc.addFocalPoint(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    "/focal-points/:id",
    doc(gate("editDirectory"), "Ubah narahubung", idAction(FocalPointUpdateSchema, FocalPointSchema)),
    async (req) => svc.updateFocalPoint(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  app.delete("/focal-points/:id", doc(gate("editDirectory"), "Hapus narahubung", { params: IdParam }), async (req, reply) => {
    await svc.deleteFocalPoint(requirePrincipal(req), actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  app.get(
    "/meetings",
    doc(
      gate("meetings"),
      "Daftar rapat koordinasi (koordinator: semua; staf lain: rapat yang mengundang instansinya atau memberinya tindak lanjut)",
      {
        response: { 200: z.object({ items: z.array(MeetingSummarySchema) }) },
      },
    ),
    async (req) => svc.listMeetings(requirePrincipal(req)),
  );

  app.post(
    "/meetings",
    doc(
      gate("planMeetings"),
      "Rencanakan rapat (tanggal dan jam WIB, tempat atau tautan daring, agenda, instansi diundang)",
      created(MeetingCreateSchema, MeetingSchema),
    ),
    async (req, reply) => reply.status(201).send(await svc.createMeeting(requirePrincipal(req), actorOf(req), req.body)),
  );

  app.get(
    "/meetings/:id",
    doc(
      gate("meetings"),
      "Rincian rapat dengan daftar hadir, notulen, keputusan dan tindak lanjut (pembacaan dicatat)",
      idRead(MeetingSchema),
    ),
    async (req) => svc.getMeeting(requirePrincipal(req), actorOf(req), req.params.id),
  );

  app.patch(
    "/meetings/:id",
    doc(gate("planMeetings"), "Ubah rapat atau isi notulen (disimpan terenkripsi)", idAction(MeetingUpdateSchema, MeetingSchema)),
    async (req) => svc.updateMeeting(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  app.put(
    "/meetings/:id/attendance",
    doc(gate("planMeetings"), "Catat kehadiran per instansi", idAction(AttendanceSchema, MeetingSchema)),
    async (req) => svc.recordAttendance(requirePrincipal(req), actorOf(req), req.params.id, req.body.attendance),
  );

  app.post(
    "/meetings/:id/decisions",
    doc(gate("planMeetings"), "Catat keputusan rapat, dengan tindak lanjut bila ada", idCreate(DecisionCreateSchema, MeetingSchema)),
    async (req, reply) => reply.status(201).send(await svc.addDecision(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );

  app.post(
    "/decisions/:id/action-items",
    doc(gate("planMeetings"), "Tambah tindak lanjut pada keputusan", idCreate(ActionItemCreateSchema, ActionItemSchema)),
    async (req, reply) => reply.status(201).send(await svc.addActionItem(requirePrincipal(req), actorOf(req), req.params.id, req.body)),
  );

  app.get(
    "/action-items",
    doc(gate("actionItems"), "Tindak lanjut: milik instansi sendiri (koordinator: semua); overdue=true hanya yang lewat tenggat", {
      querystring: ActionItemListQuerySchema,
      response: { 200: z.object({ items: z.array(ActionItemSchema) }) },
    }),
    async (req) => svc.listActionItems(requirePrincipal(req), req.query),
  );

  app.patch(
    "/action-items/:id",
    doc(
      gate("actionItems"),
      "Perbarui status dan bukti penyelesaian (instansi pemilik); judul, pemilik dan tenggat hanya koordinator",
      idAction(ActionItemUpdateSchema, ActionItemSchema),
    ),
    async (req) => svc.updateActionItem(requirePrincipal(req), actorOf(req), req.params.id, req.body),
  );

  app.get(
    "/meetings/:id/minutes.pdf",
    doc(gate("meetings"), "Unduh notulen rapat (PDF gaya surat dinas); setiap unduhan dicatat di jejak audit", { params: IdParam }),
    async (req, reply) => {
      const p = requirePrincipal(req);
      const meeting = await svc.getMinutesForExport(p, actorOf(req), req.params.id);
      const regency = await findRegion(app.ctx.db, app.ctx.config.regency);
      const [writer] = await app.ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, meeting.createdBy));
      const pdf = await minutesPdf({
        meeting: meeting.view,
        regencyName: regency?.name ?? app.ctx.config.regency,
        writer: writer?.name ?? "",
        printedAt: new Date(),
      });
      return sendDownload(reply, {
        contentType: "application/pdf",
        data: pdf,
        filename: `notulen-${meeting.view.startsAt.slice(0, 10)}.pdf`,
      });
    },
  );
};
