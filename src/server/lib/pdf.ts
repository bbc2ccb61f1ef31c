// pdfmake set up once for every PDF the server writes (minutes, periodic reports): the Roboto fonts shipped
// inside the pdfmake package, so nothing is fetched at run time, and documents may not load URLs or any
// other local file (images come in as data URLs built by the caller).
import { createRequire } from "node:module";
import path from "node:path";
import type { Column, Content, TDocumentDefinitions } from "pdfmake/interfaces";

const require = createRequire(import.meta.url);

type PdfMake = {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};

let pdfmake: PdfMake | undefined;
function printer(): PdfMake {
  if (pdfmake) return pdfmake;
  const pm = require("pdfmake") as PdfMake;
  // The Roboto files inside the pdfmake package, opened by path: chart text (an SVG node) is drawn by
  // svg-to-pdfkit, which opens the font file itself and cannot read pdfmake's virtual file system.
  const dir = path.join(path.dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
  const files = {
    normal: path.join(dir, "Roboto-Regular.ttf"),
    bold: path.join(dir, "Roboto-Medium.ttf"),
    italics: path.join(dir, "Roboto-Italic.ttf"),
    bolditalics: path.join(dir, "Roboto-MediumItalic.ttf"),
  };
  pm.setFonts({ Roboto: files });
  // Documents never load images or files from outside: refuse every URL and every local path but the fonts.
  const fonts = new Set(Object.values(files));
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => fonts.has(p));
  pdfmake = pm;
  return pm;
}

/** Renders a document definition (font "Roboto") to PDF bytes. */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return printer().createPdf(doc).getBuffer();
}

/**
 * The letterhead of the task force's documents: the regency's government, the task force's name and a double
 * rule. `logo`: with a value, a slot at the left holds the emblem (a data URL) or, when it is null, an empty
 * framed box where one belongs. Without it (undefined), the text alone, centred.
 */
export function letterhead(regencyName: string, logo?: string | null, width = 475): Content[] {
  const lines: Content[] = [
    { text: `PEMERINTAH ${regencyName.toUpperCase()}`, alignment: "center", bold: true, fontSize: 13 },
    { text: "GUGUS TUGAS PENCEGAHAN DAN PENANGANAN", alignment: "center", bold: true, fontSize: 12 },
    { text: "TINDAK PIDANA PERDAGANGAN ORANG", alignment: "center", bold: true, fontSize: 12 },
  ];
  const rule: Content = {
    canvas: [
      { type: "line", x1: 0, y1: 6, x2: width, y2: 6, lineWidth: 2 },
      { type: "line", x1: 0, y1: 9, x2: width, y2: 9, lineWidth: 0.5 },
    ],
  };
  if (logo === undefined) return [...lines, rule];
  const slot: Column = logo
    ? { image: logo, fit: [52, 52], width: 52 }
    : {
        width: 52,
        stack: [{ canvas: [{ type: "rect", x: 0, y: 0, w: 52, h: 52, lineWidth: 0.5, lineColor: "#999", dash: { length: 2 } }] }],
      };
  return [{ columns: [slot, { width: "*", stack: lines, margin: [0, 6, 52, 0] }], columnGap: 8 }, rule];
}

const IMAGE_TYPES: [Buffer, string][] = [
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png"],
  [Buffer.from([0xff, 0xd8, 0xff]), "image/jpeg"],
];

/** A PNG or JPEG file's bytes as a data URL pdfmake can embed; null for anything else (the slot stays empty). */
export function imageDataUrl(bytes: Buffer | null | undefined): string | null {
  if (!bytes) return null;
  const type = IMAGE_TYPES.find(([magic]) => bytes.subarray(0, magic.length).equals(magic))?.[1];
  return type ? `data:${type};base64,${bytes.toString("base64")}` : null;
}
