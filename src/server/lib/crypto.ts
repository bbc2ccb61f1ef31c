// Application-layer encryption (AES-256-GCM) and keyed hashes for secrets and identity fields.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type KeyRing = {
  current: Buffer;
  id: string;
  /** Earlier encryption keys by key id, so ciphertexts written before a rotation stay readable. */
  retired?: ReadonlyMap<string, Buffer>;
  /**
   * The key of keyed hashes (blind indexes, PIN hashes). Rotation never changes it: hashes of values
   * that are not stored (PINs) could not be recomputed. Absent = the current key (never rotated).
   */
  macKey?: Buffer;
};

export const RETIRED_KEYS_FILE = "secret.keys.retired";
export const MAC_KEY_FILE = "secret.mac.key";

export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** The key id a ciphertext was written with. */
export function ciphertextKeyId(token: string): string | undefined {
  return token.split(".")[1];
}

/** Retired keys (one base64 key a line) and the keyed-hash key, kept beside the key file in the data directory. */
function loadRotationFiles(dataDir: string): { retired: Map<string, Buffer>; macKey?: Buffer } {
  const retired = new Map<string, Buffer>();
  const file = path.join(dataDir, RETIRED_KEYS_FILE);
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, "utf8").split(/\r?\n/)) {
      const k = Buffer.from(line.trim(), "base64");
      if (k.length === 32) retired.set(keyIdOf(k), k);
    }
  }
  const macFile = path.join(dataDir, MAC_KEY_FILE);
  const mac = fs.existsSync(macFile) ? Buffer.from(fs.readFileSync(macFile, "utf8").trim(), "base64") : undefined;
  return { retired, macKey: mac?.length === 32 ? mac : undefined };
}

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
  const { retired, macKey } = loadRotationFiles(opts.dataDir);
  return { current: key, id: keyIdOf(key), ...(retired.size ? { retired } : {}), ...(macKey ? { macKey } : {}) };
}

/** Output: v1.<keyId>.<iv>.<tag>.<ciphertext>, base64url parts. */
export function encrypt(ring: KeyRing, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", ring.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

export function decrypt(ring: KeyRing, token: string): string {
  const [v, keyId, iv, tag, ct] = token.split(".");
  if (v !== "v1" || !iv || !tag || ct === undefined) throw new Error("unreadable ciphertext");
  const key = keyId === ring.id ? ring.current : (ring.retired?.get(keyId ?? "") ?? ring.current);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * Encrypts a file's bytes with its own data key (envelope encryption: the caller stores the data key
 * sealed with the key ring, so rotating the ring never rewrites files). Output: 0x01 | iv (12) | tag (16) | ciphertext.
 */
export function encryptBytes(dataKey: Buffer, data: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", dataKey, iv);
  const ct = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), ct]);
}

/** Opens what encryptBytes wrote; throws when the bytes or the key are wrong (GCM authentication). */
export function decryptBytes(dataKey: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < 29 || sealed[0] !== 1) throw new Error("unreadable encrypted file");
  const decipher = createDecipheriv("aes-256-gcm", dataKey, sealed.subarray(1, 13));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}

/** Seals an optional text field (null stays null). */
export const sealText = (keys: KeyRing, v: string | null | undefined): string | null =>
  v === null || v === undefined ? null : encrypt(keys, v);
/** Opens what sealText wrote (null stays null). */
export const openText = (keys: KeyRing, v: string | null | undefined): string | null => (v ? decrypt(keys, v) : null);
/** Seals a list of texts as one ciphertext (an empty list is null). */
export const sealList = (keys: KeyRing, v: readonly string[] | null | undefined): string | null =>
  v?.length ? encrypt(keys, JSON.stringify(v)) : null;
/** Opens what sealList wrote (null is the empty list). */
export const openList = (keys: KeyRing, v: string | null | undefined): string[] => (v ? (JSON.parse(decrypt(keys, v)) as string[]) : []);

export function sha256Hex(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

export function hmacHex(ring: KeyRing, purpose: string, value: string): string {
  return createHmac("sha256", ring.macKey ?? ring.current)
    .update(`${purpose}\0${value}`)
    .digest("hex");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * A 32-byte key for one purpose (the audit chain, audit checkpoints), derived from the keyed-hash key.
 * Like that key it survives rotation of the encryption key, and it never sits in the database.
 */
export function deriveKey(ring: KeyRing, purpose: string): Buffer {
  return createHmac("sha256", ring.macKey ?? ring.current)
    .update(`simpul-derived-key\0${purpose}`)
    .digest();
}
