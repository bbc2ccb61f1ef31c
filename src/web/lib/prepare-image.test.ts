import { afterEach, describe, expect, it, vi } from "vitest";
import { formatFileSize } from "./format";
import { fitWithin, jpegName, keepPrepared, MAX_EDGE, prepareImage } from "./prepare-image";
import { MAX_INPUT_BYTES, SMALL_ENOUGH_BYTES, shouldPrepare } from "./prepare-image-rules";

const MB = 1024 * 1024;

describe("deciding whether a photo is prepared before upload", () => {
  it("prepares only large JPEG, PNG and WebP photos", () => {
    expect(shouldPrepare({ type: "image/jpeg", size: 4 * MB })).toBe(true);
    expect(shouldPrepare({ type: "image/png", size: 3 * MB })).toBe(true);
    expect(shouldPrepare({ type: "image/webp", size: SMALL_ENOUGH_BYTES + 1 })).toBe(true);
    // Small already: sent as chosen.
    expect(shouldPrepare({ type: "image/jpeg", size: SMALL_ENOUGH_BYTES })).toBe(false);
    expect(shouldPrepare({ type: "image/jpeg", size: 40 * 1024 })).toBe(false);
    // PDFs and other types are never touched.
    expect(shouldPrepare({ type: "application/pdf", size: 4 * MB })).toBe(false);
    expect(shouldPrepare({ type: "image/heic", size: 4 * MB })).toBe(false);
    expect(shouldPrepare({ type: "", size: 4 * MB })).toBe(false);
    // Too big to decode on a cheap phone.
    expect(shouldPrepare({ type: "image/jpeg", size: MAX_INPUT_BYTES + 1 })).toBe(false);
  });

  it("scales the long edge down to the maximum and never enlarges", () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: MAX_EDGE, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: MAX_EDGE });
    expect(fitWithin(1080, 2400)).toEqual({ width: 720, height: 1600 });
    expect(fitWithin(1200, 900)).toEqual({ width: 1200, height: 900 });
    expect(fitWithin(1600, 1600)).toEqual({ width: 1600, height: 1600 });
    // A very thin panorama keeps at least one pixel.
    expect(fitWithin(100_000, 10)).toEqual({ width: MAX_EDGE, height: 1 });
  });

  it("keeps the original unless the new JPEG is smaller", () => {
    expect(keepPrepared(4 * MB, 300 * 1024)).toBe(true);
    expect(keepPrepared(300 * 1024, 300 * 1024)).toBe(false);
    expect(keepPrepared(300 * 1024, 400 * 1024)).toBe(false);
    expect(keepPrepared(300 * 1024, null)).toBe(false);
    expect(keepPrepared(300 * 1024, 0)).toBe(false);
  });

  it("names the prepared file as a JPEG", () => {
    expect(jpegName("IMG_2041.png")).toBe("IMG_2041.jpg");
    expect(jpegName("brosur.lowongan.webp")).toBe("brosur.lowongan.jpg");
    expect(jpegName("foto")).toBe("foto.jpg");
    expect(jpegName(".png")).toBe("foto.jpg");
  });

  it("shows sizes the way people read them", () => {
    expect(formatFileSize(312 * 1024)).toBe("312 KB");
    expect(formatFileSize(100)).toBe("1 KB");
    expect(formatFileSize(4.2 * MB)).toBe("4,2 MB");
  });
});

describe("preparing a photo never blocks its upload", () => {
  afterEach(() => vi.unstubAllGlobals());

  const big = (type = "image/jpeg") => new File([new Uint8Array(3 * MB)], "kamera.jpg", { type });

  /** A browser whose decoder and canvas give a bitmap of `width`×`height` and a JPEG of `encoded` bytes. */
  function fakeBrowser(width: number, height: number, encoded: number | "throw") {
    const drawn: number[][] = [];
    const decode = vi.fn(async () => {
      if (encoded === "throw") throw new DOMException("The source image could not be decoded.", "InvalidStateError");
      return { width, height, close: vi.fn() };
    });
    class FakeCanvas {
      constructor(
        public width: number,
        public height: number,
      ) {}
      getContext() {
        return { fillRect: vi.fn(), drawImage: (_: unknown, ...box: number[]) => drawn.push(box) };
      }
      async convertToBlob() {
        return new Blob([new Uint8Array(encoded as number)], { type: "image/jpeg" });
      }
    }
    vi.stubGlobal("createImageBitmap", decode);
    vi.stubGlobal("OffscreenCanvas", FakeCanvas);
    return { decode, drawn };
  }

  it("sends a smaller JPEG drawn at the reduced size, with the EXIF rotation asked for", async () => {
    const { decode, drawn } = fakeBrowser(4000, 3000, 350 * 1024);
    const prepared = await prepareImage(big());
    expect(prepared.changed).toBe(true);
    expect(prepared.file.size).toBe(350 * 1024);
    expect(prepared.file.type).toBe("image/jpeg");
    expect(prepared.originalSize).toBe(3 * MB);
    expect(decode).toHaveBeenCalledWith(expect.any(File), { imageOrientation: "from-image" });
    expect(drawn).toEqual([[0, 0, 1600, 1200]]);
  });

  it("keeps the original when the new JPEG would be bigger", async () => {
    fakeBrowser(1000, 800, 4 * MB);
    const file = big("image/png");
    const prepared = await prepareImage(file);
    expect(prepared.changed).toBe(false);
    expect(prepared.file).toBe(file);
  });

  it("keeps the original when the browser cannot decode the photo", async () => {
    fakeBrowser(0, 0, "throw");
    const file = big();
    const prepared = await prepareImage(file);
    expect(prepared).toEqual({ file, originalSize: file.size, changed: false });
  });

  it("keeps the original where the browser lacks the APIs (as here, in Node)", async () => {
    const file = big();
    expect((await prepareImage(file)).file).toBe(file);
  });

  it("leaves PDFs and small photos alone without decoding them", async () => {
    const { decode } = fakeBrowser(4000, 3000, 1024);
    const pdf = new File([new Uint8Array(3 * MB)], "surat.pdf", { type: "application/pdf" });
    const small = new File([new Uint8Array(50 * 1024)], "kecil.jpg", { type: "image/jpeg" });
    expect((await prepareImage(pdf)).file).toBe(pdf);
    expect((await prepareImage(small)).file).toBe(small);
    expect(decode).not.toHaveBeenCalled();
  });
});
