// A village group export as WhatsApp writes it (Indonesian phone locale: dd/mm/yy HH.mm), and a
// minimal .zip writer to wrap it the way "Export chat → include media" does. Fictional content.
import { deflateRawSync } from "node:zlib";

export const MARKER = "Kalibaru-7Q";

export const GROUP_EXPORT = [
  "02/11/26 14.05 - Pesan dan panggilan dienkripsi secara end-to-end.",
  `02/11/26 14.06 - Bu Siti: Assalamualaikum warga, besok kerja bakti di balai desa ${MARKER} jam 7 pagi ya`,
  "02/11/26 14.07 - +62 812-3456-7890: Dibutuhkan admin online di Kamboja gaji 15jt/bulan, tanpa pengalaman,",
  "berangkat gratis pakai visa turis. Minat WA 0812-3456-7890",
  "02/11/26 19.30 - Pak RT: siap bu",
  "03/11/26 08.15 - Andi: <Media tidak disertakan>",
  `03/11/26 09.00 - Dewi: Info loker toko bangunan di Kragilan, gaji UMK Serang, lamaran ke kantor ${MARKER}`,
].join("\n");

/** The fields a local file header and its central directory record share, from "version needed" to the
 *  name length, written at `at` (4 in the local header, 6 in the central record); the CRC is left 0. */
function writeEntryFields(header: Buffer, at: number, entry: { packed: number; size: number; name: number }) {
  header.writeUInt16LE(20, at); // version needed: 2.0
  header.writeUInt16LE(8, at + 4); // method: deflate
  header.writeUInt32LE(entry.packed, at + 14);
  header.writeUInt32LE(entry.size, at + 18);
  header.writeUInt16LE(entry.name, at + 22);
}

/** A .zip (deflate) holding the given files, as WhatsApp's export writes it. */
export function zipOf(files: Record<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
    const packed = deflateRawSync(data);
    const nameBuf = Buffer.from(name, "utf8");
    const entry = { packed: packed.length, size: data.length, name: nameBuf.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, entry);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeEntryFields(central, 6, entry);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}
