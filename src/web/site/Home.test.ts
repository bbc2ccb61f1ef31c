// The home page is the way in for residents: it must link every public page and every leaflet, and the
// check reads the HTML the build pre-renders (no browser needed).
import i18next from "i18next";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it, vi } from "vitest";
import { PUBLIC_PAGE_PATHS } from "../../core/app-paths";
import { LEAFLET_NAMES, leafletPath } from "../../core/leaflets";
import id from "../i18n/id.json";
import { Home } from "./Home";

// The language switch loads the build's string split (a Vite virtual module); the page's words come from id.json here.
vi.mock("virtual:simpul-strings/public", () => ({ default: {} }));

async function homeHtml(): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng: "id", resources: { id: { translation: id } }, interpolation: { escapeValue: false } });
  return renderToString(createElement(I18nextProvider, { i18n }, createElement(Home)));
}

describe("home page", () => {
  it("links every public page and every leaflet", async () => {
    const html = await homeHtml();
    const hrefs = new Set([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]));
    for (const path of PUBLIC_PAGE_PATHS) expect(hrefs, path).toContain(path);
    for (const name of LEAFLET_NAMES) expect(hrefs, name).toContain(leafletPath(name));
    for (const path of ["/cek-lowongan", "/cek-perusahaan", "/cek-nomor", "/lapor", "/lapor/status", "/statistik"])
      expect(hrefs).toContain(path);
  });
});
