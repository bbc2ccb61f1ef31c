import { describe, expect, it } from "vitest";
import { Authenticator, signIn, signOut, submitPassword } from "./support/auth";
import { newPage } from "./support/browser";
import { serverAndBrowser } from "./support/harness";

const e2e = serverAndBrowser();
const auth = new Authenticator();

describe("staff sign-in", () => {
  it("refuses a wrong password with a translated message", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await page.goto("/masuk");
    await submitPassword(page, "relawan", "bukan-kata-sandinya");
    await page.getByRole("alert").filter({ hasText: "Nama pengguna atau kata sandi salah." }).waitFor();
    expect(page.url()).toMatch(/\/masuk$/);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("enrols TOTP at the first sign-in, then asks for a code at the next one", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await page.goto("/masuk");
    await submitPassword(page, "admin");

    await page.getByRole("heading", { name: "Aktifkan verifikasi dua langkah" }).waitFor();
    const qr = page.getByRole("img", { name: "Kode QR untuk aplikasi autentikator" });
    expect(await qr.isVisible()).toBe(true);
    expect(await qr.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
    expect(secret.replace(/\s+/g, "")).toMatch(/^[A-Z2-7]{16,}=*$/);
    auth.remember("admin", secret);

    // A wrong code is refused and the user can try again on the same screen.
    await page.getByLabel("Kode 6 angka").fill("000000");
    await page.getByRole("button", { name: "Aktifkan dan masuk" }).click();
    await page.getByRole("alert").filter({ hasText: "Kode verifikasi salah" }).waitFor();

    await page.getByLabel("Kode 6 angka").fill(await auth.code("admin"));
    await page.getByRole("button", { name: "Aktifkan dan masuk" }).click();
    await page.getByRole("heading", { name: /Selamat datang/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/konsol");

    await signOut(page);
    await page.goto("/konsol");
    await page.waitForURL(/\/masuk\?next=/);

    await submitPassword(page, "admin");
    await page.getByRole("heading", { name: "Kode verifikasi" }).waitFor();
    await page.getByLabel("Kode 6 angka").fill(await auth.code("admin"));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.getByRole("heading", { name: /Selamat datang/ }).waitFor();
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("returns to the requested console page after signing in", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await page.goto("/konsol/admin/pengguna");
    await page.waitForURL(/\/masuk\?next=%2Fkonsol%2Fadmin%2Fpengguna/);
    await submitPassword(page, "admin");
    await page.getByRole("heading", { name: "Kode verifikasi" }).waitFor();
    await page.getByLabel("Kode 6 angka").fill(await auth.code("admin"));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.getByRole("heading", { level: 1, name: "Pengguna" }).waitFor();
    await page.locator(`tr[data-username="relawan"]`).waitFor();
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("signs in a role without TOTP with the password alone", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "relawan");
    expect(auth.has("relawan")).toBe(false);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
