// Sends the outreach sessions waiting on this device: when the console starts, when the browser
// reports the connection is back, and every half minute while some are waiting.
import { useEffect } from "react";
import { api } from "../../lib/api";
import { useSession } from "../../lib/session";
import type { Me } from "../../lib/types";
import type { SessionCreate } from "../villages/types";
import { jurisdictionDesa } from "./desaOptions";
import { outbox } from "./outbox";

export const sendSession = (body: SessionCreate) => api.post("/api/outreach/sessions", body);

export function flushOutbox(userId: string): Promise<number> {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return Promise.resolve(0);
  return outbox.flush(userId, sendSession);
}

/**
 * The service worker (`src/web/sw/`) keeps the app shell and the session form's code on the device,
 * so the form opens after a reload without a connection. Every visitor has the worker (public pages
 * offline), but only recorders ask it to keep the console: public visitors on cheap phones do not
 * download the console.
 */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register("/sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active?.postMessage({ type: "precache-console" }))
    .catch(() => undefined);
}

export function OutboxSync({ me }: { me: Me }) {
  const userId = me.id;
  const enabled = me.abilities.recordOutreach === true;
  // Started from the device copy without a connection: no session token to send with yet.
  const { offline } = useSession();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per signed-in user (`me` changes identity on every sign-in refresh)
  useEffect(() => {
    if (!enabled) return;
    registerServiceWorker();
    if (offline) return;
    // Load the session form's code and the user's desa now, so the form still opens if the connection drops later.
    void import("../villages/ProgrammeArea").catch(() => undefined);
    void jurisdictionDesa(me).catch(() => undefined);
    const run = () => {
      if (outbox.forUser(userId).some((item) => !item.rejected)) void flushOutbox(userId);
    };
    run();
    window.addEventListener("online", run);
    const timer = window.setInterval(run, 30_000);
    return () => {
      window.removeEventListener("online", run);
      window.clearInterval(timer);
    };
  }, [userId, enabled, offline]);
  return null;
}
