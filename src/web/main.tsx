import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, preloadHome } from "./App";
import { initI18n } from "./i18n";
import "./site/public.css";

// Every visitor gets the service worker: the public pages then open offline after one visit
// (src/web/sw/; it never caches /api/). Registered after load so it never competes with the page.
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  window.addEventListener("load", () => void navigator.serviceWorker.register("/sw.js").catch(() => undefined));
}

// A visit that starts on the home page fetches its chunk alongside the words (see App.tsx), so the
// pre-rendered home stays on screen until the same page takes over (if that fetch fails, App shows the
// page through its lazy loader instead). initI18n() runs first: the home words join its store.
const i18nReady = initI18n();
const homeReady = window.location.pathname === "/" ? preloadHome().catch(() => undefined) : undefined;
void Promise.all([i18nReady, homeReady]).then(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
