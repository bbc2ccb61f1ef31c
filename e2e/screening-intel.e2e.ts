// Passport-interview screening and recruiter intelligence end to end. The interview officer postpones an
// applicant whose sponsor's number is 0812-7070-5151; the supervisor reviews it blind, agrees, and gives
// the desa's PIMPASA a home visit, which the PIMPASA sees. The same number is named in two public reports
// and as a case perpetrator's phone; the investigator finds one entity linking two reports, the screening
// and the case, sees its network and puts it on the watchlist. The public "Cek Nomor" page says the
// number was reported twice, and so does the job checker for an offer carrying it.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Authenticator, signIn } from "./support/auth";
import { newPage } from "./support/browser";
import { serverAndBrowser } from "./support/harness";

const e2e = serverAndBrowser();
const auth = new Authenticator();

const SPONSOR_PHONE = "0812-7070-5151";
const APPLICANT = "Nining Kurniasih (uji)";
let screeningUrl = "";

async function pick(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).first().click();
}

/** A call to the API from inside a signed-in page (same cookies and CSRF token as the app). */
async function apiCall(page: Page, method: string, path: string, body: unknown): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ([m, p, b]) => {
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken?: string };
      const res = await fetch(p as string, {
        method: m as string,
        headers: { "content-type": "application/json", ...(me.csrfToken ? { "x-csrf-token": me.csrfToken } : {}) },
        body: JSON.stringify(b),
      });
      return { status: res.status, json: await res.json() };
    },
    [method, path, body] as const,
  );
}

describe("Passport screening through a blind review to a home visit", () => {
  it("records an interview with a live score and a postponement", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "wawancara");
    await page.getByRole("navigation").getByRole("link", { name: "Wawancara paspor" }).click();
    await page.getByRole("button", { name: "Wawancara baru" }).click();
    await page.getByRole("heading", { level: 1, name: "Wawancara pemohon paspor" }).waitFor();
    await page.getByLabel("Nama pemohon").fill(APPLICANT);
    await pick(page, "Kecamatan asal", "Pontang");
    await pick(page, "Desa asal", /./);
    await pick(page, "Tujuan yang dinyatakan", "Wisata");
    await pick(page, "Negara tujuan", "Kamboja");
    await pick(page, "Biaya perjalanan dibayar oleh", "Sponsor/perekrut");
    await page.getByLabel("Telepon sponsor").fill(SPONSOR_PHONE);
    await page.getByLabel("Cerita saling bertentangan").check();
    // Wisata + Kamboja + sponsor pays + contradictions: the live score says high before saving.
    await expect.poll(async () => page.getByTestId("live-score").textContent()).toMatch(/Skor 8 \(tinggi\)/);
    await page.getByText("Tunda", { exact: true }).click();
    await pick(page, "Alasan", "Tujuan diragukan");
    await page.getByRole("button", { name: "Simpan wawancara" }).click();
    await page.getByRole("heading", { level: 1, name: /^Wawancara WP-/ }).waitFor();
    expect(await page.getByText("Menunggu tinjauan kedua").first().isVisible()).toBe(true);
    screeningUrl = new URL(page.url()).pathname;
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("lets the supervisor review blind, agree, and give the PIMPASA a home visit", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "supervisor.wawancara");
    await page.goto("/konsol/wawancara");
    await page.getByText("Menunggu tinjauan saya").click();
    await page.getByTestId("screening-row").filter({ hasText: "Wisata" }).first().click();
    await page.getByText(/Tinjauan buta: keputusan petugas pertama disembunyikan/).waitFor();
    expect(await page.getByText(APPLICANT).isVisible()).toBe(true);
    const form = page.getByTestId("review-form");
    await form.getByText("Tunda", { exact: true }).click();
    await pick(page, "Alasan", "Diduga bekerja non-prosedural");
    await form.getByRole("button", { name: "Simpan keputusan saya" }).click();
    await page.getByText(/Keputusan akhir: Tunda/).waitFor();
    expect(new URL(page.url()).pathname).toBe(screeningUrl);

    await pick(page, /Petugas kunjungan/, /PIMPASA Pontang/);
    await page.getByLabel("Paling lambat").fill("2027-01-15");
    await page.getByRole("button", { name: "Tugaskan kunjungan rumah" }).click();
    await page.getByText(/Kunjungan rumah oleh PIMPASA Pontang/).waitFor();
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("shows the PIMPASA the visit with the applicant's name", async () => {
    const { context, page } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "pimpasa");
    await page.getByRole("navigation").getByRole("link", { name: "Kunjungan rumah" }).click();
    await page.getByTestId("assignment").filter({ hasText: APPLICANT }).waitFor();
    await context.close();
  });
});

describe("Recruiter intelligence", () => {
  it("links two reports, the screening and a case into one entity the investigator watches", async () => {
    // Two residents report the same recruiter number.
    const pub = await newPage(e2e.browser, e2e.server.baseUrl);
    await pub.page.goto("/");
    for (const phone of [SPONSOR_PHONE, "+62 812 7070 5151"]) {
      const r = await apiCall(pub.page, "POST", "/api/public/reports", {
        submissionId: crypto.randomUUID(),
        category: "suspicious_offer",
        description: "Calo menawarkan kerja admin di Kamboja, katanya berangkat pakai visa turis.",
        people: [{ role: "recruiter", name: "Bang Udin", phones: [phone] }],
      });
      expect(r.status).toBe(201);
    }
    await pub.context.close();

    // A case manager records the same number as a perpetrator's phone.
    const cm = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(cm.page, auth, "manajer.kasus");
    const created = await apiCall(cm.page, "POST", "/api/cases", { origin: "walk_in", victim: { name: "Korban Uji", sex: "female" } });
    expect(created.status).toBe(201);
    const perp = await apiCall(cm.page, "POST", `/api/cases/${created.json.id}/persons`, {
      kind: "perpetrator",
      name: "Udin",
      phones: [SPONSOR_PHONE],
    });
    expect(perp.status).toBe(201);
    await cm.context.close();

    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "penyidik");
    await page.getByRole("navigation").getByRole("link", { name: "Intelijen perekrut" }).click();
    await page.getByLabel(/Cari nomor, rekening/).fill(SPONSOR_PHONE);
    // Linking runs seconds after each save; search until the four records are in.
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "Terapkan" }).click();
          const row = page.getByTestId("entity-row").first();
          return (await row.count()) ? ((await row.textContent()) ?? "") : "";
        },
        { timeout: 30_000, interval: 1500 },
      )
      .toMatch(/2.*1.*1/);
    await page.getByTestId("entity-row").first().click();
    await page.getByText(/Disebut di 2 pengaduan, 1 wawancara paspor, 1 kasus/).waitFor();
    expect(await page.getByTestId("intel-record").count()).toBe(4);
    await page.getByTestId("intel-network").locator("canvas").first().waitFor();
    await page.getByLabel("Alasan memantau").fill("Calo Kamboja, dua laporan");
    await page.getByRole("button", { name: "Pantau", exact: true }).click();
    await page.getByText("Dipantau: Calo Kamboja, dua laporan").waitFor();
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("tells a resident on the public page that the number was reported twice", async () => {
    const { context, page } = await newPage(e2e.browser, e2e.server.baseUrl);
    await page.goto("/cek-nomor");
    await page.getByLabel(/Nomor telepon\/WhatsApp, mis/).fill("081270705151");
    await page.getByRole("button", { name: "Cek", exact: true }).click();
    await page.getByTestId("number-reported").getByText("Nomor ini sudah dilaporkan 2 kali").waitFor();
    // The job checker says the same about the number in an offer.
    await page.goto("/cek-lowongan");
    await page.getByLabel("Pesan tawaran kerja").fill("Lowongan admin di Kamboja gaji 15 juta, hubungi WA 0812-7070-5151 secepatnya");
    await page.getByRole("button", { name: "Periksa" }).click();
    await page
      .getByTestId("jobcheck-reported")
      .getByText(/sudah dilaporkan warga 2 kali/)
      .waitFor();
    await context.close();
  });
});
