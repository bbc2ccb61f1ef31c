import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, signedIn, type TestEnv } from "../../../../test/helpers/app";
import { GROUP_EXPORT, MARKER, zipOf } from "./chatcheck.fixtures";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

async function as(role: "volunteer" | "pimpasa" | "coordinator") {
  return signedIn(env, { roles: [role] });
}
const upload = async (
  payload: Buffer | string,
  type = "application/octet-stream",
  role: "volunteer" | "pimpasa" | "coordinator" = "volunteer",
) => (await as(role)).request("POST", "/api/outreach/chat-check", payload, { "content-type": type });

const rows = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as Record<string, unknown>[];

/** Every row of every table in the public schema, as text, that contains `needle`. */
async function tablesContaining(needle: string): Promise<string[]> {
  const tables = rows(
    await env.ctx.db.execute(
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    ),
  );
  const found: string[] = [];
  for (const { table_name } of tables) {
    const name = String(table_name);
    const hit = rows(await env.ctx.db.execute(sql.raw(`SELECT count(*)::int AS n FROM "${name}" t WHERE t::text LIKE '%${needle}%'`)));
    if (Number(hit[0]?.n) > 0) found.push(name);
  }
  return found;
}

describe("POST /api/outreach/chat-check", () => {
  it("lists the job offers of a group export with their red flags and WIB times, riskiest first", async () => {
    const res = await upload(GROUP_EXPORT, "text/plain");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.messages).toBe(5);
    expect(body.truncated).toBe(false);
    expect(body.offers).toHaveLength(2);
    const [risky, plain] = body.offers;
    expect(risky.level).toBe("tinggi");
    expect(risky.text).toMatch(/^Dibutuhkan admin online di Kamboja[\s\S]*visa turis/);
    expect(risky.flags.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(["tourist_visa", "scam_hotspot_destination"]));
    expect(risky.phones).toEqual(["+6281234567890"]);
    // 14.07 on the phone in Banten is 07.07 UTC.
    expect(risky.sentAt).toBe("2026-11-02T07:07:00.000Z");
    expect(plain.level).toBe("rendah");
    expect(plain.author).toBe("Dewi");
  });

  it("reads the chat text out of a .zip export with media and ignores the media", async () => {
    const zip = zipOf({ "IMG-20261102-WA0001.jpg": Buffer.alloc(2048, 7), "_chat.txt": GROUP_EXPORT });
    const res = await upload(zip, "application/zip", "pimpasa");
    expect(res.statusCode).toBe(200);
    expect(res.json().offers.map((o: { level: string }) => o.level)).toEqual(["tinggi", "rendah"]);
  });

  it("stores nothing from the chat: no table holds its text, and the audit record only counts", async () => {
    expect((await upload(GROUP_EXPORT, "text/plain", "coordinator")).statusCode).toBe(200);
    expect(await tablesContaining(MARKER)).toEqual([]);
    expect(await tablesContaining("Kamboja")).toEqual([]);
    const audit = rows(await env.ctx.db.execute(sql`SELECT details FROM audit_log WHERE action = 'chat_check.run'`));
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.at(-1)!.details).toEqual({ messages: 5, checked: 5, offers: 2 });
  });

  it("refuses what is not a chat export with a field message", async () => {
    for (const [payload, type] of [
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), "application/octet-stream"],
      ["just some text without any chat lines", "text/plain"],
      [zipOf({ "photo.jpg": Buffer.alloc(100) }), "application/zip"],
      [Buffer.from("PK\u0003\u0004broken"), "application/zip"],
    ] as const) {
      const res = await upload(payload, type);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.file).toMatch(/ekspor obrolan grup WhatsApp/);
    }
  });
});
