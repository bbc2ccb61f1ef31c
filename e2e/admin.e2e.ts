import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Authenticator, signIn, submitPassword } from "./support/auth";
import { launchBrowser, newPage } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";

let server: RunningServer;
let browser: Browser;
let page: Page;
const auth = new Authenticator();
/** The current password of the user the tests create. */
let userPassword = "";

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page } = await newPage(browser, server.baseUrl));
  await signIn(page, auth, "admin");
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pick(page: Page, field: string, option: string): Promise<void> {
  await page.getByRole("combobox", { name: field }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("administration in the console", () => {
  it("shows the API's field errors beside the fields, then creates an agency", async () => {
    await page.goto("/konsol/admin/instansi");
    await page.getByRole("button", { name: "Tambah instansi" }).click();
    const dialog = page.getByRole("dialog", { name: "Instansi baru" });
    await dialog.getByRole("button", { name: "Simpan" }).click();
    await dialog.getByRole("alert").first().waitFor();
    expect(await dialog.getByLabel(/^Kode\b/).getAttribute("aria-invalid")).toBe("true");

    await dialog.getByLabel(/^Kode\b/).fill("E2E-LSM");
    await dialog.getByLabel(/^Nama\b/).fill("LSM Peduli Migran E2E");
    await pick(page, "Kategori pentahelix", "Masyarakat");
    await dialog.getByRole("button", { name: "Simpan" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("cell", { name: "LSM Peduli Migran E2E", exact: true }).waitFor();
  });

  it("creates a user limited to one kecamatan and shows the temporary password once", async () => {
    await page.getByRole("link", { name: "Pengguna" }).click();
    await page.getByRole("button", { name: "Tambah pengguna" }).click();
    const dialog = page.getByRole("dialog", { name: "Pengguna baru" });
    await dialog.getByLabel(/^Nama pengguna\b/).fill("e2e.relawan");
    await dialog.getByLabel("Nama lengkap").fill("Relawan Uji");
    await pick(page, "Instansi", "LSM Peduli Migran E2E");
    await dialog.getByRole("checkbox", { name: "Relawan" }).check();
    await dialog.getByRole("radio", { name: "Kecamatan/desa tertentu" }).check();
    await pick(page, "Seluruh kecamatan", "Pontang");
    await page.keyboard.press("Escape");
    await dialog.getByRole("button", { name: "Hapus Pontang" }).waitFor();
    await dialog.getByRole("button", { name: "Simpan" }).click();

    const password = page.getByTestId("temporary-password");
    await password.waitFor();
    const first = ((await password.textContent()) ?? "").trim();
    expect(first.length).toBeGreaterThanOrEqual(8);
    await page.getByRole("button", { name: "Selesai" }).click();

    const row = page.locator(`[data-username="e2e.relawan"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain("Pontang");
    expect(await row.textContent()).toContain("Relawan");

    // Resetting gives a different temporary password.
    await row.getByRole("button", { name: "Tindakan untuk e2e.relawan" }).click();
    await page.getByRole("menuitem", { name: "Atur ulang kata sandi" }).click();
    await page.getByRole("dialog", { name: "Atur ulang kata sandi" }).getByRole("button", { name: "Atur ulang kata sandi" }).click();
    await password.waitFor();
    const second = ((await password.textContent()) ?? "").trim();
    expect(second).not.toBe(first);
    userPassword = second;
    await page.getByRole("button", { name: "Selesai" }).click();
    await password.waitFor({ state: "detached" });
  });

  it("makes the user replace the temporary password at the next sign-in", async () => {
    const user = await newPage(browser, server.baseUrl);
    await user.page.goto("/masuk");
    await submitPassword(user.page, "e2e.relawan", userPassword);
    await user.page.getByRole("heading", { level: 1, name: "Ganti kata sandi" }).waitFor();

    // The server's password rule shows beside the field.
    await user.page.getByLabel(/^Kata sandi saat ini/).fill(userPassword);
    await user.page.getByLabel(/^Kata sandi baru/).fill("pendek");
    await user.page.getByLabel(/^Ulangi kata sandi baru/).fill("pendek");
    await user.page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
    await user.page
      .getByText(/minimal 12 karakter/)
      .first()
      .waitFor();
    expect(await user.page.getByLabel(/^Kata sandi baru/).getAttribute("aria-invalid")).toBe("true");

    const chosen = "relawan-uji-sandi-panjang-2026";
    await user.page.getByLabel(/^Kata sandi saat ini/).fill(userPassword);
    await user.page.getByLabel(/^Kata sandi baru/).fill(chosen);
    await user.page.getByLabel(/^Ulangi kata sandi baru/).fill(chosen);
    await user.page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
    await user.page.getByText("Kata sandi sudah diganti").waitFor();
    userPassword = chosen;
    await user.page.getByRole("button", { name: "Kembali ke beranda" }).click();
    await user.page.getByRole("heading", { name: /Selamat datang/ }).waitFor();
    expect(user.log.errors).toEqual([]);
    await user.context.close();
  });

  it("disables an account so it can no longer sign in, and enables it again", async () => {
    const row = page.locator(`[data-username="e2e.relawan"]`);
    await row.getByRole("button", { name: "Tindakan untuk e2e.relawan" }).click();
    await page.getByRole("menuitem", { name: "Nonaktifkan" }).click();
    await page.getByRole("dialog", { name: "Nonaktifkan" }).getByRole("button", { name: "Nonaktifkan" }).click();
    await row.getByText("Nonaktif", { exact: true }).waitFor();

    const other = await newPage(browser, server.baseUrl);
    await other.page.goto("/masuk");
    await submitPassword(other.page, "e2e.relawan", userPassword);
    await other.page.getByRole("alert").waitFor();
    expect(new URL(other.page.url()).pathname).toBe("/masuk");
    await other.context.close();

    await row.getByRole("button", { name: "Tindakan untuk e2e.relawan" }).click();
    await page.getByRole("menuitem", { name: "Aktifkan" }).click();
    await page.getByRole("dialog", { name: "Aktifkan" }).getByRole("button", { name: "Aktifkan" }).click();
    await row.getByText("Aktif", { exact: true }).waitFor();
  });

  it("lets the coordinator link a volunteer in the registry to the new volunteer account, on a phone", async () => {
    const phone = await newPage(browser, server.baseUrl, { width: 360, height: 740 });
    await signIn(phone.page, auth, "koordinator");
    await phone.page.goto("/konsol/relawan");
    // The registry is a list of cards at 360 px.
    await phone.page.locator('[data-layout="cards"]').waitFor();
    const ani = phone.page.getByTestId("volunteer-row").filter({ hasText: "Ani Contoh (demo)" });
    await ani.getByRole("button", { name: "Rincian" }).click();
    await ani.getByLabel(/Akun masuk relawan/).click();
    await phone.page.getByRole("option", { name: /e2e\.relawan/ }).click();
    await ani.getByRole("button", { name: "Simpan akun" }).click();
    await ani.getByText("Akun: e2e.relawan").waitFor();
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The account now works in Ani's desa: it is no longer offered for another entry.
    const offered = await phone.page.evaluate(
      async () => ((await (await fetch("/api/volunteers/accounts")).json()) as { items: { username: string }[] }).items,
    );
    expect(offered.map((account) => account.username)).not.toContain("e2e.relawan");
    expect(phone.log.errors).toEqual([]);
    await phone.context.close();
  });
});
