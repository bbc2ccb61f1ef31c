// Indonesian is the default. The entry carries only the words every public page shows; each public
// page brings its own section and the console the whole file (string-groups.ts, plugin.ts).
// English is fetched whole, only when chosen.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import publicStrings from "virtual:simpul-strings/public";
import type { StringGroup } from "./string-groups";

export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "simpul.lang";

function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

async function ensureLoaded(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, "translation")) return;
  if (language === "en") {
    const en = await import("./en.json");
    i18next.addResourceBundle("en", "translation", en.default, true, true);
  }
}

export async function initI18n(): Promise<void> {
  const language = storedLanguage() ?? "id";
  await i18next.use(initReactI18next).init({
    lng: "id",
    fallbackLng: "id",
    supportedLngs: [...LANGUAGES],
    resources: { id: { translation: publicStrings } },
    interpolation: { escapeValue: false },
  });
  if (language !== "id") await applyLanguage(language);
  document.documentElement.lang = i18next.language;
}

const LOADERS: Record<Exclude<StringGroup, "public"> | "console", () => Promise<{ default: Record<string, unknown> }>> = {
  home: () => import("virtual:simpul-strings/home"),
  jobCheck: () => import("virtual:simpul-strings/jobCheck"),
  report: () => import("virtual:simpul-strings/report"),
  signIn: () => import("virtual:simpul-strings/signIn"),
  statistics: () => import("virtual:simpul-strings/statistics"),
  console: () => import("./id.json"),
};
const loaded = new Set<string>();

/** Adds the Indonesian words of a page (or of the whole console) before it is shown. */
export async function loadStrings(group: keyof typeof LOADERS): Promise<void> {
  if (loaded.has(group)) return;
  const strings = await LOADERS[group]();
  i18next.addResourceBundle("id", "translation", strings.default, true, false);
  loaded.add(group);
}

async function applyLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Switches the language and remembers the choice on this device. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may forbid storage; the switch still applies to this visit.
  }
  await applyLanguage(language);
}

/** Adopts the language saved on the user's account unless this device already has a choice. */
export async function adoptAccountLanguage(locale: string | undefined): Promise<void> {
  if (storedLanguage() || !locale) return;
  const language = locale.slice(0, 2);
  if (isLanguage(language) && language !== i18next.language) await applyLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : "id";
}
