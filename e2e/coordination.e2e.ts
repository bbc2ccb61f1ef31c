// Coordination end to end: the demo coordinator plans a meeting inviting Disnakertrans, records its
// attendance, adds a decision with an action item owned by Disnakertrans and downloads the minutes PDF;
// the console home counts the open item and its number opens the list that holds it; the coordinator
// makes this month's report and downloads it as PDF and XLSX; the demo Disnakertrans operator sees the
// item on their list and completes it with proof, and the coordinator then sees it done.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Authenticator, signIn, signOut } from "./support/auth";
import { newPage } from "./support/browser";
import { serverAndBrowser } from "./support/harness";

const e2e = serverAndBrowser();
const auth = new Authenticator();

const DISNAKER = "Disnakertrans Kabupaten Serang";
const TITLE = "Rapat Koordinasi Penertiban Perekrut (uji)";
const ITEM = "Surat teguran untuk LPK tanpa izin (uji)";
let meetingPath = "";

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("Coordination: meeting → decision → action item completed by the owner agency", () => {
  it("lets the coordinator plan a meeting, record attendance and a decision with an action item for Disnakertrans", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "koordinator");
    await page.getByRole("navigation").getByRole("link", { name: "Koordinasi" }).click();
    await page.getByRole("heading", { level: 1, name: "Koordinasi Gugus Tugas" }).waitFor();
    await page.getByRole("tab", { name: "Rapat" }).click();
    await page.getByLabel("Judul rapat").fill(TITLE);
    await page.getByLabel("Tanggal dan jam (WIB)").fill("2026-12-10T09:00");
    await page.getByLabel("Tempat").fill("Aula Setda Kabupaten Serang");
    await page.getByLabel("Agenda").fill("Penertiban perekrut tanpa izin");
    await page.getByRole("combobox", { name: "Instansi diundang" }).click();
    await page.getByRole("option", { name: DISNAKER, exact: true }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Buat rapat" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    meetingPath = new URL(page.url()).pathname;

    await page.getByRole("checkbox", { name: DISNAKER }).check();
    const saved = page.waitForResponse((r) => r.url().endsWith("/attendance") && r.status() === 200);
    await page.getByRole("button", { name: "Simpan kehadiran" }).click();
    await saved;

    await page.getByLabel("Keputusan", { exact: true }).fill("Disnakertrans menertibkan LPK tanpa izin.");
    await page.getByLabel("Tindak lanjut", { exact: true }).fill(ITEM);
    await pick(page, "Instansi penanggung jawab", DISNAKER);
    await page.getByLabel("Tenggat").fill("2026-12-24");
    await page.getByRole("button", { name: "Tambah keputusan" }).click();
    const card = page.getByTestId("action-item").filter({ hasText: ITEM });
    await card.waitFor();
    expect(await card.textContent()).toContain(DISNAKER);
    expect(await card.textContent()).toContain("Terbuka");

    const pdf = await page.evaluate(async (path) => {
      const res = await fetch(`/api/coordination${path.replace("/konsol/koordinasi/rapat", "/meetings")}/minutes.pdf`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get("content-type"), head: String.fromCharCode(...bytes.slice(0, 5)) };
    }, meetingPath);
    expect(pdf).toEqual({ status: 200, type: "application/pdf", head: "%PDF-" });
    expect(log.errors).toEqual([]);
    await signOut(page);
    await context.close();
  });

  it("counts the open item on the coordinator's dashboard, whose number opens the list holding it", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "koordinator");
    const section = page.getByTestId("dashboard-action-items");
    await section.waitFor();
    const open = section.getByTestId("dashboard-figure").filter({ hasText: "Terbuka" });
    const count = Number(((await open.locator("p").first().textContent()) ?? "").replace(/\D/g, ""));
    expect(count).toBeGreaterThan(0);
    await open.click();
    await page.waitForURL(/\/konsol\/koordinasi\?.*status=open/);
    await page.getByTestId("action-item").filter({ hasText: ITEM }).waitFor();
    // The list behind the number holds exactly as many items, every one of them open.
    await expect.poll(() => page.getByTestId("action-item").count()).toBe(count);
    for (const text of await page.getByTestId("action-item").allTextContents()) expect(text).toContain("Terbuka");
    expect(log.errors).toEqual([]);
    await signOut(page);
    await context.close();
  });

  it("makes this month's report and downloads it as PDF and XLSX", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "koordinator");
    await page.getByRole("navigation").getByRole("link", { name: "Laporan berkala" }).click();
    await page.getByRole("heading", { level: 1, name: "Laporan bulanan dan tahunan" }).waitFor();
    // This month in WIB (a report of the running month is allowed; the scheduler replaces it after month end).
    const wib = new Date(Date.now() + 7 * 3_600_000);
    const year = String(wib.getUTCFullYear());
    const month = wib.getUTCMonth() + 1;
    await page.getByLabel("Jenis").selectOption("month");
    await page.getByLabel("Tahun").selectOption(year);
    await page.getByLabel("Bulan").selectOption(String(month));
    const made = page.waitForResponse((r) => r.url().endsWith("/api/periodic-reports") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Buat sekarang" }).click();
    expect((await made).status()).toBe(201);
    await page.getByText(/selesai dibuat/).waitFor();
    const period = `${year}-${String(month).padStart(2, "0")}`;
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: /^PDF/ }) })
      .first();
    await row.waitFor();

    for (const [name, magic] of [
      ["PDF", "%PDF-"],
      ["XLSX", "PK"],
    ] as const) {
      const download = page.waitForEvent("download");
      await row.getByRole("link", { name: new RegExp(`^${name}`) }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`laporan-bulanan-${period}.${name.toLowerCase()}`);
      const bytes = await readFile(await file.path());
      expect(bytes.subarray(0, magic.length).toString("latin1")).toBe(magic);
    }
    expect(log.errors).toEqual([]);
    await signOut(page);
    await context.close();
  });

  it("shows the item to the Disnakertrans operator, who completes it with proof", async () => {
    const { context, page, log } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "operator");
    await page.getByRole("navigation").getByRole("link", { name: "Koordinasi" }).click();
    await page.getByRole("heading", { level: 1, name: "Koordinasi Gugus Tugas" }).waitFor();
    const card = page.getByTestId("action-item").filter({ hasText: ITEM });
    await card.waitFor();
    await card.getByRole("combobox", { name: "Status" }).click();
    await page.getByRole("option", { name: "Selesai", exact: true }).click();
    await card.getByLabel("Bukti penyelesaian").fill("Surat B/512/2026 dikirim ke 3 LPK");
    await card.getByRole("button", { name: "Simpan" }).click();
    await card.getByText("Bukti: Surat B/512/2026 dikirim ke 3 LPK").waitFor();
    expect(await card.textContent()).toContain("Selesai");
    // The seeded overdue item of Disnakertrans is on the operator's list too, marked overdue.
    // The completed item leaves the filtered list once it has loaded (the unfiltered one stays until then).
    await page.getByRole("checkbox", { name: "Hanya yang lewat tenggat" }).check();
    await page.getByTestId("action-item").filter({ hasText: ITEM }).waitFor({ state: "detached" });
    await page.getByTestId("action-item").first().getByText("Lewat tenggat").waitFor();
    expect(log.errors).toEqual([]);
    await signOut(page);
    await context.close();
  });

  it("shows the coordinator the completed item on the meeting page", async () => {
    const { context, page } = await newPage(e2e.browser, e2e.server.baseUrl);
    await signIn(page, auth, "koordinator");
    await page.goto(meetingPath);
    const card = page.getByTestId("action-item").filter({ hasText: ITEM });
    await card.getByText("Bukti: Surat B/512/2026 dikirim ke 3 LPK").waitFor();
    expect(await card.textContent()).toContain("Selesai");
    await context.close();
  });
});
