// The case console's smaller promises, in a real browser: "Tambah layanan" opens an empty form after a
// service was added; picking the default referral reason again keeps it (no flip to "Lainnya"); the
// investigator who accepted a whole-case referral is notified, follows the notification to the inbox and
// records a legal milestone on the case; an investigator on the team is offered the consent override the
// policy allows (the console offers what the server's abilities allow).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Authenticator, signIn, signOut } from "./support/auth";
import { newPage } from "./support/browser";
import { serverAndBrowser } from "./support/harness";

const e2e = serverAndBrowser();
const auth = new Authenticator();
let caseId = "";
let caseCode = "";

async function pick(page: Page, scope: ReturnType<Page["getByRole"]>, label: string | RegExp, option: string): Promise<void> {
  await scope.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** The signed-in user's JSON request with the CSRF token, from inside the page. */
function apiCall(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: (await res.json()) as Record<string, any> };
    },
    { method, url, body },
  );
}

describe("case console", () => {
  it("opens an empty service form after a service was added, and keeps the default referral reason when picked again", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "manajer.kasus");
    const created = await apiCall(page, "POST", "/api/cases", { origin: "walk_in", summary: "Uji konsol kasus" });
    expect(created.status).toBe(201);
    caseId = created.json.id;
    caseCode = created.json.code;
    await page.goto(`/konsol/kasus/${caseId}`);
    await page.getByRole("heading", { level: 1, name: `Kasus ${caseCode}` }).waitFor();

    await page.getByRole("tab", { name: "Rencana layanan" }).click();
    await page.getByRole("button", { name: "Tambah layanan" }).click();
    let dialog = page.getByRole("dialog", { name: "Tambah layanan" });
    await pick(page, dialog, "Layanan", "Bantuan hukum");
    await dialog.getByLabel("Tenggat").fill("2030-05-01");
    await dialog.getByLabel("Catatan").fill("Pendampingan LBH");
    await dialog.getByRole("button", { name: "Simpan" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("row").filter({ hasText: "Pendampingan LBH" }).waitFor();

    await page.getByRole("button", { name: "Tambah layanan" }).click();
    dialog = page.getByRole("dialog", { name: "Tambah layanan" });
    expect(await dialog.getByRole("combobox", { name: "Layanan" }).inputValue()).toBe("Rumah aman");
    expect(await dialog.getByLabel("Tenggat").inputValue()).toBe("");
    expect(await dialog.getByLabel("Catatan").inputValue()).toBe("");
    await dialog.getByRole("button", { name: "Batal" }).click();
    await dialog.waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Rujuk", exact: true }).click();
    const refer = page.getByRole("dialog", { name: "Rujuk kasus ke instansi lain" });
    const reason = refer.getByRole("combobox", { name: /Alasan rujukan/ });
    expect(await reason.inputValue()).toBe("Perlu layanan tambahan");
    await pick(page, refer, /Alasan rujukan/, "Perlu layanan tambahan");
    expect(await reason.inputValue()).toBe("Perlu layanan tambahan");
    await refer.getByRole("button", { name: "Batal" }).click();
    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("lets the investigator follow the referral notice, accept, and record a legal milestone", async () => {
    // The case manager refers the whole case to Polres with the victim's consent.
    const owner = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(owner.page, auth, "manajer.kasus");
    const agencies = (await apiCall(owner.page, "GET", "/api/admin/agencies")).json.items as { id: string; code: string }[];
    const polres = agencies.find((a) => a.code === "POLRES-SRG")!;
    expect(
      (
        await apiCall(owner.page, "POST", `/api/cases/${caseId}/consents`, {
          purpose: "share_with_agency",
          agencyId: polres.id,
          given: true,
          method: "written",
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await apiCall(owner.page, "POST", `/api/cases/${caseId}/referrals`, {
          scope: "case",
          toAgencyId: polres.id,
          reason: "AdditionalServicesRequired",
        })
      ).status,
    ).toBe(201);
    await signOut(owner.page);
    await owner.context.close();

    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "penyidik");
    await page.getByRole("button", { name: /^Notifikasi/ }).click();
    const notice = page.getByRole("menuitem").filter({ hasText: `Rujukan kasus ${caseCode}` });
    await notice.waitFor();
    await notice.click();
    await page.getByRole("heading", { level: 1, name: "Rujukan" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/konsol/kasus/rujukan");
    await page.getByRole("button", { name: `Terima rujukan ${caseCode} ke Polres Serang` }).click();
    await page.getByTestId("referral-status").filter({ hasText: "Diterima" }).first().waitFor();

    await page.getByRole("link", { name: caseCode }).first().click();
    await page.getByRole("heading", { level: 1, name: `Kasus ${caseCode}` }).waitFor();
    // A recipient does not edit the case or refer it onwards, but records the legal process.
    expect(await page.getByRole("button", { name: "Ubah kasus" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Rujuk", exact: true }).count()).toBe(0);
    await page.getByRole("tab", { name: "Proses hukum" }).click();
    await page.getByRole("button", { name: "Catat tahap hukum" }).click();
    const dialog = page.getByRole("dialog", { name: "Catat tahap hukum" });
    await dialog.getByLabel("Tanggal").fill("2026-03-02");
    await dialog.getByLabel("Nomor rujukan").fill("LP/B/77/III/2026/Polres Serang");
    await dialog.getByRole("button", { name: "Simpan" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("LP/B/77/III/2026/Polres Serang").waitFor();
    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("offers the consent override to an investigator on the team, who sends with a documented reason", async () => {
    const owner = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(owner.page, auth, "manajer.kasus");
    const created = await apiCall(owner.page, "POST", "/api/cases", { origin: "police", summary: "Uji pengecualian persetujuan" });
    const id = created.json.id as string;
    const code = created.json.code as string;
    const candidates = (await apiCall(owner.page, "GET", "/api/cases/team-candidates?q=Penyidik")).json.items as { id: string }[];
    expect((await apiCall(owner.page, "POST", `/api/cases/${id}/members`, { userId: candidates[0]!.id })).status).toBe(200);
    await signOut(owner.page);
    await owner.context.close();

    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "penyidik");
    await page.goto(`/konsol/kasus/${id}`);
    await page.getByRole("heading", { level: 1, name: `Kasus ${code}` }).waitFor();
    await page.getByRole("button", { name: "Rujuk", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Rujuk kasus ke instansi lain" });
    await pick(page, dialog, /Instansi tujuan/, "Dinas Kesehatan Kabupaten Serang");
    await dialog.getByTestId("consent-missing").waitFor();
    await dialog.getByLabel("Alasan pengecualian (tanpa persetujuan)").fill("Pemeriksaan visum segera untuk penyidikan TPPO.");
    await dialog.getByRole("button", { name: "Kirim rujukan" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("tab", { name: /Rujukan/ }).click();
    await page.getByTestId("referral-row").filter({ hasText: "Dinas Kesehatan Kabupaten Serang" }).waitFor();
    await signOut(page);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
