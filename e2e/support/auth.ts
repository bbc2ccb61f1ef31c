// Signs demo users in through the real sign-in page, enrolling TOTP when the server asks for it.
import type { Page } from "playwright-core";
import { Secret, TOTP } from "otpauth";
import { DEMO_PASSWORD } from "./server";

const PERIOD = 30;

/** TOTP secrets seen on the enrolment page, and the last time window used, per username. */
export class Authenticator {
  private readonly secrets = new Map<string, string>();
  private readonly lastCounter = new Map<string, number>();

  remember(username: string, secret: string): void {
    this.secrets.set(username, secret.replace(/\s+/g, ""));
  }

  has(username: string): boolean {
    return this.secrets.has(username);
  }

  /** A code for the current window; waits for a fresh window if this one was used already (no replay). */
  async code(username: string): Promise<string> {
    const secret = this.secrets.get(username);
    if (!secret) throw new Error(`no TOTP secret recorded for ${username}`);
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: PERIOD, algorithm: "SHA1" });
    let counter = Math.floor(Date.now() / 1000 / PERIOD);
    const last = this.lastCounter.get(username);
    if (last !== undefined && counter <= last) {
      const wait = (last + 1) * PERIOD * 1000 - Date.now() + 200;
      await new Promise((resolve) => setTimeout(resolve, wait));
      counter = Math.floor(Date.now() / 1000 / PERIOD);
    }
    this.lastCounter.set(username, counter);
    return totp.generate({ timestamp: counter * PERIOD * 1000 });
  }
}

export async function submitPassword(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("Nama pengguna", { exact: true }).fill(username);
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

/**
 * Signs in from /masuk and ends on the console. Works for users with and without TOTP,
 * enrolled or not. Assumes the page is in Indonesian.
 */
export async function signIn(page: Page, auth: Authenticator, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/masuk");
  await submitPassword(page, username, password);
  const enrol = page.getByRole("heading", { name: "Aktifkan verifikasi dua langkah" });
  const totp = page.getByRole("heading", { name: "Kode verifikasi" });
  const consoleHome = page.getByRole("heading", { name: /Selamat datang/ });
  await enrol.or(totp).or(consoleHome).first().waitFor();
  if (await enrol.isVisible()) {
    auth.remember(username, (await page.getByTestId("totp-secret").textContent()) ?? "");
    await page.getByLabel("Kode 6 angka").fill(await auth.code(username));
    await page.getByRole("button", { name: "Aktifkan dan masuk" }).click();
  } else if (await totp.isVisible()) {
    await page.getByLabel("Kode 6 angka").fill(await auth.code(username));
    await page.getByRole("button", { name: "Verifikasi" }).click();
  }
  await consoleHome.waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Menu pengguna/ }).click();
  await page.getByRole("menuitem", { name: "Keluar" }).click();
  await page.waitForURL("**/masuk");
}
