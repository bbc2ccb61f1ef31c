// Rendered at build time (plugin.ts): the home page with its hotlines as plain HTML in index.html, so a
// phone shows the official numbers and the safe-migration steps before (or without) any JavaScript.
import i18next from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import homeStrings from "virtual:simpul-strings/home";
import publicStrings from "virtual:simpul-strings/public";
import { Home } from "../site/Home";

export async function renderHome(): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n
    .use(initReactI18next)
    .init({ lng: "id", resources: { id: { translation: { ...publicStrings, ...homeStrings } } }, interpolation: { escapeValue: false } });
  return renderToString(
    <I18nextProvider i18n={i18n}>
      <Home />
    </I18nextProvider>,
  );
}
