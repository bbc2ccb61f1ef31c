import { describe, expect, it } from "vitest";
import { newPage } from "./support/browser";
import { serverAndBrowser } from "./support/harness";

const e2e = serverAndBrowser();

describe("public home on a 360 px phone", () => {
  it("explains the programme, lists the official hotlines and stays light", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl, { width: 360, height: 740 });
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto("/");

    expect(await page.locator("html").getAttribute("lang")).toBe("id");
    await page.getByRole("heading", { level: 1, name: /Bekerja ke luar negeri/ }).waitFor();
    expect(await page.getByRole("heading", { name: "Desa Binaan Imigrasi" }).isVisible()).toBe(true);
    expect(await page.getByText(/Pontang dan Kecamatan Tirtayasa/).isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kabupaten Serang" }).isVisible()).toBe(true);

    // Hotlines can be dialled with one tap.
    const hrefs = await page.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs).toEqual(expect.arrayContaining(["tel:08001000", "tel:129", "tel:110", "https://wa.me/628111129129"]));
    // Only pages that exist are linked.
    expect(hrefs).toContain("/cek-lowongan");
    expect(hrefs).toContain("/lapor");
    expect(hrefs).toContain("/masuk");

    expect(await page.locator("footer").textContent()).toContain("Data wilayah: idn-area-data (ODbL 1.0)");

    // Nothing overflows sideways, and every button is a comfortable touch target.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const heights = await page
      .locator(".pub-button, .pub-lang button, .pub-signin-link")
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(3);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);

    // The staff console (and its UI kit) is not downloaded on the public page.
    expect(requested.filter((url) => /Console-/.test(url))).toEqual([]);
    // No web fonts or third-party assets.
    const origin = new URL(e2e.server.baseUrl).origin;
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);

    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("switches to English and remembers the choice", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl, { width: 360, height: 740 });
    await page.goto("/");
    await page.getByRole("button", { name: /English/ }).click();
    await page.getByRole("heading", { level: 1, name: /Working abroad\?/ }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: /Working abroad\?/ }).waitFor();
    expect(await page.getByRole("link", { name: "Sign in" }).isVisible()).toBe(true);

    await page.getByRole("button", { name: /Bahasa Indonesia/ }).click();
    await page.getByRole("heading", { level: 1, name: /Bekerja ke luar negeri/ }).waitFor();
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("answers an unknown address with a friendly page", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl, { width: 360, height: 740 });
    await page.goto("/tidak-ada");
    await page.getByRole("heading", { name: "Halaman tidak ditemukan" }).waitFor();
    expect(log.errors).toEqual([]);
    await context.close();
  });
});

describe("public statistics and leaflets on a 360 px phone", () => {
  it("shows the tables with hidden values marked, offers the CSV files, and the home page links the leaflets", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl, { width: 360, height: 740 });
    await page.goto("/");
    await page.getByRole("link", { name: /Statistik/ }).click();
    await page.getByRole("heading", { level: 1, name: "Statistik dan data terbuka" }).waitFor();
    for (const title of [
      "Laporan masyarakat per kecamatan",
      "Laporan masyarakat per jenis",
      "Sesi sosialisasi per kecamatan",
      "Kasus yang ditangani (tingkat kabupaten)",
    ])
      await page.getByRole("heading", { level: 2, name: title }).waitFor();
    // Every number shown is 0 or at least 10 (rounded to 5), or the hidden mark.
    const cells = await page.locator(".stat-table td").allTextContents();
    expect(cells.length).toBeGreaterThan(50);
    for (const text of cells) expect(text === "—" || /^(0|\d*[05])$/.test(text.replace(/\./g, "")), text).toBe(true);
    // The wide tables scroll in their own box; the page itself does not scroll sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const csv = await page.getByRole("link", { name: "Unduh CSV" }).first().getAttribute("href");
    const res = await page.request.get(csv!);
    expect(res.status()).toBe(200);
    expect((await res.text()).split("\r\n")[0]).toMatch(/^bulan,/);

    await page.goto("/");
    const leaflet = await page.getByRole("link", { name: /Waspada lowongan kerja palsu/ }).getAttribute("href");
    const pdf = await page.request.get(leaflet!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
