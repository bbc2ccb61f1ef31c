// Desa Binaan and outreach end to end: a volunteer reloads the session form on a 360 px phone
// without a connection (the service worker keeps the app on the device), records a session, sees it
// waiting on the device, and it is sent exactly once when the connection returns; then edits it.
// A PIMPASA officer opens the village map (boundaries imported with the CLI before the
// server starts), sees the legend, and goes from a desa to its village page to update its designation.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Authenticator, signIn } from "./support/auth";
import { launchBrowser, newPage } from "./support/browser";
import { cameraJpeg, hasExif } from "./support/images";
import { DEMO_PASSWORD, type RunningServer, startServer } from "./support/server";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const GEOJSON = resolve(repoRoot, "../shared/data/geo/serang-desa.geojson");
const HAS_GEOJSON = existsSync(GEOJSON);

let server: RunningServer;
let browser: Browser;
let dataDir = "";
const auth = new Authenticator();

/** `npx simpul …` (bin/simpul.js is what npx runs) against the e2e data directory. */
function simpul(args: string[]): string {
  return execFileSync(process.execPath, [join(repoRoot, "bin/simpul.js"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: {
      ...process.env,
      NODE_ENV: "test",
      SIMPUL_DATA_DIR: dataDir,
      SIMPUL_DEMO_PASSWORD: DEMO_PASSWORD,
      SIMPUL_SEED_REGIONS: "36",
      SIMPUL_LOG_LEVEL: "warn",
    },
    timeout: 300_000,
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "simpul-e2e-outreach-"));
  if (HAS_GEOJSON) {
    // Boundaries go into the database before the server starts (the embedded database has one user at a time).
    simpul(["db", "seed"]);
    const output = simpul(["import", "boundaries", GEOJSON, "--level", "desa"]);
    expect(output).toMatch(/cocok dan disimpan: [1-9]/);
  }
  server = await startServer({ SIMPUL_DATA_DIR: dataDir });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const OFFLINE_NOISE = /ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/;
const VENUE = "Balai Desa (uji luring)";

/** The signed-in user's sessions as the server counts them (the demo volunteer has seeded ones). */
async function sessionTotal(page: Page): Promise<number> {
  return page.evaluate(async () => ((await (await fetch("/api/outreach/sessions")).json()) as { total: number }).total);
}

describe("Sosialisasi: a volunteer records a session offline", () => {
  it("keeps the session on the phone while offline and sends it once when the connection returns", async () => {
    const { context, page, log } = await newPage(browser, server.baseUrl, { width: 360, height: 740 });
    const accepted: number[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith("/api/outreach/sessions") && response.request().method() === "POST") accepted.push(response.status());
    });

    await signIn(page, auth, "relawan");
    await page.goto("/konsol/sosialisasi");
    await page.getByRole("heading", { level: 1, name: "Sosialisasi" }).waitFor();
    const before = await sessionTotal(page);
    await page
      .getByTestId("session-count")
      .filter({ hasText: `${before} sesi` })
      .waitFor();
    // The volunteer's desa is known on the device before the connection drops.
    await page.waitForFunction(() =>
      Object.keys(window.localStorage).some((key) => key.startsWith("simpul.regionChildren.self.36.04.12.2001")),
    );
    // The service worker is installed (its files are on the device) before the connection drops.
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);

    await context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch("/api/auth/me").then(
          () => "reached",
          () => "unreachable",
        ),
      ),
    ).toBe("unreachable");
    await page.getByRole("link", { name: "Catat sesi" }).click();
    await page.getByRole("heading", { level: 1, name: "Catat sesi sosialisasi" }).waitFor();
    // A reload without a connection: the app comes from the device, the form opens again.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Catat sesi sosialisasi" }).waitFor();
    // The only assigned desa is not asked for: it is shown, not picked.
    expect(await page.getByRole("combobox", { name: /^Desa/ }).count()).toBe(0);
    expect(await page.getByLabel(/^Desa/).inputValue()).toMatch(/^Pontang/);
    await page.getByLabel(/^Tanggal/).fill("2026-01-20");
    await page.getByLabel(/^Jam mulai/).fill("09:00");
    await page.getByLabel(/^Lokasi/).fill(VENUE);
    await page.getByRole("checkbox", { name: "Masyarakat umum" }).check();
    await page.getByRole("checkbox", { name: "Calon PMI dan keluarga" }).check();
    await page.getByLabel("Perempuan umur 18–24").fill("12");
    await page.getByLabel("Laki-laki umur 25–39").fill("8");
    await page.getByRole("status").filter({ hasText: "Jumlah: 20 orang" }).waitFor();
    await page.getByRole("checkbox", { name: /Nomor pengaduan/ }).check();
    await page.getByRole("checkbox", { name: /^Visa kerja/ }).check();
    await page.getByLabel(/^Bahan yang dipakai/).fill("Leaflet Cek Lowongan");
    await noHorizontalScroll(page);
    // Large touch targets on the phone.
    const submit = page.getByRole("button", { name: "Simpan sesi" });
    expect((await submit.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    const box = await page.getByLabel("Perempuan umur 18–24").boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);

    await submit.click();
    await page.getByRole("heading", { level: 1, name: "Sosialisasi" }).waitFor();
    await page.getByRole("heading", { name: "Menunggu dikirim (1)" }).waitFor();
    expect(await page.getByTestId("pending-session").count()).toBe(1);
    expect(await page.getByText("Tidak ada koneksi: sesi disimpan di perangkat ini").isVisible()).toBe(true);
    const stored = await page.evaluate(() => JSON.parse(window.localStorage.getItem("simpul.outreachOutbox") ?? "[]") as { id: string }[]);
    expect(stored).toHaveLength(1);
    expect(stored[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(accepted).toEqual([]);
    await noHorizontalScroll(page);

    // At 360 px the sessions are cards, not a table that scrolls sideways.
    expect(await page.locator('[data-layout="cards"]').count()).toBe(1);
    expect(await page.locator("table[data-layout]").count()).toBe(0);
    // The connection returns: the session goes out by itself, once.
    await context.setOffline(false);
    await page.getByRole("heading", { name: /Menunggu dikirim/ }).waitFor({ state: "detached" });
    await page
      .getByTestId("session-count")
      .filter({ hasText: `${before + 1} sesi` })
      .waitFor();
    const ours = page.getByTestId("session-row").filter({ hasText: VENUE });
    expect(await ours.count()).toBe(1);
    expect(await ours.textContent()).toContain("20 orang");
    expect(accepted).toEqual([201]);
    expect(await page.evaluate(() => window.localStorage.getItem("simpul.outreachOutbox"))).toBe("[]");

    // A fresh start of the app sends nothing again, and the list still holds the session once.
    await page.reload();
    await page
      .getByTestId("session-count")
      .filter({ hasText: `${before + 1} sesi` })
      .waitFor();
    expect(await page.getByTestId("session-row").filter({ hasText: VENUE }).count()).toBe(1);
    expect(await sessionTotal(page)).toBe(before + 1);
    expect(accepted).toEqual([201]);
    // What the service worker keeps on the device is the app, never an API answer.
    const cached = await page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys())
        for (const key of await (await caches.open(name)).keys()) paths.push(new URL(key.url).pathname);
      return paths;
    });
    expect(cached).toContain("/index.html");
    expect(cached.filter((path) => path.startsWith("/api/"))).toEqual([]);
    const worker = await page.request.get("/sw.js");
    expect(worker.headers()["cache-control"]).toBe("no-cache");
    expect(log.errors.filter((e) => !OFFLINE_NOISE.test(e))).toEqual([]);
    await context.close();
  });

  it("sends a session kept on the device when the app starts again, without a duplicate", async () => {
    const { context, page, log } = await newPage(browser, server.baseUrl, { width: 360, height: 740 });
    await signIn(page, auth, "relawan");
    const before = await sessionTotal(page);
    const me = await page.evaluate(async () => (await (await fetch("/api/auth/me")).json()) as { user: { id: string } });
    // A session left on the device by an earlier visit (the same one twice must not matter).
    const id = "3f6c1b1e-7a2d-4c1e-9b7a-1d2e3f4a5b6c";
    await page.evaluate(
      ([userId, sessionId]) => {
        const item = {
          id: sessionId,
          userId,
          desaName: "Pontang",
          queuedAt: Date.now(),
          attempts: 1,
          rejected: null,
          body: {
            id: sessionId,
            status: "held",
            startsAt: "2026-01-21T14:00",
            desaCode: "36.04.12.2001",
            audiences: ["youth_students"],
            topics: ["hotlines"],
            attendance: { male: { under_18: 15 } },
          },
        };
        window.localStorage.setItem("simpul.outreachOutbox", JSON.stringify([item]));
      },
      [me.user.id, id],
    );
    await page.goto("/konsol/sosialisasi");
    await page
      .getByTestId("session-count")
      .filter({ hasText: `${before + 1} sesi` })
      .waitFor();
    expect(await page.getByTestId("session-row").count()).toBe(before + 1);
    expect(await page.evaluate(() => window.localStorage.getItem("simpul.outreachOutbox"))).toBe("[]");
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("opens a session the server refused in the form, to correct it and send it again", async () => {
    const { context, page, log } = await newPage(browser, server.baseUrl, { width: 360, height: 740 });
    const posted: number[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith("/api/outreach/sessions") && response.request().method() === "POST") posted.push(response.status());
    });
    await signIn(page, auth, "relawan");
    const before = await sessionTotal(page);
    const me = await page.evaluate(async () => (await (await fetch("/api/auth/me")).json()) as { user: { id: string } });
    // Kept on the device by an older build that let an end before the start through.
    const id = "7b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    await page.evaluate(
      ([userId, sessionId]) => {
        const body = {
          id: sessionId,
          status: "held",
          startsAt: "2026-01-22T10:00",
          endsAt: "2026-01-22T09:00",
          desaCode: "36.04.12.2001",
          venue: "Posyandu (uji perbaikan)",
          audiences: ["general_public"],
          topics: ["hotlines"],
          attendance: { female: { "25_39": 9 } },
        };
        const item = { id: sessionId, userId, desaName: "Pontang", queuedAt: Date.now(), attempts: 0, rejected: null, body };
        window.localStorage.setItem("simpul.outreachOutbox", JSON.stringify([item]));
      },
      [me.user.id, id],
    );
    await page.goto("/konsol/sosialisasi");
    const pending = page.getByTestId("pending-session");
    await pending.filter({ hasText: "Ditolak server" }).waitFor();
    expect(posted).toEqual([400]);
    await pending.getByRole("link", { name: "Perbaiki" }).click();

    await page.getByRole("heading", { level: 1, name: "Perbaiki sesi yang ditolak" }).waitFor();
    expect(await page.getByLabel(/^Lokasi/).inputValue()).toBe("Posyandu (uji perbaikan)");
    expect(await page.getByLabel("Perempuan umur 25–39").inputValue()).toBe("9");
    expect(await page.getByLabel(/^Jam selesai/).inputValue()).toBe("09:00");
    expect(await page.getByText("Jam selesai harus sesudah jam mulai.").count()).toBeGreaterThan(0);
    // Still before the start: the form itself refuses it, nothing is sent.
    await page.getByLabel(/^Jam selesai/).fill("09:30");
    await page.getByRole("button", { name: "Simpan sesi" }).click();
    await page.getByRole("alert").filter({ hasText: "Periksa kembali" }).waitFor();
    expect(await page.getByText("Jam selesai harus sesudah jam mulai.").isVisible()).toBe(true);
    expect(posted).toEqual([400]);

    await page.getByLabel(/^Jam selesai/).fill("12:00");
    await page.getByRole("button", { name: "Simpan sesi" }).click();
    await page.getByText("Sesi tersimpan di server.").waitFor();
    expect(posted).toEqual([400, 201]);
    expect(await page.getByTestId("pending-session").count()).toBe(0);
    expect(await page.evaluate(() => window.localStorage.getItem("simpul.outreachOutbox"))).toBe("[]");
    expect(await sessionTotal(page)).toBe(before + 1);
    expect(log.errors.filter((e) => !/400 \(Bad Request\)/.test(e))).toEqual([]);
    await context.close();
  });

  it("edits a recorded session from the list with the same form", async () => {
    const { context, page, log } = await newPage(browser, server.baseUrl, { width: 360, height: 740 });
    const patched: number[] = [];
    page.on("response", (response) => {
      if (/\/api\/outreach\/sessions\/[0-9a-f-]{36}$/.test(response.url()) && response.request().method() === "PATCH")
        patched.push(response.status());
    });
    await signIn(page, auth, "relawan");
    await page.goto("/konsol/sosialisasi");
    const row = page.getByTestId("session-row").filter({ hasText: VENUE });
    await row.waitFor();
    await row.getByRole("link", { name: /^Ubah sesi/ }).click();
    await page.getByRole("heading", { level: 1, name: "Ubah sesi sosialisasi" }).waitFor();
    // The form holds the session as recorded.
    expect(await page.getByLabel(/^Lokasi/).inputValue()).toBe(VENUE);
    expect(await page.getByLabel(/^Tanggal/).inputValue()).toBe("2026-01-20");
    expect(await page.getByLabel("Perempuan umur 18–24").inputValue()).toBe("12");
    expect(await page.getByRole("checkbox", { name: "Masyarakat umum" }).isChecked()).toBe(true);
    await page.getByLabel("Perempuan umur 18–24").fill("15");
    await page.getByRole("status").filter({ hasText: "Jumlah: 23 orang" }).waitFor();
    await noHorizontalScroll(page);
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.getByText("Perubahan sesi tersimpan di server.").waitFor();
    await row.filter({ hasText: "23 orang" }).waitFor();
    expect(patched).toEqual([200]);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});

/** A real JPEG drawn by the browser, as a phone camera would hand it over. */
async function canvasJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext("2d");
    if (!g) throw new Error("no canvas");
    g.fillStyle = "#0b7285";
    g.fillRect(0, 0, 64, 48);
    return canvas.toDataURL("image/jpeg", 0.8).split(",")[1] ?? "";
  });
  return Buffer.from(base64, "base64");
}

describe("Sosialisasi: photos of a session", () => {
  it("sends the photos chosen in the phone form after the session, shows them as thumbnails, and removes one", async () => {
    const { context, page, log } = await newPage(browser, server.baseUrl, { width: 360, height: 740 });
    await signIn(page, auth, "relawan");
    await page.goto("/konsol/sosialisasi/baru");
    await page.getByRole("heading", { level: 1, name: "Catat sesi sosialisasi" }).waitFor();
    await page.getByLabel(/^Tanggal/).fill("2026-02-02");
    await page.getByLabel(/^Lokasi/).fill("Aula foto kecil");
    await page.getByRole("checkbox", { name: "Masyarakat umum" }).check();
    await page.getByRole("checkbox", { name: /Nomor pengaduan/ }).check();
    await page
      .locator('form input[type="file"]')
      .setInputFiles({ name: "sosialisasi.jpg", mimeType: "image/jpeg", buffer: await canvasJpeg(page) });
    await page.getByTestId("chosen-photos").getByText("sosialisasi.jpg").waitFor();
    await noHorizontalScroll(page);
    await page.getByRole("button", { name: "Simpan sesi" }).click();
    await page.getByRole("heading", { level: 1, name: "Sosialisasi", exact: true }).waitFor();

    // The demo programme has later sessions of this volunteer: find ours by its venue.
    const row = page.getByTestId("session-row").filter({ hasText: "Aula foto kecil" });
    await row.getByRole("button", { name: /^Foto sesi di .* \(1\)$/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("img", { name: /^Foto 1 sesi di / }).waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="session-photos"] img');
      return img?.complete === true && img.naturalWidth === 64;
    });
    await noHorizontalScroll(page);

    page.once("dialog", (confirm) => void confirm.accept());
    await dialog.getByRole("button", { name: "Hapus foto 1" }).click();
    await dialog.getByText("Belum ada foto.").waitFor();
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("makes a camera photo smaller on the phone, turned upright and without GPS, before it is sent", async () => {
    const { context, page, log } = await newPage(browser, server.baseUrl, { width: 360, height: 740 });
    await signIn(page, auth, "relawan");
    await page.goto("/konsol/sosialisasi/baru");
    await page.getByRole("heading", { level: 1, name: "Catat sesi sosialisasi" }).waitFor();
    const original = await cameraJpeg(page);
    // Bigger than the 5 MB limit as taken: without the preparation step it could not be sent at all.
    expect(original.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(hasExif(original)).toBe(true);
    // The bytes the app hands to the network (the browser does not show a file body to the test's request log).
    await page.evaluate(() => {
      const sent: string[] = [];
      Object.assign(window, { sentPhotos: sent });
      const original = window.fetch.bind(window);
      window.fetch = async (input, init) => {
        if (String(input).endsWith("/photos") && init?.body instanceof Blob) {
          const bytes = new Uint8Array(await init.body.arrayBuffer());
          let text = "";
          for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          sent.push(btoa(text));
        }
        return original(input, init);
      };
    });

    await page.getByLabel(/^Tanggal/).fill("2026-02-03");
    await page.getByLabel(/^Lokasi/).fill("Aula kamera besar");
    await page.getByRole("checkbox", { name: "Masyarakat umum" }).check();
    await page.getByRole("checkbox", { name: /Nomor pengaduan/ }).check();
    await page.locator('form input[type="file"]').setInputFiles({ name: "IMG_20260203.jpg", mimeType: "image/jpeg", buffer: original });
    // The volunteer sees what will be sent and what it was.
    const chosen = page.getByTestId("chosen-photos");
    await chosen.getByText(/\d+ KB dikirim \(aslinya 5,\d MB\)/).waitFor();
    expect(await page.getByText("Sebagian berkas tidak dipilih").count()).toBe(0);
    await page.getByRole("button", { name: "Simpan sesi" }).click();
    await page.getByRole("heading", { level: 1, name: "Sosialisasi", exact: true }).waitFor();

    // What left the phone: a small JPEG without EXIF or GPS.
    const sent = await page.evaluate(() => (window as unknown as { sentPhotos: string[] }).sentPhotos);
    expect(sent).toHaveLength(1);
    const uploaded = Buffer.from(sent[0], "base64");
    expect(uploaded.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(uploaded.length).toBeLessThan(original.length / 5);
    expect(hasExif(uploaded)).toBe(false);

    // What the server stored: as small, no metadata, upright (the camera said "turn 90° clockwise").
    const row = page.getByTestId("session-row").filter({ hasText: "Aula kamera besar" });
    await row.getByRole("button", { name: /^Foto sesi di .* \(1\)$/ }).click();
    const thumbnail = page.getByRole("dialog").getByRole("img", { name: /^Foto 1 sesi di / });
    await thumbnail.waitFor();
    const stored = Buffer.from(await (await page.request.get((await thumbnail.getAttribute("src")) ?? "")).body());
    expect(stored.length).toBeLessThan(original.length / 5);
    expect(stored.length).toBeLessThanOrEqual(uploaded.length);
    expect(hasExif(stored)).toBe(false);
    const shown = await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="session-photos"] img');
      if (!img?.complete || img.naturalWidth === 0) return null;
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const g = canvas.getContext("2d");
      g?.drawImage(img, 0, 0);
      const at = (x: number, y: number) => Array.from(g?.getImageData(x, y, 1, 1).data ?? []);
      return { width: img.naturalWidth, height: img.naturalHeight, top: at(600, 300), bottom: at(600, 1300) };
    });
    const { width, height, top, bottom } = (await shown.jsonValue()) as { width: number; height: number; top: number[]; bottom: number[] };
    expect({ width, height }).toEqual({ width: 1200, height: 1600 });
    // Turned clockwise, the red left half of the sensor image is on top and the blue right half below.
    expect(top[0]).toBeGreaterThan(top[2] + 100);
    expect(bottom[2]).toBeGreaterThan(bottom[0] + 100);
    console.info(`camera photo ${original.length} B → sent ${uploaded.length} B → stored ${stored.length} B (${width}×${height})`);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});

describe("Desa Binaan on a phone", () => {
  it("pages the 326 desa as cards, and lists only the kecamatan of a PIMPASA's jurisdiction", async () => {
    const { context, page, log } = await newPage(browser, server.baseUrl, { width: 360, height: 740 });
    await signIn(page, auth, "koordinator");
    await page.goto("/konsol/desa");
    await page.getByRole("heading", { level: 1, name: "Desa Binaan" }).waitFor();
    const cards = page.locator('[data-layout="cards"] [data-testid="village-row"]');
    await page.getByTestId("pager-range").filter({ hasText: "1–50 dari 326" }).waitFor();
    expect(await cards.count()).toBe(50);
    await noHorizontalScroll(page);
    // All 326 desa as one table were 26,787 px tall at this width.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.info(`desa list at 360 px: ${height} px tall (page of 50 cards)`);
    expect(height).toBeLessThan(20_000);
    const firstPage = await cards.first().textContent();
    await page.getByRole("button", { name: "Berikutnya" }).click();
    await page.getByTestId("pager-range").filter({ hasText: "51–100 dari 326" }).waitFor();
    await expect.poll(() => cards.first().textContent()).not.toBe(firstPage);
    expect(await cards.count()).toBe(50);
    expect(log.errors).toEqual([]);
    await context.close();

    const phone = await newPage(browser, server.baseUrl, { width: 360, height: 740 });
    const { page: pimpasa } = phone;
    await signIn(pimpasa, auth, "pimpasa");
    await pimpasa.goto("/konsol/desa");
    await pimpasa.getByRole("status").filter({ hasText: "25 desa" }).waitFor();
    await pimpasa.getByLabel("Kecamatan").locator("option", { hasText: "Tirtayasa" }).waitFor({ state: "attached" });
    const kecamatan = await pimpasa.getByLabel("Kecamatan").locator("option").allTextContents();
    expect(kecamatan.slice(1).sort()).toEqual(["Pontang", "Tirtayasa"]);
    expect(await pimpasa.getByTestId("pager-range").count()).toBe(0);
    expect(phone.log.errors).toEqual([]);
    await phone.context.close();
  });

  it("opens a village page from a shared link, and keeps a decree date known only to the month when it is edited", async () => {
    const { context, page, log } = await newPage(browser, server.baseUrl, { width: 360, height: 740 });
    await signIn(page, auth, "pimpasa");
    // A link (or a reload) straight to the village page: the server answers with the app.
    await page.goto("/konsol/desa/36.04.13.2002");
    await page.getByRole("heading", { level: 1, name: /^Desa / }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /^Desa / }).waitFor();
    // The demo designation dates the decree to September 2023, no day.
    await page.getByText("September 2023", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Ubah penetapan" }).click();
    const decreeDate = page.getByRole("group", { name: "Tanggal SK" });
    expect(await decreeDate.getByLabel("Tahun").inputValue()).toBe("2023");
    expect(await decreeDate.getByLabel("Bulan").inputValue()).toBe("09");
    expect(await decreeDate.getByLabel("Tanggal").inputValue()).toBe("");
    await page.getByLabel("Nama narahubung").fill("Ibu Kaur Umum");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.getByText("Ibu Kaur Umum").waitFor();
    expect(await page.getByText("September 2023", { exact: true }).isVisible()).toBe(true);
    const stored = await page.evaluate(
      async () => ((await (await fetch("/api/villages/36.04.13.2002")).json()) as { decreeDate: string }).decreeDate,
    );
    expect(stored).toBe("2023-09");
    await noHorizontalScroll(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});

describe.skipIf(!HAS_GEOJSON)("Peta desa", () => {
  it("shows the desa coloured on the map with a legend and leads to the village page", async () => {
    const { context, page, log } = await newPage(browser, server.baseUrl);
    await signIn(page, auth, "pimpasa");
    await page.getByRole("navigation").getByRole("link", { name: "Peta desa" }).click();
    await page.getByRole("heading", { level: 1, name: "Peta desa" }).waitFor();
    const legend = page.getByTestId("map-legend");
    await legend.waitFor();
    expect(await legend.textContent()).toContain("Tinggi");
    // The chart rendered from the imported boundaries, on a canvas, without a how-to.
    await page.locator('[data-testid="village-map"][data-rendered="true"]').waitFor();
    expect(await page.getByTestId("village-map").locator("canvas").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("map-howto").count()).toBe(0);

    await page.locator("label", { hasText: "Status program" }).click();
    expect(await page.getByRole("radio", { name: "Status program" }).isChecked()).toBe(true);
    await legend.filter({ hasText: "Desa Binaan aktif" }).waitFor();
    await page.locator('[data-testid="village-map"][data-rendered="true"]').waitFor();
    // The PIMPASA's jurisdiction is Pontang and Tirtayasa: their desa are the seeded active Desa Binaan.
    const rows = page.getByTestId("map-row");
    expect(await rows.count()).toBeGreaterThan(10);
    expect(await rows.first().textContent()).toContain("Desa Binaan aktif");

    // The table is the keyboard path to the same desa the map shows.
    const link = rows.first().getByRole("link");
    const name = ((await link.textContent()) ?? "").trim();
    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: `Desa ${name}` }).waitFor();
    expect(page.url()).toMatch(/\/konsol\/desa\/36\.04\.1[23]\.\d{4}$/);
    await page.getByTestId("risk-reason").waitFor();

    // The PIMPASA updates the designation of a village in their jurisdiction.
    await page.getByRole("button", { name: "Ubah penetapan" }).click();
    await page.getByLabel("Nomor SK").fill("W.9.IMI.IMI.5-UM.01.01-1234");
    const decreeDate = page.getByRole("group", { name: "Tanggal SK" });
    await decreeDate.getByLabel("Tanggal").selectOption("12");
    await page.getByLabel("Nama narahubung").fill("Bapak Sekdes");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.getByText("W.9.IMI.IMI.5-UM.01.01-1234").waitFor();
    await page.getByText("12 September 2023").waitFor();
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
