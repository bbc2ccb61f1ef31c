// Printable leaflets (PRODUCT capability 12): A5, in Indonesian, each with QR codes to the job checker and
// the report form on this installation's public address. The warning signs, safe steps and hotlines are
// the home page's own words (web i18n, read through lib/ui-words.ts) and numbers (site/hotlines.ts), so a
// leaflet never says something the site does not.
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import QRCode from "qrcode";
import { HOTLINES } from "../../../web/site/hotlines";
import { renderPdf } from "../../lib/pdf";
import { uiWord } from "../../lib/ui-words";
import type { LeafletName } from "./leaflets.schema";

const word = (key: string, vars?: Record<string, string>) => uiWord("id", key, vars);
const INK = "#7a1f1f";
/** Width of a QR code on paper: 80 pt ≈ 28 mm, readable by a cheap phone camera at arm's length. */
const QR_SIZE = 80;

/** The public pages a leaflet points to, on the given base address. */
export function leafletLinks(baseUrl: string): { jobCheck: string; report: string; reportStatus: string } {
  const base = baseUrl.replace(/\/+$/, "");
  return { jobCheck: `${base}/cek-lowongan`, report: `${base}/lapor`, reportStatus: `${base}/lapor/status` };
}

/** A QR code drawn as vector squares (one per dark module, quiet zone of 2 modules), from the `qrcode` package's matrix. */
export function qrCanvas(
  text: string,
  size = QR_SIZE,
): { canvas: { type: "rect"; x: number; y: number; w: number; h: number; color: string }[] } {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const cell = size / (n + 4);
  const canvas: { type: "rect"; x: number; y: number; w: number; h: number; color: string }[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.data[r * n + c]) canvas.push({ type: "rect", x: (c + 2) * cell, y: (r + 2) * cell, w: cell, h: cell, color: "#000" });
    }
  }
  return { canvas };
}

function qrBlock(caption: string, url: string): Content {
  return {
    width: "*",
    stack: [
      { ...qrCanvas(url), alignment: "center" },
      { text: caption, bold: true, alignment: "center", fontSize: 9, margin: [0, 2, 0, 0] },
      { text: url, link: url, alignment: "center", fontSize: 7, color: "#333" },
    ],
  } as Content;
}

function hotlines(): Content {
  return {
    stack: [
      { text: word("home.hotlines.title"), style: "h2" },
      {
        ul: HOTLINES.map((h) => {
          const numbers = [
            h.phone ? word("home.hotlines.call", { number: h.phone }) : null,
            h.whatsapp ? word("home.hotlines.whatsapp", { number: h.whatsapp }) : null,
          ]
            .filter(Boolean)
            .join(" · ");
          return { text: [{ text: word(`home.hotlines.${h.id}.name`), bold: true }, numbers ? ` — ${numbers}` : ""] };
        }),
      },
      { text: word("home.hotlines.lead"), italics: true, fontSize: 8, margin: [0, 2, 0, 0] },
    ],
  };
}

// Signs on top of the home page's six, from the job-checker's taxonomy (/work/shared/jobcheck): debt bondage,
// secrecy, fees to a personal account, fast departure, altered identity.
const MORE_SIGNS = [
  'Biaya atau "uang jaminan" diminta ditransfer ke rekening pribadi atau dompet digital sebelum berangkat.',
  'Diminta merahasiakan keberangkatan dari keluarga atau petugas, atau diajari berbohong saat wawancara paspor ("bilang mau liburan/umrah").',
  "Berangkat dalam hitungan hari: tanpa pemeriksaan kesehatan, tanpa pelatihan dan orientasi, tanpa kontrak yang ditandatangani di Indonesia.",
  'Umur atau identitas "bisa diatur", atau paspor memakai nama orang lain.',
];

const CHECK_STEPS = [
  "Salin atau foto tawaran kerja itu, lalu periksa di Cek Lowongan (pindai kode QR di bawah). Simpul menunjukkan tanda bahayanya.",
  "Periksa nama perusahaan di Cek Perusahaan: hanya perusahaan penempatan berizin (P3MI) yang boleh merekrut.",
  "Tanyakan ke Disnaker, LTSA PMI, atau petugas PIMPASA desa Anda sebelum membayar atau menyerahkan dokumen.",
];

const REPORT_STEPS = [
  "Buka formulir pengaduan (pindai kode QR di bawah). Anda boleh melapor tanpa nama.",
  "Pilih jenis laporan dan ceritakan apa yang terjadi: siapa yang menawarkan, ke negara mana, nomor telepon atau rekening yang dipakai. Lampirkan tangkapan layar bila ada.",
  "Simpan kode pelacakan dan PIN yang muncul setelah laporan terkirim. Hanya dengan keduanya Anda dapat melihat perkembangan laporan.",
  "Lihat status laporan kapan saja di halaman Status Laporan. Petugas memeriksa laporan dan meneruskannya ke instansi yang berwenang.",
  "Dalam keadaan darurat (seseorang ditahan, dipaksa bekerja, atau dalam bahaya), segera hubungi Polisi 110 atau SAPA 129.",
];

const TITLES: Record<LeafletName, { title: string; lead: string }> = {
  "waspada-lowongan-palsu": {
    title: "Waspada lowongan kerja palsu",
    lead: "Perdagangan orang sering dimulai dari tawaran kerja ke luar negeri yang terlalu indah. Kenali tandanya sebelum berangkat.",
  },
  "cara-melapor": {
    title: "Cara melapor",
    lead: "Melihat tawaran kerja mencurigakan, atau keluarga Anda bermasalah di luar negeri? Laporkan. Laporan Anda dijaga kerahasiaannya.",
  },
};

export function leafletTitle(name: LeafletName): string {
  return TITLES[name].title;
}

export function leafletDocument(name: LeafletName, baseUrl: string): TDocumentDefinitions {
  const links = leafletLinks(baseUrl);
  const { title, lead } = TITLES[name];
  const body: Content[] =
    name === "waspada-lowongan-palsu"
      ? [
          { text: word("home.warning.title"), style: "h2" },
          {
            ul: [
              ...(["easyMoney", "noCost", "socialMedia", "touristVisa", "passport", "scam"] as const).map((s) =>
                word(`home.warning.signs.${s}`),
              ),
              ...MORE_SIGNS,
            ],
          },
          { text: "Cara memeriksa tawaran kerja", style: "h2" },
          { ol: [...CHECK_STEPS] },
          { text: word("home.warning.action"), italics: true, margin: [0, 4, 0, 0] },
        ]
      : [
          { text: "Langkah melapor", style: "h2" },
          { ol: [...REPORT_STEPS.slice(0, 3), `${REPORT_STEPS[3]} (${links.reportStatus})`, REPORT_STEPS[4]!] },
          { text: word("home.safe.title"), style: "h2" },
          { ul: (["register", "licensed", "visa", "documents"] as const).map((s) => word(`home.safe.steps.${s}.title`)) },
        ];
  return {
    pageSize: "A5",
    pageMargins: [28, 26, 28, 30],
    info: { title, creator: "Simpul" },
    defaultStyle: { font: "Roboto", fontSize: 8.5, lineHeight: 1.1 },
    styles: { h2: { bold: true, fontSize: 11, color: INK, margin: [0, 8, 0, 3] } },
    footer: { text: "Gugus Tugas PP-TPPO · Simpul · boleh diperbanyak", alignment: "center", fontSize: 7, color: "#555" },
    content: [
      { text: title.toUpperCase(), bold: true, fontSize: 16, color: INK },
      { text: lead, margin: [0, 4, 0, 2] },
      ...body,
      {
        columns: [qrBlock("Cek Lowongan", links.jobCheck), qrBlock("Lapor", links.report)],
        columnGap: 12,
        margin: [0, 10, 0, 4],
        unbreakable: true,
      } as Content,
      hotlines(),
    ],
  };
}

export function leafletPdf(name: LeafletName, baseUrl: string): Promise<Buffer> {
  return renderPdf(leafletDocument(name, baseUrl));
}
