// Pengaduan end to end: a resident reports from a 360 px phone (arriving from Cek Lowongan, with a
// dropped connection on the first try), the coordinator verifies and forwards the report to the
// operator's agency, the operator responds with a public note, and the resident sees the progress.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Authenticator, signIn, signOut } from "./support/auth";
import { newPage } from "./support/browser";
import { cameraJpeg, hasExif } from "./support/images";
import { serverAndBrowser } from "./support/harness";

const e2e = serverAndBrowser();
const auth = new Authenticator();

const OFFER = "Lowongan admin di Kamboja gj 15jt/bln, brgkt gratis, visa turis nanti diurus di sana. Minat WA Kak Rina 0812-3456-7890";
// A 1×1 PNG: a real image, so the server's type sniffing accepts it.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const PUBLIC_NOTE_VERIFY = "Laporan Anda sudah kami periksa dan akan diteruskan.";
const PUBLIC_NOTE_AGENCY = "Disnakertrans sudah memanggil perekrut untuk klarifikasi.";

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe("Pengaduan: from a phone to the agency and back", () => {
  let trackingCode = "";
  let pin = "";
  let cameraBytes = 0;

  it("submits a report on a 360 px phone, pre-filled from Cek Lowongan, without a duplicate after a dropped connection", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl, { width: 360, height: 740 });
    await page.goto("/");
    // The home page now offers the report form.
    expect(await page.getByRole("link", { name: /Pengaduan/ }).count()).toBe(1);
    await page.getByRole("link", { name: /Cek Lowongan/ }).click();
    await page.getByLabel("Pesan tawaran kerja").fill(OFFER);
    await page.getByRole("button", { name: "Periksa" }).click();
    await page.getByRole("link", { name: "Laporkan tawaran ini" }).click();
    await page.getByRole("heading", { level: 1, name: "Laporkan dugaan perdagangan orang" }).waitFor();
    expect(await page.getByLabel("Teks tawaran kerja").inputValue()).toBe(OFFER);
    expect(await page.getByRole("radio", { name: /Tawaran kerja mencurigakan/ }).isChecked()).toBe(true);

    // Sending without the required parts explains each one beside its field.
    await page.getByRole("button", { name: "Kirim laporan" }).click();
    await page.getByRole("alert").filter({ hasText: "Periksa kembali isian yang ditandai." }).waitFor();
    expect(await page.getByText("Ceritakan apa yang terjadi (minimal 10 huruf).").isVisible()).toBe(true);
    expect(await page.getByText("Centang persetujuan untuk mengirim laporan.").isVisible()).toBe(true);

    await page
      .getByLabel("Apa yang terjadi?")
      .fill("Adik saya ditawari kerja admin di Kamboja lewat Facebook, berangkat gratis dengan visa turis. Perekrut minta paspor dikirim.");
    await page.getByLabel("Kecamatan").selectOption({ label: "Tirtayasa" });
    await page.getByLabel("Desa/kelurahan").locator("option", { hasText: /\w/ }).nth(1).waitFor({ state: "attached" });
    await page.getByLabel("Tanggal kejadian").fill("2026-01-15");
    await page.getByLabel("Nama atau panggilan").fill("Kak Rina");
    await page.getByLabel("Perannya").selectOption("recruiter");
    await page.getByLabel("Nomor telepon/WhatsApp").fill("0812-3456-7890");
    await page.getByLabel("Akun media sosial").fill("@lowongan_kamboja");
    await page.getByLabel("Rekening bank").fill("BRI 0123 4567 8901");
    await page.getByRole("button", { name: "Tambah orang lain" }).click();
    await page.getByRole("group", { name: "Orang 2" }).getByLabel("Nama atau panggilan").fill("Adik pelapor");
    await page.getByRole("group", { name: "Orang 2" }).getByLabel("Perannya").selectOption("victim");

    await page.getByLabel("Lampiran (foto atau PDF)").setInputFiles({ name: "tangkapan-layar.png", mimeType: "image/png", buffer: PNG });
    await page.getByText("terunggah").waitFor();
    // A photo of the recruiter's leaflet straight from the camera (5.8 MB, GPS): made smaller on the phone.
    const photo = await cameraJpeg(page);
    cameraBytes = photo.length;
    await page.getByLabel("Lampiran (foto atau PDF)").setInputFiles({ name: "brosur.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByText(/^\d+ KB \(aslinya 5,\d MB\) · terunggah$/).waitFor();
    await page.getByRole("checkbox", { name: /Saya setuju/ }).check();
    await noHorizontalScroll(page);

    // The first submission reaches the server but its answer is lost on the way back.
    let attempts = 0;
    await page.route("**/api/public/reports", async (route) => {
      attempts++;
      if (attempts === 1) {
        await route.fetch();
        await route.abort("connectionreset");
      } else await route.continue();
    });
    await page.getByRole("button", { name: "Kirim laporan" }).click();
    await page.getByRole("alert").filter({ hasText: "Koneksi terputus" }).waitFor();
    await page.getByRole("button", { name: "Kirim laporan" }).click();

    await page.getByRole("heading", { level: 1, name: "Laporan Anda sudah diterima" }).waitFor();
    expect(attempts).toBe(2);
    trackingCode = ((await page.getByTestId("tracking-code").textContent()) ?? "").trim();
    pin = ((await page.getByTestId("tracking-pin").textContent()) ?? "").trim();
    expect(trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(pin).toMatch(/^\d{6}$/);
    expect(await page.getByText("PIN tidak akan ditampilkan lagi").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Salin kode dan PIN" }).isVisible()).toBe(true);
    await noHorizontalScroll(page);
    // The acknowledged report no longer holds a pending submission id on the device.
    expect(await page.evaluate(() => window.localStorage.getItem("simpul.reportPending"))).toBeNull();
    expect(log.errors.filter((e) => !/ERR_CONNECTION_RESET|Failed to fetch/.test(e))).toEqual([]);
    await context.close();
  });

  it("lets the coordinator verify the report and forward it to Disnakertrans", async () => {
    expect(trackingCode).not.toBe("");
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "koordinator");
    await page.getByRole("navigation").getByRole("link", { name: "Pengaduan" }).click();
    await page.getByRole("heading", { level: 1, name: "Antrean pengaduan" }).waitFor();
    // One report only: the retry after the dropped connection did not create a second one.
    await page.getByRole("status").filter({ hasText: "1 laporan" }).waitFor();
    expect(await page.getByTestId("report-row").count()).toBe(1);
    await page.getByRole("link", { name: trackingCode }).click();

    await page.getByRole("heading", { level: 1, name: `Laporan ${trackingCode}` }).waitFor();
    expect(await page.getByRole("cell", { name: "Kak Rina" }).isVisible()).toBe(true);
    expect(await page.getByRole("cell", { name: "0812-3456-7890" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: /Lampiran 1 \(PNG\)/ }).isVisible()).toBe(true);
    // The camera photo arrived as a small JPEG without EXIF or GPS.
    const stored = await page.request.get((await page.getByRole("link", { name: /Lampiran 2 \(JPEG\)/ }).getAttribute("href")) ?? "");
    const photo = Buffer.from(await stored.body());
    expect(cameraBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(photo.length).toBeLessThan(cameraBytes / 5);
    expect(hasExif(photo)).toBe(false);

    await page.getByRole("button", { name: "Verifikasi" }).click();
    const verify = page.getByRole("dialog");
    await verify.getByLabel("Catatan untuk pelapor").fill(PUBLIC_NOTE_VERIFY);
    await verify.getByRole("button", { name: "Verifikasi" }).click();
    await verify.waitFor({ state: "detached" });
    await page.locator("main").getByText("Diverifikasi", { exact: true }).first().waitFor();

    await page.getByRole("button", { name: "Teruskan" }).click();
    const forward = page.getByRole("dialog");
    await forward.getByLabel(/Instansi tujuan/).click();
    // BP3MI Banten has no operator account yet: the dialog warns before the report goes nowhere.
    await page.getByRole("option", { name: /BP3MI Banten/ }).click();
    await forward.getByTestId("forward-no-operators").filter({ hasText: "BP3MI Banten" }).waitFor();
    await page.getByRole("option", { name: /BP3MI Banten/ }).click();
    await forward.getByTestId("forward-no-operators").waitFor({ state: "detached" });
    await page.getByRole("option", { name: /Disnakertrans Kabupaten Serang/ }).click();
    expect(await forward.getByTestId("forward-no-operators").count()).toBe(0);
    await forward.getByRole("textbox", { name: /Instruksi/ }).fill("Mohon klarifikasi perekrut dan cek izin perusahaannya.");
    await forward.getByRole("button", { name: "Teruskan" }).click();
    await forward.waitFor({ state: "detached" });
    await page.getByRole("heading", { name: "Diteruskan ke" }).waitFor();
    expect(await page.getByRole("cell", { name: /Disnakertrans Kabupaten Serang/ }).isVisible()).toBe(true);
    // The queue shows the agency's response deadline of the forwarded report, in WIB.
    await page.getByRole("navigation").getByRole("link", { name: "Pengaduan" }).click();
    const queued = page.getByTestId("report-row").filter({ hasText: trackingCode });
    expect(await queued.getByTestId("report-due").textContent()).toMatch(/\d{4}, \d{2}\.\d{2} WIB$/);
    await queued.getByRole("link", { name: trackingCode }).click();
    await page.getByRole("heading", { level: 1, name: `Laporan ${trackingCode}` }).waitFor();

    // A verified report can become a case; the coordinator must name its owner (checked beside the field),
    // found by name or agency in the case-worker picker.
    await page.getByRole("button", { name: "Jadikan kasus" }).click();
    const toCase = page.getByRole("dialog");
    expect(await toCase.getByRole("checkbox", { name: /Salin nama dan telepon pelapor/ }).count()).toBe(0); // no contact was given
    await toCase.getByRole("button", { name: "Buat kasus" }).click();
    await toCase.getByText("Wajib diisi.").waitFor();
    await toCase.getByRole("combobox", { name: /^Pemilik kasus/ }).fill("Polres");
    await page.getByRole("option", { name: /^Penyidik Unit PPA Polres \(demo\) · / }).click();
    await toCase.getByRole("button", { name: "Buat kasus" }).click();
    // The regency's coordinator sees the new case at aggregate level: the console opens it.
    await page.getByRole("heading", { level: 1, name: /^Kasus KS-/ }).waitFor();
    expect(page.url()).toContain("/konsol/kasus/");

    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("lets the operator of Disnakertrans respond with a note for the reporter", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "operator");
    await page.getByRole("navigation").getByRole("link", { name: "Pengaduan" }).click();
    await page.getByRole("heading", { level: 1, name: "Kotak masuk pengaduan" }).waitFor();
    // The inbox shows when the agency's first response is due.
    const inboxRow = page.getByTestId("report-row").filter({ hasText: trackingCode });
    expect(await inboxRow.getByTestId("report-due").textContent()).toMatch(/WIB$/);
    await page.getByRole("link", { name: trackingCode }).click();
    await page.getByRole("heading", { level: 1, name: `Laporan ${trackingCode}` }).waitFor();
    // Coordinator-only steps are not offered to the agency.
    expect(await page.getByRole("button", { name: "Verifikasi" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Teruskan" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Jadikan kasus" }).count()).toBe(0);

    await page.getByRole("button", { name: "Tanggapi" }).click();
    const respond = page.getByRole("dialog");
    await respond.getByLabel("Catatan internal").fill("Perekrut dipanggil hari Senin.");
    await respond.getByLabel("Catatan untuk pelapor").fill(PUBLIC_NOTE_AGENCY);
    await respond.getByRole("button", { name: "Kirim tanggapan" }).click();
    await respond.waitFor({ state: "detached" });
    await page.locator("main").getByText("Sedang ditangani", { exact: true }).first().waitFor();
    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("shows the reporter the progress with public notes only, and one neutral message for a wrong PIN", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl, { width: 360, height: 740 });
    await page.goto(`/lapor/status?kode=${encodeURIComponent(trackingCode)}`);
    await page.getByRole("heading", { level: 1, name: "Status laporan" }).waitFor();
    expect(await page.getByLabel("Kode pelacakan").inputValue()).toBe(trackingCode);

    const wrong = pin === "000000" ? "111111" : "000000";
    await page.getByLabel("PIN").fill(wrong);
    await page.getByRole("button", { name: "Lihat status" }).click();
    await page.getByRole("alert").filter({ hasText: "Laporan tidak ditemukan. Periksa kembali kode pelacakan dan PIN Anda." }).waitFor();

    await page.getByLabel("PIN").fill(pin);
    await page.getByRole("button", { name: "Lihat status" }).click();
    await page.getByRole("heading", { level: 2, name: `Laporan ${trackingCode}` }).waitFor();
    expect(await page.getByTestId("report-status").textContent()).toBe("Sedang ditangani");
    const timeline = (await page.locator(".rp-timeline").textContent()) ?? "";
    expect(timeline).toContain("Laporan diterima");
    expect(timeline).toContain(PUBLIC_NOTE_VERIFY);
    expect(timeline).toContain("Diteruskan ke instansi");
    expect(timeline).toContain("Disnakertrans Kabupaten Serang");
    expect(timeline).toContain(PUBLIC_NOTE_AGENCY);
    // Internal notes and instructions never reach the public.
    expect(timeline).not.toContain("Perekrut dipanggil hari Senin.");
    expect(timeline).not.toContain("Mohon klarifikasi");
    await noHorizontalScroll(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
