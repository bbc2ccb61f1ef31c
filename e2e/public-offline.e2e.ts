// The public side on a cheap phone: a flyer photo read on the server, its verdict, the report form
// pre-filled from the check, a receipt that survives a reload; the public pages offline after one
// visit; the home page readable without JavaScript; unknown addresses answer 404.
import { describe, expect, it } from "vitest";
import { renderFlyerPng } from "../src/server/lib/ocr/flyer.fixtures";
import { newPage } from "./support/browser";
import { serverAndBrowser } from "./support/harness";

const e2e = serverAndBrowser();

describe("a flyer photo on a 360 px phone", () => {
  it("is read, judged, and reported with the form pre-filled; the receipt survives a reload and saves as an image", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl, { width: 360, height: 740 });
    await page.goto("/cek-lowongan");
    await page.getByRole("heading", { level: 1, name: "Cek Lowongan" }).waitFor();

    await page
      .getByLabel("Atau kirim tangkapan layar / foto brosur")
      .setInputFiles({ name: "brosur.png", mimeType: "image/png", buffer: await renderFlyerPng() });
    const level = page.getByTestId("jobcheck-level");
    await level.waitFor({ timeout: 60_000 });
    expect(await level.getAttribute("data-level")).toBe("tinggi");
    // The text read from the image is in the box, with its phone number repaired.
    const text = await page.getByLabel("Pesan tawaran kerja").inputValue();
    expect(text).toMatch(/Kamboja/);
    expect(text).toContain("081234567890");
    const flags = await page.locator("[data-flag]").evaluateAll((els) => els.map((el) => el.getAttribute("data-flag")));
    expect(flags).toContain("tourist_visa");

    await page.getByRole("link", { name: "Laporkan tawaran ini" }).click();
    await page.getByRole("heading", { level: 1, name: "Laporkan dugaan perdagangan orang" }).waitFor();
    expect(await page.getByLabel("Teks tawaran kerja").inputValue()).toBe(text);
    expect(await page.getByLabel("Nomor telepon/WhatsApp").first().inputValue()).toBe("+6281234567890");
    expect(await page.getByRole("radio", { name: /Tawaran kerja mencurigakan/ }).isChecked()).toBe(true);

    // A draft survives a reload.
    await page.getByLabel("Apa yang terjadi?").fill("Brosur ini dibagikan di grup desa kami.");
    await page.waitForTimeout(700);
    await page.reload();
    await page.getByTestId("draft-restored").waitFor();
    expect(await page.getByLabel("Apa yang terjadi?").inputValue()).toBe("Brosur ini dibagikan di grup desa kami.");
    expect(await page.getByLabel("Teks tawaran kerja").inputValue()).toBe(text);

    await page.getByLabel("Saya setuju dan menyatakan laporan ini sesuai yang saya ketahui.").check();
    await page.getByRole("button", { name: "Kirim laporan" }).click();
    const code = await page.getByTestId("tracking-code").textContent();
    const pin = await page.getByTestId("tracking-pin").textContent();
    expect(code).toMatch(/^[A-Z0-9]{4,}-[A-Z0-9]{4,}$/);
    expect(await page.evaluate(() => window.localStorage.getItem("simpul.reportForm"))).toBeNull();

    await page.reload();
    expect(await page.getByTestId("tracking-code").textContent()).toBe(code);
    expect(await page.getByTestId("tracking-pin").textContent()).toBe(pin);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Simpan sebagai gambar" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`simpul-laporan-${code}.png`);
    const png = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");

    await page.getByRole("button", { name: "Sudah saya simpan, buat laporan baru" }).click();
    await page.getByRole("button", { name: "Kirim laporan" }).waitFor();
    expect(await page.getByLabel("Apa yang terjadi?").inputValue()).toBe("");
    expect(log.errors).toEqual([]);
    await context.close();
  });
});

describe("the public pages offline", () => {
  it("open after one visit, and the checker works after an offline reload", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await page.goto("/cek-lowongan");
    await page.getByLabel("Pesan tawaran kerja").waitFor();
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Cek Lowongan" }).waitFor();
    await page.getByLabel("Pesan tawaran kerja").fill("Dibutuhkan admin di Kamboja gaji 15jt, berangkat gratis pakai visa turis.");
    await page.getByRole("button", { name: "Periksa" }).click();
    await page.getByRole("heading", { level: 2, name: "Risiko tinggi" }).waitFor();

    for (const [path, heading] of [
      ["/", "Bekerja ke luar negeri? Pastikan aman dan resmi."],
      ["/cek-perusahaan", "Cek Perusahaan Penempatan"],
      ["/lapor", "Laporkan dugaan perdagangan orang"],
      ["/lapor/status", "Status laporan"],
    ]) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    }
    // The console is not kept for a public visitor.
    const consoleKept = await page.evaluate(async () => {
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) if (/\/assets\/Console-/.test(request.url)) return true;
      }
      return false;
    });
    expect(consoleKept).toBe(false);
    await context.setOffline(false);
    expect(log.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
    await context.close();
  });
});

describe("before JavaScript, and unknown addresses", () => {
  it("shows the home page, its hotlines and a link to every public page without JavaScript", async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.server.baseUrl, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Bekerja ke luar negeri? Pastikan aman dan resmi.");
    expect(await page.getByText("SAPA 129").first().isVisible()).toBe(true);
    const hrefs = await page.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs).toEqual(expect.arrayContaining(["/cek-lowongan", "/cek-perusahaan", "/lapor", "/lapor/status", "tel:129"]));
    await context.close();
  });

  it("answers 404 with the app's not-found page for an unknown public path, and 200 for console deep links", async () => {
    const missing = await fetch(`${e2e.server.baseUrl}/tidak-ada-halaman`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<div id="root">');
    expect((await fetch(`${e2e.server.baseUrl}/konsol/sosialisasi/baru`)).status).toBe(200);
    expect((await fetch(`${e2e.server.baseUrl}/lapor/status`)).status).toBe(200);
    expect((await fetch(`${e2e.server.baseUrl}/api/tidak-ada`)).status).toBe(404);

    const { context, page } = await newPage(e2e.browser, e2e.server.baseUrl);
    await page.goto("/tidak-ada-halaman");
    await page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" }).waitFor();
    await context.close();
  });
});
