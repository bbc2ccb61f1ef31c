import { describe, expect, it } from "vitest";
import { newPage } from "./support/browser";
import { serverAndBrowser } from "./support/harness";

const e2e = serverAndBrowser();

const RISKY =
  "Lowongan admin di Kamboja gj 15jt/bln, brgkt gratis, tanpa pengalaman, visa turis nanti diurus di sana. Paspor dipegang agen. Minat WA Kak Rina 0812-3456-7890";

describe("Cek Lowongan on a 360 px phone", () => {
  it("pastes a trafficking offer and shows tinggi with its red flags, advice and hotlines", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl, { width: 360, height: 740 });
    await page.goto("/");
    await page.getByRole("link", { name: /Cek Lowongan/ }).click();
    await page.getByRole("heading", { level: 1, name: "Cek Lowongan" }).waitFor();

    // Submitting nothing explains what to do instead of failing silently.
    await page.getByRole("button", { name: "Periksa" }).click();
    expect(await page.getByText("Tempel atau ketik pesan tawaran kerja terlebih dahulu.").isVisible()).toBe(true);

    await page.getByLabel("Pesan tawaran kerja").fill(RISKY);
    await page.getByRole("button", { name: "Periksa" }).click();
    const level = page.getByTestId("jobcheck-level");
    await level.waitFor();
    expect(await level.getAttribute("data-level")).toBe("tinggi");
    expect(await page.getByRole("heading", { level: 2, name: "Risiko tinggi" }).isVisible()).toBe(true);
    // Each flag is shown with its explanation and the words from the message that triggered it.
    const flags = await page.locator("[data-flag]").evaluateAll((els) => els.map((el) => el.getAttribute("data-flag")));
    expect(flags).toEqual(expect.arrayContaining(["tourist_visa", "scam_hotspot_destination", "document_retention"]));
    expect(await page.getByText("Bekerja dengan visa turis/kunjungan").isVisible()).toBe(true);
    expect(await page.locator('[data-flag="tourist_visa"] q').first().textContent()).toMatch(/visa turis/i);
    expect(await page.getByRole("heading", { name: "Yang perlu Anda periksa" }).isVisible()).toBe(true);
    const hrefs = await page.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs).toEqual(expect.arrayContaining(["tel:08001000", "/cek-perusahaan"]));
    // The offer can be reported straight away (the hand-over itself is covered by reports.e2e.ts).
    expect(await page.getByRole("link", { name: "Laporkan tawaran ini" }).getAttribute("href")).toBe("/lapor?dari=cek-lowongan");

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("keeps checking offline once loaded, and never calls an offer safe", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await page.goto("/cek-lowongan");
    await page.getByLabel("Pesan tawaran kerja").waitFor();
    await context.setOffline(true);
    await page
      .getByLabel("Pesan tawaran kerja")
      .fill("Dicari karyawan toko bangunan di Kragilan, gaji UMK Serang, lamaran diantar ke toko.");
    await page.getByRole("button", { name: "Periksa" }).click();
    const level = page.getByTestId("jobcheck-level");
    await level.waitFor();
    expect(await level.getAttribute("data-level")).toBe("rendah");
    expect(await level.textContent()).toContain("Tidak ditemukan tanda bahaya, tetap periksa");
    expect((await page.locator("main").textContent())?.toLowerCase()).not.toMatch(/\baman\b/);

    await page.getByLabel("Pesan tawaran kerja").fill(RISKY);
    await page.getByRole("button", { name: "Periksa" }).click();
    await page.getByRole("heading", { level: 2, name: "Risiko tinggi" }).waitFor();
    await context.setOffline(false);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("checks a named company against the licensed-agency registry when online", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await page.goto("/cek-lowongan");
    await page
      .getByLabel("Pesan tawaran kerja")
      .fill("PT Contoh Jasa Migran (P3MI resmi, SIP2MI No. B.1/PL/2026) lowongan pabrik Taiwan NT$ 28.590, visa kerja, medical, PAP.");
    await page.getByRole("button", { name: "Periksa" }).click();
    await page.getByText("Hasil pencocokan dengan daftar perusahaan penempatan berizin").waitFor();
    // The demo company's licence is revoked: the result names that outcome and flags the recruiter.
    const row = page.locator('[data-testid="jobcheck-registry-list"] li[data-outcome="revoked"]');
    await row.waitFor();
    expect(await row.textContent()).toContain("izinnya dicabut");
    expect(await row.textContent()).toContain("DEMO/SIP3MI/004/2022");
    await page.locator('[data-flag="unlicensed_recruiter"]').waitFor();

    await page.getByRole("link", { name: "Cek apakah perusahaan penempatan berizin" }).click();
    await page.getByLabel("Nama perusahaan atau nomor SIP3MI").fill("contoh jasa migran");
    await page.getByRole("button", { name: "Cari" }).click();
    await page.getByRole("heading", { name: "PT Contoh Jasa Migran (fiktif)" }).waitFor();
    expect(await page.getByText("Izin dicabut: tidak boleh merekrut").isVisible()).toBe(true);
    await page.getByLabel("Nama perusahaan atau nomor SIP3MI").fill("DEMO/SIP3MI/001/2025");
    await page.getByRole("button", { name: "Cari" }).click();
    await page.getByRole("heading", { name: "PT Contoh Penempatan Sejahtera (fiktif)" }).waitFor();
    expect(await page.getByText("Izin aktif").isVisible()).toBe(true);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
