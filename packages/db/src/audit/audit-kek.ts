import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { KyselyPlugin } from "kysely";
import type { Database } from "../create-database.ts";

// The per-person audit keys are stored wrapped (AES-256-GCM) under a key-encryption key that lives
// outside the database (AUDIT_KEK): a copy of the database alone does not open the personal values.
const KEK_BYTES = 32;
export const WRAP_IV_BYTES = 12;
const IV_BYTES = WRAP_IV_BYTES;
const TAG_BYTES = 16;

/** Reads a 32-byte key given as 64 hex digits or as base64 / base64url; throws on anything else. */
export function parseAuditKek(value: string): Buffer {
  const text = value.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, "hex")
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(text)
      ? Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64")
      : Buffer.alloc(0);
  if (bytes.length !== KEK_BYTES)
    throw new Error(
      "AUDIT_KEK must be 32 bytes, given as 64 hex digits or base64 (e.g. openssl rand -base64 32)",
    );
  return bytes;
}

/** A fresh key-encryption key as base64url, for local installs and tests. */
export function generateAuditKek(): string {
  return randomBytes(KEK_BYTES).toString("base64url");
}

// Found by a registered symbol, not `instanceof`: a bundler may load this module more than once.
const AUDIT_KEK = Symbol.for("purposeful.auditKek");

/**
 * Carries the KEK with a database handle: Kysely hands its plugins on to every transaction and
 * `withSchema` copy, so functions that take `db` or `trx` find the key without a module singleton
 * and without reading the environment. It does not change queries.
 */
export class AuditKeyPlugin implements KyselyPlugin {
  readonly [AUDIT_KEK] = true;
  readonly kek: Buffer;
  constructor(kek: Uint8Array) {
    if (kek.length !== KEK_BYTES) throw new Error("the audit KEK must be 32 bytes");
    this.kek = Buffer.from(kek);
  }
  transformQuery: KyselyPlugin["transformQuery"] = (args) => args.node;
  transformResult: KyselyPlugin["transformResult"] = async (args) => args.result;
}

/** The KEK the handle carries (the last one added wins); throws when it has none (set AUDIT_KEK). */
export function auditKekOf(db: Database): Buffer {
  const plugin = db
    .getExecutor()
    .plugins.findLast((p): p is AuditKeyPlugin => (p as Partial<AuditKeyPlugin>)[AUDIT_KEK] === true);
  if (!plugin)
    throw new Error("no audit key-encryption key: set AUDIT_KEK (createDatabase(…, { auditKek }))");
  return plugin.kek;
}

/** Wraps a person's key; the person id is bound as additional data, so a key moved to another row fails. */
export function wrapPersonKey(
  kek: Buffer,
  personId: string,
  key: Buffer,
  iv: Buffer = randomBytes(IV_BYTES),
): Buffer {
  const cipher = createCipheriv("aes-256-gcm", kek, iv);
  cipher.setAAD(Buffer.from(personId, "utf8"));
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unwrapPersonKey(kek: Buffer, personId: string, wrapped: Uint8Array): Buffer {
  const buffer = Buffer.from(wrapped);
  const decipher = createDecipheriv("aes-256-gcm", kek, buffer.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(personId, "utf8"));
  decipher.setAuthTag(buffer.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(buffer.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** The checkpoint signing key, derived from the KEK (HKDF-SHA-256) so that there is one secret to keep. */
export function checkpointKey(kek: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", kek, Buffer.alloc(0), "purposeful audit checkpoint v1", 32));
}
