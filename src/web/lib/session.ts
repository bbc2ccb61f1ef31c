// The signed-in user, shared between the sign-in page (public bundle) and the console (lazy chunk).
import { useSyncExternalStore } from "react";
import type { Me } from "./types";
import { setCsrfToken } from "./api";

export interface SessionState {
  me: Me | null;
  /**
   * The console started without a connection from the device copy (see `rememberOnDevice`): no
   * session token is known, so nothing can be sent until `/api/auth/me` answers again.
   */
  offline: boolean;
}

let state: SessionState = { me: null, offline: false };
const listeners = new Set<() => void>();

const DEVICE_KEY = "simpul.deviceProfile";
/** A device copy older than this no longer opens the console offline. */
const DEVICE_COPY_DAYS = 7;

function emit(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function setSession(me: Me | null, csrfToken: string | null): void {
  setCsrfToken(csrfToken);
  // Signing out (or a session the server ended) also removes the device copy.
  if (!me) forgetOnDevice();
  emit({ me, offline: false });
}

/** Opens the console from the device copy while there is no connection. */
export function setOfflineSession(me: Me): void {
  setCsrfToken(null);
  emit({ me, offline: true });
}

/** Replaces the signed-in user's details, keeping the session and its CSRF token. */
export function updateMe(me: Me): void {
  emit({ ...state, me });
}

export function getSession(): SessionState {
  return state;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, getSession);
}

/**
 * Keeps what the console needs to open the outreach form without a connection: the account's id,
 * name, agency, jurisdiction and locale, with no ability beyond recording outreach. No session
 * token and nothing about reports, cases or other people is stored.
 */
export function rememberOnDevice(me: Me, now = Date.now()): void {
  const copy: Me = {
    ...me,
    abilities: { recordOutreach: true },
    mustChangePassword: false,
  };
  try {
    window.localStorage.setItem(DEVICE_KEY, JSON.stringify({ savedAt: now, me: copy }));
  } catch {
    // No storage: the console needs a connection to start.
  }
}

export function rememberedOnDevice(now = Date.now()): Me | null {
  try {
    const raw = window.localStorage.getItem(DEVICE_KEY);
    if (!raw) return null;
    const { savedAt, me } = JSON.parse(raw) as { savedAt: number; me: Me };
    if (typeof savedAt !== "number" || now - savedAt > DEVICE_COPY_DAYS * 86_400_000) return null;
    return me;
  } catch {
    return null;
  }
}

export function forgetOnDevice(): void {
  try {
    window.localStorage.removeItem(DEVICE_KEY);
  } catch {
    // No storage.
  }
}
