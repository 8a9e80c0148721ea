import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Database } from "../create-database.ts";

// Art. 32 GDPR: personal values inside audit events are encrypted with a key per person, so that
// deleting the key (level-3 erasure) makes that person's history unreadable while the hash chain,
// computed over the ciphertext, still verifies.
const IV_BYTES = 12;
const TAG_BYTES = 16;

export async function personKey(db: Database, personId: string): Promise<Buffer> {
  const existing = await db
    .selectFrom("personKey")
    .select("key")
    .where("personId", "=", personId)
    .executeTakeFirst();
  if (existing?.key) return Buffer.from(existing.key);
  const key = randomBytes(32);
  await db
    .insertInto("personKey")
    .values({ personId, key })
    .onConflict((oc) => oc.column("personId").doNothing())
    .execute();
  // A concurrent writer may have won the insert; read back whichever key is stored.
  const stored = await db
    .selectFrom("personKey")
    .select("key")
    .where("personId", "=", personId)
    .executeTakeFirstOrThrow();
  if (!stored.key) throw new Error("person key shredded");
  return Buffer.from(stored.key);
}

export function encryptValue(key: Buffer, value: unknown): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptValue(key: Buffer, sealed: Uint8Array): unknown {
  const buffer = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", key, buffer.subarray(0, IV_BYTES));
  decipher.setAuthTag(buffer.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plain = Buffer.concat([decipher.update(buffer.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString("utf8"));
}

/** Crypto-shredding: without the key, the person's values in the audit trail are gone for good. */
export async function shredPersonKey(db: Database, personId: string): Promise<boolean> {
  const result = await db.deleteFrom("personKey").where("personId", "=", personId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
