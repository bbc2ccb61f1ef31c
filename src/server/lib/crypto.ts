// Application-layer encryption (AES-256-GCM) and keyed hashes for secrets and identity fields.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type KeyRing = { current: Buffer; id: string };

/** The key comes from SIMPUL_SECRET_KEY (base64, 32 bytes) or a key file created at first start with mode 0600. */
export function loadKeyRing(opts: { secretKey?: string; dataDir: string }): KeyRing {
  let key: Buffer;
  if (opts.secretKey) {
    key = Buffer.from(opts.secretKey, "base64");
    if (key.length !== 32) throw new Error("SIMPUL_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
  } else {
    const file = path.join(opts.dataDir, "secret.key");
    if (fs.existsSync(file)) {
      key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    } else {
      fs.mkdirSync(opts.dataDir, { recursive: true });
      key = randomBytes(32);
      fs.writeFileSync(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
    }
  }
  return { current: key, id: createHash("sha256").update(key).digest("hex").slice(0, 8) };
}

/** Output: v1.<keyId>.<iv>.<tag>.<ciphertext>, base64url parts. */
export function encrypt(ring: KeyRing, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", ring.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

export function decrypt(ring: KeyRing, token: string): string {
  const [v, , iv, tag, ct] = token.split(".");
  if (v !== "v1" || !iv || !tag || ct === undefined) throw new Error("unreadable ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", ring.current, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

export function sha256Hex(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

export function hmacHex(ring: KeyRing, purpose: string, value: string): string {
  return createHmac("sha256", ring.current).update(`${purpose}\0${value}`).digest("hex");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
