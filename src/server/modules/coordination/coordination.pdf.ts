// Minutes (notulen) of a meeting as a PDF in the style of an official letter: letterhead, the meeting's
// particulars, attendance, minutes, decisions with their action items, place-and-date and signature.
// Fonts and pdfmake setup: lib/pdf.ts (the Roboto vfs inside the package; nothing is fetched).
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { dateId, longDateId, timeWib } from "../../../core/coordination";
import { letterhead, renderPdf } from "../../lib/pdf";
import type { Meeting } from "./coordination.schema";

const STATUS_ID: Record<string, string> = { open: "Terbuka", in_progress: "Dikerjakan", done: "Selesai", dropped: "Dibatalkan" };

export type MinutesPdfInput = { meeting: Meeting; regencyName: string; writer: string; printedAt: Date };

export function minutesDocument({ meeting: m, regencyName, writer, printedAt }: MinutesPdfInput): TDocumentDefinitions {
  const startsAt = new Date(m.startsAt);
  const place = [m.place, m.onlineUrl ? `Daring: ${m.onlineUrl}` : null].filter(Boolean).join(" / ") || "-";
  const present = m.attendance.filter((a) => a.present);
  const absent = m.invitedAgencies.filter((a) => !present.some((p) => p.agencyId === a.id));
  const row = (k: string, v: string) => [{ text: k }, { text: ":" }, { text: v }];
  return {
    pageSize: "A4",
    pageMargins: [60, 50, 60, 60],
    info: { title: `Notulen ${m.title}`, creator: "Simpul" },
    defaultStyle: { font: "Roboto", fontSize: 10.5, lineHeight: 1.2 },
    footer: (page, pages) => ({ text: `Halaman ${page} dari ${pages}`, alignment: "center", fontSize: 8, color: "#555" }),
    content: [
      ...letterhead(regencyName),
      { text: "NOTULEN RAPAT KOORDINASI", alignment: "center", bold: true, fontSize: 12, margin: [0, 16, 0, 12], decoration: "underline" },
      {
        table: {
          widths: [110, 8, "*"],
          body: [
            row("Acara", m.title),
            row("Hari, tanggal", longDateId(startsAt)),
            row("Waktu", `${timeWib(startsAt)} s.d. selesai`),
            row("Tempat", place),
            row("Undangan", m.invitedAgencies.map((a) => a.name).join(", ") || "-"),
          ],
        },
        layout: "noBorders",
      },
      { text: "Agenda", bold: true, margin: [0, 12, 0, 4] },
      { text: m.agenda || "-" },
      { text: "Daftar hadir", bold: true, margin: [0, 12, 0, 4] },
      present.length
        ? {
            table: {
              headerRows: 1,
              widths: [24, "*", 60],
              body: [
                [
                  { text: "No.", bold: true },
                  { text: "Instansi", bold: true },
                  { text: "Jumlah", bold: true },
                ],
                ...present.map((a, i) => [String(i + 1), a.agencyName, a.headcount ? `${a.headcount} orang` : "-"]),
              ],
            },
          }
        : { text: "Belum dicatat." },
      absent.length ? { text: `Tidak hadir: ${absent.map((a) => a.name).join(", ")}.`, margin: [0, 4, 0, 0], italics: true } : { text: "" },
      { text: "Jalannya rapat", bold: true, margin: [0, 12, 0, 4] },
      { text: m.minutes || "-" },
      { text: "Keputusan dan rencana tindak lanjut", bold: true, margin: [0, 12, 0, 4] },
      m.decisions.length
        ? {
            ol: m.decisions.map((d) => ({
              stack: [
                { text: d.text },
                ...(d.actionItems.length
                  ? [
                      {
                        margin: [0, 4, 0, 6] as [number, number, number, number],
                        table: {
                          headerRows: 1,
                          widths: ["*", 110, 70, 55],
                          body: [
                            [
                              { text: "Tindak lanjut", bold: true },
                              { text: "Penanggung jawab", bold: true },
                              { text: "Tenggat", bold: true },
                              { text: "Status", bold: true },
                            ],
                            ...d.actionItems.map((a) => [
                              a.title +
                                (a.link
                                  ? ` (${a.link.kind === "village" ? "desa" : a.link.kind === "report" ? "laporan" : "kasus"} ${a.link.ref})`
                                  : ""),
                              a.ownerAgency.name + (a.ownerUser ? ` — ${a.ownerUser.name}` : ""),
                              dateId(a.dueDate),
                              STATUS_ID[a.status] ?? a.status,
                            ]),
                          ],
                        },
                        fontSize: 9,
                      },
                    ]
                  : []),
              ],
            })),
          }
        : { text: "Tidak ada keputusan dicatat." },
      {
        margin: [260, 28, 0, 0],
        stack: [
          { text: `${regencyName.replace(/^KAB(UPATEN|\.)\s*/i, "")}, ${longDateId(printedAt).replace(/^\w+, /, "")}` },
          { text: "Notulis,", margin: [0, 2, 0, 40] },
          { text: writer, bold: true },
        ],
      },
    ],
  };
}

export async function minutesPdf(input: MinutesPdfInput): Promise<Buffer> {
  return renderPdf(minutesDocument(input));
}
