import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Authenticator, signIn } from "./support/auth";
import { newPage } from "./support/browser";
import { serverAndBrowser } from "./support/harness";

const e2e = serverAndBrowser();
const auth = new Authenticator();

async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Navigasi konsol" });
  return (await nav.getByRole("link").allTextContents()).map((text) => text.trim());
}

describe("console navigation follows the user's abilities", () => {
  it("shows a volunteer no administration and no audit trail", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "relawan");
    const labels = await navLabels(page);
    expect(labels).toContain("Beranda");
    expect(labels).not.toContain("Instansi");
    expect(labels).not.toContain("Pengguna");
    expect(labels).not.toContain("Jejak audit");
    expect(await page.getByTestId("me-roles").textContent()).toContain("Relawan");

    // Typing the address does not open the page either.
    await page.goto("/konsol/admin/pengguna");
    await page.getByRole("heading", { name: "Halaman tidak ditemukan" }).waitFor();
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("works on a 360 px phone through the menu button", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl, { width: 360, height: 740 });
    await signIn(page, auth, "auditor");
    const auditLink = page.getByRole("link", { name: "Jejak audit" });
    expect(await auditLink.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Buka menu" }).click();
    await auditLink.click();
    await page.getByRole("heading", { level: 1, name: "Jejak audit" }).waitFor();
    // The menu closes after choosing a page, and nothing overflows sideways but the table.
    await auditLink.waitFor({ state: "hidden" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("shows an admin the administration pages", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "admin");
    const labels = await navLabels(page);
    expect(labels).toEqual(expect.arrayContaining(["Beranda", "Instansi", "Pengguna"]));

    await page.getByRole("link", { name: "Instansi" }).click();
    await page.getByRole("heading", { level: 1, name: "Instansi" }).waitFor();
    await page
      .getByRole("cell", { name: /Imigrasi/ })
      .first()
      .waitFor();
    await page.getByRole("link", { name: "Pengguna" }).click();
    await page.getByRole("heading", { level: 1, name: "Pengguna" }).waitFor();
    await page.locator(`tr[data-username="auditor"]`).waitFor();
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("shows an auditor the audit trail and nothing to administer", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "auditor");
    const labels = await navLabels(page);
    expect(labels).toContain("Jejak audit");
    expect(labels).not.toContain("Pengguna");
    expect(labels).not.toContain("Instansi");

    await page.getByRole("link", { name: "Jejak audit" }).click();
    await page.getByRole("heading", { level: 1, name: "Jejak audit" }).waitFor();
    // The auditor's own sign-in is on the trail; choosing an actor shows only their records.
    const auditorLink = page.getByRole("button", { name: "auditor", exact: true });
    await auditorLink.first().waitFor();
    await auditorLink.first().click();
    await page.getByRole("button", { name: "Hapus saringan pelaku" }).waitFor();
    await expect
      .poll(async () => ({
        auditor: (await auditorLink.count()) > 0,
        others: await page.getByRole("button", { name: "relawan", exact: true }).count(),
      }))
      .toEqual({ auditor: true, others: 0 });
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("switches the console to English and tells the API", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "auditor");
    const languages: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/")) languages.push(request.headers()["accept-language"] ?? "");
    });
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { name: /Welcome/ }).waitFor();
    const nav = page.getByRole("navigation", { name: "Console navigation" });
    expect(await nav.getByRole("link", { name: "Audit trail" }).isVisible()).toBe(true);

    await nav.getByRole("link", { name: "Audit trail" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
    expect(languages.length).toBeGreaterThan(0);
    expect(languages.every((language) => language === "en")).toBe(true);

    // The choice survives a reload.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
