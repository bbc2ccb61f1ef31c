// The outbox of outreach sessions recorded on this device. A session is stored here first (with its
// client-generated UUID) and then sent; one that could not be sent (no connection, server down)
// stays until it is: on the browser's "online" event, when the console starts, and on "try again".
// The server's create is idempotent by that id, so a resend after a lost answer never duplicates.
import { useSyncExternalStore } from "react";
import { ApiError } from "../../lib/api";
import type { SessionCreate } from "../villages/types";

export const OUTBOX_KEY = "simpul.outreachOutbox";

export interface OutboxItem {
  id: string;
  /** The account that recorded it: only that account sends it. */
  userId: string;
  body: SessionCreate;
  /** Shown in the pending list. */
  desaName: string;
  queuedAt: number;
  attempts: number;
  /** The server refused it (validation, access): it waits for the user to fix or discard it. */
  rejected: string | null;
  /** The server's message per field when it refused the session, shown beside the fields when it is opened to fix. */
  rejectedFields?: Record<string, string>;
}

export type Sender = (body: SessionCreate) => Promise<unknown>;

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function defaultStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Errors worth retrying later: no connection, server unavailable, session ended (sign in again). */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return (
    error.status === 0 ||
    error.status >= 500 ||
    error.status === 401 ||
    error.status === 408 ||
    error.status === 429 ||
    error.code === "csrf_failed"
  );
}

export class Outbox {
  private memory: OutboxItem[] = [];
  private listeners = new Set<() => void>();
  private snapshot: OutboxItem[] | null = null;
  private flushing: Promise<number> | null = null;

  constructor(private readonly store: () => KeyValueStore | null = defaultStore) {}

  all(): OutboxItem[] {
    if (this.snapshot) return this.snapshot;
    let items = this.memory;
    try {
      const raw = this.store()?.getItem(OUTBOX_KEY);
      if (raw) items = JSON.parse(raw) as OutboxItem[];
    } catch {
      // Unreadable storage: the in-memory copy still holds this visit's items.
    }
    this.snapshot = Array.isArray(items) ? items : [];
    return this.snapshot;
  }

  forUser(userId: string): OutboxItem[] {
    return this.all().filter((item) => item.userId === userId);
  }

  private write(items: OutboxItem[]): void {
    this.memory = items;
    this.snapshot = items;
    try {
      this.store()?.setItem(OUTBOX_KEY, JSON.stringify(items));
    } catch {
      // Storage full or forbidden: kept in memory for this visit.
    }
    for (const listener of this.listeners) listener();
  }

  /** Keeps a session on the device; the same id twice is stored once. */
  add(item: Omit<OutboxItem, "queuedAt" | "attempts" | "rejected" | "rejectedFields">, now = Date.now()): void {
    const items = this.all().filter((existing) => existing.id !== item.id);
    this.write([...items, { ...item, queuedAt: now, attempts: 0, rejected: null, rejectedFields: {} }]);
  }

  find(id: string): OutboxItem | undefined {
    return this.all().find((item) => item.id === id);
  }

  remove(id: string): void {
    this.write(this.all().filter((item) => item.id !== id));
  }

  private update(id: string, change: Partial<OutboxItem>): void {
    this.write(this.all().map((item) => (item.id === id ? { ...item, ...change } : item)));
  }

  /**
   * Sends this user's waiting sessions one by one; returns how many were accepted. Concurrent calls
   * share one run, so an "online" event during a manual retry does not send anything twice.
   */
  flush(userId: string, send: Sender): Promise<number> {
    if (this.flushing) return this.flushing;
    this.flushing = this.run(userId, send).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async run(userId: string, send: Sender): Promise<number> {
    let sent = 0;
    for (const item of this.forUser(userId)) {
      if (item.rejected) continue;
      try {
        await send(item.body);
        this.remove(item.id);
        sent++;
      } catch (error) {
        if (isTransient(error)) {
          this.update(item.id, { attempts: item.attempts + 1 });
          // Still offline or the server is down: the rest would fail the same way.
          break;
        }
        this.update(item.id, {
          attempts: item.attempts + 1,
          rejected: error instanceof Error && error.message ? error.message : "rejected",
          rejectedFields: error instanceof ApiError ? error.fields : {},
        });
      }
    }
    return sent;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    const onStorage = (event: StorageEvent) => {
      if (event.key !== OUTBOX_KEY) return;
      this.snapshot = null;
      listener();
    };
    if (typeof window !== "undefined") window.addEventListener("storage", onStorage);
    return () => {
      this.listeners.delete(listener);
      if (typeof window !== "undefined") window.removeEventListener("storage", onStorage);
    };
  };
}

export const outbox = new Outbox();

const EMPTY: OutboxItem[] = [];

/** This user's sessions still waiting on the device; re-renders when the outbox changes. */
export function useOutbox(userId: string): OutboxItem[] {
  const all = useSyncExternalStore(
    outbox.subscribe,
    () => outbox.all(),
    () => EMPTY,
  );
  return all.filter((item) => item.userId === userId);
}
