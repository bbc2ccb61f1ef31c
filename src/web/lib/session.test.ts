import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetOnDevice, getSession, rememberedOnDevice, rememberOnDevice, setOfflineSession, setSession } from "./session";
import type { Me } from "./types";

const me = {
  id: "u1",
  username: "relawan",
  displayName: "Relawan",
  agency: null,
  roles: ["volunteer"],
  jurisdiction: { kind: "areas", codes: ["36.04.12.2001"] },
  abilities: { recordOutreach: true, viewDashboard: true, viewReports: false },
  locale: "id",
  mustChangePassword: false,
  regency: { code: "36.04", name: "Kabupaten Serang" },
} as Me;

const DAY = 86_400_000;

beforeEach(() => {
  const data = new Map<string, string>();
  (globalThis as { window?: unknown }).window = {
    localStorage: {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    },
  };
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe("the device copy of the signed-in recorder", () => {
  it("keeps the account with no ability beyond recording outreach, for seven days", () => {
    rememberOnDevice(me, 1_000);
    const copy = rememberedOnDevice(1_000 + 6 * DAY);
    expect(copy).toMatchObject({ id: "u1", jurisdiction: { kind: "areas", codes: ["36.04.12.2001"] } });
    expect(copy?.abilities).toEqual({ recordOutreach: true });
    expect(rememberedOnDevice(1_000 + 8 * DAY)).toBeNull();
  });

  it("opens an offline session without a token, and is removed when the user signs out", () => {
    rememberOnDevice(me);
    setOfflineSession(rememberedOnDevice()!);
    expect(getSession()).toMatchObject({ offline: true, me: { id: "u1" } });
    setSession(null, null);
    expect(getSession()).toEqual({ me: null, offline: false });
    expect(rememberedOnDevice()).toBeNull();
    forgetOnDevice();
  });
});
