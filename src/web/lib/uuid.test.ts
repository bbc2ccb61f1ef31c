import { afterEach, describe, expect, it, vi } from "vitest";
import { randomUuid } from "./uuid";

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("randomUuid", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("uses crypto.randomUUID where the browser has it", () => {
    const spy = vi.spyOn(crypto, "randomUUID");
    expect(randomUuid()).toMatch(V4);
    expect(spy).toHaveBeenCalledOnce();
  });

  it("builds a version-4 UUID from getRandomValues where it does not", () => {
    const real = globalThis.crypto;
    const getRandomValues = vi.fn((array: Uint8Array<ArrayBuffer>) => real.getRandomValues(array));
    vi.stubGlobal("crypto", { getRandomValues });
    const ids = new Set(Array.from({ length: 50 }, () => randomUuid()));
    expect(getRandomValues).toHaveBeenCalledTimes(50);
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(V4);
  });
});
