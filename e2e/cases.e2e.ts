// Cases end to end, across three agencies: the DP3AKB case manager opens a case with a victim, records
// consent to share with Polres Serang and Dinsos but refusal for Disnakertrans (so a referral there is
// refused with a clear message), refers to Polres (accepted by the investigator, who then sees the case)
// and to Dinsos (rejected with a reason by a Dinsos case manager created through the admin API); a
// volunteer gets "not found" at the case URL; the case manager edits the victim's contact details, adds
// the Dinsos case manager to the team (who can then open the case), re-plans a service and closes the case.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { tinyPdf } from "../src/server/lib/uploads/attachments.fixtures";
import { Authenticator, signIn, signOut, submitPassword } from "./support/auth";
import { newPage } from "./support/browser";
import { serverAndBrowser } from "./support/harness";

const e2e = serverAndBrowser();
const auth = new Authenticator();

const VICTIM = "Siti Aminah Uji";
const NIK = "3604125505990001";
const DINSOS_USER = "e2e.dinsos";
const DINSOS_PASSWORD = "dinsos-uji-sandi-panjang-2026";
const POLRES = "Polres Serang";
const DINSOS = "Dinas Sosial Kabupaten Serang";
const DISNAKER = "Disnakertrans Kabupaten Serang";

let caseUrl = "";
let caseCode = "";

/** Creates a case manager at Dinsos through the admin API, returning the temporary password. */
async function createDinsosCaseManager(): Promise<string> {
  const { context, page } = await newPage(e2e.browser, e2e.server.baseUrl);
  await signIn(page, auth, "admin");
  const temporary = await page.evaluate(async (username) => {
    const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
    const agencies = (await (await fetch("/api/admin/agencies")).json()) as { items: { id: string; code: string }[] };
    const dinsos = agencies.items.find((a) => a.code === "DINSOS");
    const response = await fetch("/api/admin/users", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
      body: JSON.stringify({ username, displayName: "Manajer Kasus Dinsos (uji)", agencyId: dinsos?.id, roles: ["case_manager"] }),
    });
    return ((await response.json()) as { temporaryPassword: string }).temporaryPassword;
  }, DINSOS_USER);
  await context.close();
  return temporary;
}

/** First sign-in of a new user: temporary password, TOTP enrolment, then a password of their own. */
async function firstSignIn(page: Page, username: string, temporary: string): Promise<void> {
  await page.goto("/masuk");
  await submitPassword(page, username, temporary);
  await page.getByRole("heading", { name: "Aktifkan verifikasi dua langkah" }).waitFor();
  auth.remember(username, (await page.getByTestId("totp-secret").textContent()) ?? "");
  await page.getByLabel("Kode 6 angka").fill(await auth.code(username));
  await page.getByRole("button", { name: "Aktifkan dan masuk" }).click();
  await page.getByRole("heading", { level: 1, name: "Ganti kata sandi" }).waitFor();
  await page.getByLabel(/^Kata sandi saat ini/).fill(temporary);
  await page.getByLabel(/^Kata sandi baru/).fill(DINSOS_PASSWORD);
  await page.getByLabel(/^Ulangi kata sandi baru/).fill(DINSOS_PASSWORD);
  await page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await page.getByText("Kata sandi sudah diganti").waitFor();
  await page.getByRole("button", { name: "Kembali ke beranda" }).click();
  await page.getByRole("heading", { name: /Selamat datang/ }).waitFor();
}

async function pick(page: Page, scope: ReturnType<Page["getByRole"]>, label: string | RegExp, option: string): Promise<void> {
  await scope.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

async function recordConsent(page: Page, agency: string, given: boolean): Promise<void> {
  await page.getByRole("button", { name: "Catat persetujuan" }).click();
  const dialog = page.getByRole("dialog", { name: "Catat persetujuan" });
  await pick(page, dialog, /^Instansi/, agency);
  if (!given) await pick(page, dialog, "Persetujuan", "Tidak setuju");
  await dialog.getByRole("button", { name: "Simpan" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByTestId("consent-row").filter({ hasText: agency }).waitFor();
}

async function refer(page: Page, agency: string): Promise<void> {
  await page.getByRole("button", { name: "Rujuk", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Rujuk kasus ke instansi lain" });
  await pick(page, dialog, /Instansi tujuan/, agency);
  await dialog.getByRole("button", { name: "Kirim rujukan" }).click();
  await dialog.waitFor({ state: "detached" });
}

describe("Cases: intake to closure across three agencies", () => {
  let dinsosTemporary = "";

  it("creates a case manager at Dinsos through the admin API", async () => {
    dinsosTemporary = await createDinsosCaseManager();
    expect(dinsosTemporary.length).toBeGreaterThanOrEqual(8);
  });

  it("lets the DP3AKB case manager open a case, record consents and send referrals (refused without consent)", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "manajer.kasus");
    await page.getByRole("navigation").getByRole("link", { name: "Kasus" }).click();
    await page.getByRole("heading", { level: 1, name: "Kasus" }).waitFor();
    await page.getByRole("link", { name: "Kasus baru" }).click();
    await page.getByRole("heading", { level: 1, name: "Kasus baru" }).waitFor();
    await page.getByLabel("Nama", { exact: true }).fill(VICTIM);
    await page.getByLabel("NIK", { exact: true }).fill(NIK);
    await pick(page, page.locator("main"), "Jenis kelamin", "Perempuan");
    await pick(page, page.locator("main"), "Status PMI", "PMI non-prosedural");
    await page.getByLabel("Nomor telepon").fill("0812-1111-2222");
    await page.getByRole("button", { name: "Buka kasus" }).click();
    const heading = page.getByRole("heading", { level: 1, name: /^Kasus KS-/ });
    await heading.waitFor();
    caseCode = ((await heading.textContent()) ?? "").replace("Kasus ", "").trim();
    caseUrl = new URL(page.url()).pathname;
    expect(await page.getByText(VICTIM).first().isVisible()).toBe(true);
    expect(await page.getByText(NIK).isVisible()).toBe(true);

    await page.getByRole("tab", { name: "Persetujuan" }).click();
    await recordConsent(page, POLRES, true);
    await recordConsent(page, DISNAKER, false);
    await recordConsent(page, DINSOS, true);

    // Without consent to share with Disnakertrans the referral is refused, with a clear message.
    await page.getByRole("button", { name: "Rujuk", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Rujuk kasus ke instansi lain" });
    await pick(page, dialog, /Instansi tujuan/, DISNAKER);
    await dialog.getByTestId("consent-missing").waitFor();
    expect(await dialog.getByTestId("consent-missing").textContent()).toContain(
      "belum ada persetujuan korban untuk berbagi data dengan Disnakertrans",
    );
    expect(await dialog.getByRole("button", { name: "Kirim rujukan" }).isDisabled()).toBe(true);
    await dialog.getByRole("button", { name: "Batal" }).click();
    await dialog.waitFor({ state: "detached" });

    await refer(page, POLRES);
    await refer(page, DINSOS);
    await page.getByRole("tab", { name: /Rujukan/ }).click();
    for (const agency of [POLRES, DINSOS]) {
      const row = page.getByTestId("referral-row").filter({ hasText: agency });
      expect(await row.getByTestId("referral-status").textContent()).toBe("Terkirim");
    }
    // Case data is never kept on the device.
    expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toContain(VICTIM);
    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("lets the investigator accept the Polres referral and then see the case", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "penyidik");
    // Before acceptance the case is not open to Polres.
    await page.goto(caseUrl);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("heading", { level: 1, name: `Kasus ${caseCode}` }).count()).toBe(0);

    await page.goto("/konsol/kasus/rujukan");
    await page.getByRole("heading", { level: 1, name: "Rujukan" }).waitFor();
    await page.getByRole("button", { name: `Terima rujukan ${caseCode} ke ${POLRES}` }).click();
    await page.getByTestId("referral-row").getByTestId("referral-status").filter({ hasText: "Diterima" }).waitFor();

    await page.getByRole("link", { name: caseCode }).click();
    await page.getByRole("heading", { level: 1, name: `Kasus ${caseCode}` }).waitFor();
    expect(await page.getByText(VICTIM).first().isVisible()).toBe(true);

    // A whole-case referral includes the documents: the investigator files the police report.
    await page.getByRole("tab", { name: "Dokumen" }).click();
    const documents = page.getByTestId("case-documents");
    await documents.getByText("Belum ada dokumen.").waitFor();
    const pdf = tinyPdf(); // whole: a cut-off PDF is refused
    await documents.locator('input[type="file"]').setInputFiles({ name: "Laporan Polisi.pdf", mimeType: "application/pdf", buffer: pdf });
    const link = documents.getByTestId("case-document").getByRole("link", { name: "Laporan Polisi.pdf" });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("Laporan Polisi.pdf");
    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("lets the Dinsos case manager reject the referral with a reason", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await firstSignIn(page, DINSOS_USER, dinsosTemporary);
    await page.goto("/konsol/kasus/rujukan");
    await page.getByRole("heading", { level: 1, name: "Rujukan" }).waitFor();
    await page.getByRole("button", { name: `Tolak rujukan ${caseCode} ke ${DINSOS}` }).click();
    const dialog = page.getByRole("dialog", { name: `Tolak rujukan kasus ${caseCode}` });
    await dialog.getByLabel(/Alasan/).fill("Rumah perlindungan Dinsos sedang penuh.");
    await dialog.getByRole("button", { name: "Tolak" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("referral-status").filter({ hasText: "Ditolak" }).waitFor();
    // A rejected referral gives no access to the case.
    await page.goto(caseUrl);
    await page.getByRole("alert").waitFor();
    expect(await page.getByText(VICTIM).count()).toBe(0);
    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("shows a volunteer 'not found' at the case URL", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "relawan");
    await page.goto(caseUrl);
    await page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" }).waitFor();
    expect(await page.getByText(VICTIM).count()).toBe(0);
    expect(await page.getByRole("navigation").getByRole("link", { name: "Kasus" }).count()).toBe(0);
    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("lets the case manager edit the victim's contact details, add the Dinsos case manager to the team and re-plan a service", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "manajer.kasus");
    await page.goto(caseUrl);
    await page.getByRole("heading", { level: 1, name: `Kasus ${caseCode}` }).waitFor();
    const card = page.getByTestId("case-person").filter({ hasText: VICTIM });
    await card.getByRole("button", { name: "Ubah" }).click();
    const edit = page.getByRole("dialog", { name: "Ubah data Korban" });
    expect(await edit.getByLabel("NIK", { exact: true }).inputValue()).toBe(NIK);
    await edit.getByLabel("Nomor telepon").fill("0857-3333-4444");
    await edit.getByLabel("Alamat").fill("Kampung Baru RT 01 RW 02");
    await edit.getByRole("button", { name: "Simpan" }).click();
    await edit.waitFor({ state: "detached" });
    await card.getByText("0857-3333-4444").waitFor();
    expect(await card.textContent()).toContain("Kampung Baru RT 01 RW 02");

    await page.getByRole("tab", { name: "Tim" }).click();
    await page.getByRole("button", { name: "Tambah anggota" }).click();
    const add = page.getByRole("dialog", { name: `Tambah anggota tim kasus ${caseCode}` });
    await add.getByRole("combobox", { name: /^Petugas/ }).fill("Dinas Sosial");
    await page.getByRole("option", { name: /^Manajer Kasus Dinsos \(uji\) · Dinas Sosial/ }).click();
    await add.getByRole("button", { name: "Tambah anggota" }).click();
    await add.waitFor({ state: "detached" });
    const row = page.getByTestId("case-team-member").filter({ hasText: "Manajer Kasus Dinsos (uji)" });
    await row.waitFor();
    expect(await row.textContent()).toContain(DINSOS);
    expect(await row.textContent()).toContain("Anggota");

    // The service plan: add a shelter service, then re-plan it.
    await page.getByRole("tab", { name: "Rencana layanan" }).click();
    await page.getByRole("button", { name: "Tambah layanan" }).click();
    const addService = page.getByRole("dialog", { name: "Tambah layanan" });
    await addService.getByRole("button", { name: "Simpan" }).click();
    await addService.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Ubah layanan Rumah aman" }).click();
    const editService = page.getByRole("dialog", { name: "Ubah layanan: Rumah aman" });
    await pick(page, editService, "Status layanan", "Berjalan");
    await pick(page, editService, "Instansi penyedia", DINSOS);
    await editService.getByLabel("Tenggat").fill("2030-03-01");
    await editService.getByLabel("Catatan").fill("Rumah perlindungan sementara");
    await editService.getByRole("button", { name: "Simpan" }).click();
    await editService.waitFor({ state: "detached" });
    const shelter = page.getByRole("row").filter({ hasText: "Rumah perlindungan sementara" });
    await shelter.waitFor();
    expect(await shelter.textContent()).toContain(DINSOS);
    expect(await shelter.getByRole("combobox", { name: "Status layanan" }).inputValue()).toBe("Berjalan");
    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("lets the Dinsos case manager, now on the team, open the case", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, DINSOS_USER, DINSOS_PASSWORD);
    await page.goto(caseUrl);
    await page.getByRole("heading", { level: 1, name: `Kasus ${caseCode}` }).waitFor();
    expect(await page.getByText("0857-3333-4444").isVisible()).toBe(true);
    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("lets the case manager see both answers and close the case", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "manajer.kasus");
    await page.goto(caseUrl);
    await page.getByRole("heading", { level: 1, name: `Kasus ${caseCode}` }).waitFor();
    await page.getByRole("tab", { name: /Rujukan/ }).click();
    const polres = page.getByTestId("referral-row").filter({ hasText: POLRES });
    const dinsos = page.getByTestId("referral-row").filter({ hasText: DINSOS });
    expect(await polres.getByTestId("referral-status").textContent()).toBe("Diterima");
    expect(await dinsos.getByTestId("referral-status").textContent()).toBe("Ditolak");
    expect(await dinsos.textContent()).toContain("Rumah perlindungan Dinsos sedang penuh.");
    await page.getByRole("tab", { name: "Dokumen" }).click();
    await page.getByTestId("case-document").filter({ hasText: "Laporan Polisi.pdf" }).waitFor();

    await page.getByRole("button", { name: "Tutup kasus" }).click();
    const dialog = page.getByRole("dialog", { name: `Tutup kasus ${caseCode}` });
    await dialog.getByRole("button", { name: "Tutup kasus" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("case-status").filter({ hasText: "Ditutup" }).waitFor();
    expect(await page.getByRole("button", { name: "Buka kembali" }).isVisible()).toBe(true);
    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
