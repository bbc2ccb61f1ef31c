// The chat text of a WhatsApp export (.zip): WhatsApp writes one text file (`_chat.txt` or
// `WhatsApp Chat with ….txt`) and, when exported with media, the photos beside it. Only the text
// entry is read, inflated in memory with a size cap; media entries are never decompressed.
import { inflateRawSync } from "node:zlib";

export class NotAChatExport extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === LOCAL;
}

type Entry = { name: string; method: number; flags: number; compressedSize: number; size: number; localOffset: number };

function entriesOf(buf: Buffer): Entry[] {
  // The end record sits in the last 22 bytes plus an archive comment of at most 64 KiB.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotAChatExport("no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new NotAChatExport("broken central directory");
    const nameLength = buf.readUInt16LE(at + 28);
    entries.push({
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** The chat text inside an exported .zip; throws NotAChatExport when there is none or it exceeds `maxBytes`. */
export function chatTextOfZip(buf: Buffer, maxBytes: number): string {
  const texts = entriesOf(buf).filter((e) => /\.txt$/i.test(e.name) && !e.name.includes("/"));
  const entry = texts.find((e) => /(^_chat|^whatsapp)/i.test(e.name)) ?? texts[0];
  if (!entry) throw new NotAChatExport("no chat text in the archive");
  // Encrypted entries and ZIP64 sizes are not what WhatsApp writes.
  if (entry.flags & 1 || entry.size === 0xffffffff || entry.size > maxBytes) throw new NotAChatExport("unsupported entry");
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new NotAChatExport("broken local header");
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data.toString("utf8");
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes }).toString("utf8");
  } catch {
    throw new NotAChatExport("cannot inflate");
  }
  throw new NotAChatExport("unsupported compression");
}
