import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api";
import type { SessionCreate } from "../villages/types";
import { OUTBOX_KEY, Outbox } from "./outbox";

function memoryStore() {
  const data = new Map<string, string>();
  return { data, store: { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } };
}

const body = (id: string) =>
  ({
    id,
    desaCode: "36.04.12.2001",
    startsAt: "2026-01-10T09:00",
    audiences: ["general_public"],
    topics: ["hotlines"],
  }) as unknown as SessionCreate;

describe("outreach outbox", () => {
  it("keeps a session on the device until the server accepts it, and sends it once", async () => {
    const { data, store } = memoryStore();
    const box = new Outbox(() => store);
    box.add({ id: "a", userId: "u1", body: body("a"), desaName: "Pontang" });
    box.add({ id: "a", userId: "u1", body: body("a"), desaName: "Pontang" });
    expect(box.forUser("u1")).toHaveLength(1);
    expect(JSON.parse(data.get(OUTBOX_KEY) ?? "[]")).toHaveLength(1);

    const offline = async () => {
      throw new ApiError(0, "network", "");
    };
    expect(await box.flush("u1", offline)).toBe(0);
    expect(box.forUser("u1")[0].attempts).toBe(1);

    const sent: string[] = [];
    const online = async (b: SessionCreate) => void sent.push(b.id);
    // Two triggers at once (online event and app start) share one run.
    const [first, second] = await Promise.all([box.flush("u1", online), box.flush("u1", online)]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    expect(sent).toEqual(["a"]);
    expect(box.forUser("u1")).toHaveLength(0);
  });

  it("sends only the signed-in user's sessions and sets aside the ones the server refuses", async () => {
    const { store } = memoryStore();
    const box = new Outbox(() => store);
    box.add({ id: "a", userId: "u1", body: body("a"), desaName: "A" });
    box.add({ id: "b", userId: "u2", body: body("b"), desaName: "B" });
    const refuse = async () => {
      throw new ApiError(400, "validation_failed", "Periksa isian", { endsAt: "Jam selesai harus sesudah jam mulai." });
    };
    expect(await box.flush("u1", refuse)).toBe(0);
    expect(box.forUser("u1")[0].rejected).toBe("Periksa isian");
    expect(box.find("a")?.rejectedFields).toEqual({ endsAt: "Jam selesai harus sesudah jam mulai." });
    expect(box.forUser("u2")[0].rejected).toBeNull();
    // A set-aside session is not resent until the user deals with it.
    const sent: string[] = [];
    await box.flush("u1", async (b) => void sent.push(b.id));
    expect(sent).toEqual([]);
    // Corrected in the form, it is kept again under the same id and sent.
    box.add({ id: "a", userId: "u1", body: { ...body("a"), endsAt: "2026-01-10T11:00" }, desaName: "A" });
    expect(box.find("a")).toMatchObject({ rejected: null, rejectedFields: {}, attempts: 0 });
    expect(await box.flush("u1", async (b) => void sent.push(b.id))).toBe(1);
    expect(sent).toEqual(["a"]);
    expect(box.forUser("u1")).toHaveLength(0);
  });
});
