// Attachment files: the real type from magic bytes; images decoded and written again without metadata
// (images.ts: EXIF GPS in a phone photo identifies the reporter); PDFs checked whole and passive
// (pdf-safety.ts) and their metadata blanked (pdf-metadata.ts); durable content-addressed storage.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { reencodeImage } from "./images";
import { stripPdf } from "./pdf-metadata";
import { checkPdf } from "./pdf-safety";

import type { MediaType } from "../../../core/attachments";

export { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type MediaType } from "../../../core/attachments";

export class UnsupportedFile extends Error {}

export function sniff(buf: Buffer): MediaType | undefined {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return "image/jpeg";
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (buf.length >= 12 && buf.toString("latin1", 0, 4) === "RIFF" && buf.toString("latin1", 8, 12) === "WEBP") return "image/webp";
  if (buf.length >= 5 && buf.toString("latin1", 0, 5) === "%PDF-") return "application/pdf";
  return undefined;
}

export type Cleaned = { mediaType: MediaType; data: Buffer; stripped: string[] };

/**
 * Sniffs the type and makes the file safe to keep: an image is re-encoded (throws ImageNotDecodable when
 * it does not decode), a PDF is refused when cut off or active (PdfRefused) and its metadata blanked
 * (PdfNotCleanable when that is impossible). Other types throw UnsupportedFile.
 */
export async function cleanAttachment(buf: Buffer): Promise<Cleaned> {
  const mediaType = sniff(buf);
  switch (mediaType) {
    case "image/jpeg":
    case "image/png":
    case "image/webp":
      return { mediaType, ...(await reencodeImage(buf, mediaType)) };
    case "application/pdf":
      // Staff download it as an attachment, never inline.
      checkPdf(buf);
      return { mediaType, ...stripPdf(buf) };
    default:
      throw new UnsupportedFile("unsupported type");
  }
}

// ---- storage

/**
 * Content-addressed files under <dataDir>/attachments/<aa>/<sha256>. A file is written to a temp
 * name, fsynced, renamed into place and the directory fsynced, so once put() returns the file
 * survives a crash; only then may a database row point at it. Content already stored is written
 * again anyway: the rename refreshes its mtime, which the orphan cleanup checks before removing.
 */
export class AttachmentStore {
  readonly root: string;
  /** `folder`: each feature keeps its own folder, so one feature's cleanup never removes another's file. */
  constructor(dataDir: string, folder = "attachments") {
    this.root = path.join(dataDir, folder);
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("bad attachment hash");
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(data: Buffer): Promise<string> {
    const sha = createHash("sha256").update(data).digest("hex");
    const final = this.pathOf(sha);
    const dir = path.dirname(final);
    const tmpDir = path.join(this.root, "tmp");
    await fs.mkdir(dir, { recursive: true });
    await fs.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${sha}.${randomBytes(6).toString("hex")}`);
    const fh = await fs.open(tmp, "wx", 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, final);
    await syncDir(dir);
    return sha;
  }

  async read(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }

  /**
   * Every stored file (content hash and mtime), and every temp file left by an interrupted put()
   * (sha256 undefined). For the orphan cleanup; a missing store yields nothing.
   */
  async *files(): AsyncGenerator<{ file: string; sha256?: string; mtime: Date }> {
    let dirs: string[];
    try {
      dirs = await fs.readdir(this.root);
    } catch {
      return;
    }
    for (const dir of dirs.sort()) {
      if (dir !== "tmp" && !/^[0-9a-f]{2}$/.test(dir)) continue;
      let names: string[];
      try {
        names = await fs.readdir(path.join(this.root, dir));
      } catch {
        continue;
      }
      for (const name of names) {
        const file = path.join(this.root, dir, name);
        const sha256 = dir !== "tmp" && /^[0-9a-f]{64}$/.test(name) && name.startsWith(dir) ? name : undefined;
        if (dir !== "tmp" && !sha256) continue; // not ours: leave it alone
        try {
          yield { file, sha256, mtime: (await fs.stat(file)).mtime };
        } catch {
          // removed meanwhile
        }
      }
    }
  }

  /** Removes a temp file left by an interrupted write, unless it changed after `olderThan`. */
  async removeTemp(file: string, olderThan: Date): Promise<boolean> {
    if (path.dirname(file) !== path.join(this.root, "tmp")) throw new Error("not a temp file");
    return removeIfOlder(file, olderThan);
  }

  /** Removes a file unless it was (re)written after `olderThan`; true when it removed it. */
  async remove(sha256: string, olderThan: Date): Promise<boolean> {
    return removeIfOlder(this.pathOf(sha256), olderThan);
  }
}

async function removeIfOlder(file: string, olderThan: Date): Promise<boolean> {
  try {
    if ((await fs.stat(file)).mtime >= olderThan) return false;
  } catch {
    return false;
  }
  await fs.rm(file, { force: true });
  return true;
}

async function syncDir(dir: string): Promise<void> {
  const fh = await fs.open(dir, "r");
  try {
    await fh.sync();
  } catch {
    // some filesystems refuse fsync on directories; the rename is still atomic
  } finally {
    await fh.close();
  }
}
