// The signed-in user, shared between the sign-in page (public bundle) and the console (lazy chunk).
import { useSyncExternalStore } from "react";
import type { Me } from "./types";
import { setCsrfToken } from "./api";

export interface SessionState {
  me: Me | null;
}

let state: SessionState = { me: null };
const listeners = new Set<() => void>();

export function setSession(me: Me | null, csrfToken: string | null): void {
  setCsrfToken(csrfToken);
  state = { me };
  for (const listener of listeners) listener();
}

/** Replaces the signed-in user's details, keeping the session and its CSRF token. */
export function updateMe(me: Me): void {
  state = { me };
  for (const listener of listeners) listener();
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
