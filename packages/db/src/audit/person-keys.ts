import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { auditKekOf, unwrapPersonKey, WRAP_IV_BYTES, wrapPersonKey } from "./audit-kek.ts";

// Art. 32 GDPR: personal values inside audit events are encrypted with a key per person, so that
// deleting the key (level-3 erasure) makes that person's history unreadable while the hash chain,
// computed over the ciphertext, still verifies. The keys are stored wrapped under AUDIT_KEK.
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A person's plain key, or `shredded` when the key was erased (a tombstone stays in its place). */
export type PersonKey = Buffer | "shredded";

interface StoredKey {
  personId: string;
  key: Uint8Array | null;
  wrapped: boolean;
}

/**
 * The keys of many persons at once: one statement reads the existing keys and creates the missing
 * ones (wrapped), so a batch of any size costs the same round trips. A tombstone is never replaced:
 * a shredded person stays shredded. Keys stored unwrapped by older versions are wrapped here, on
 * their first use.
 */
export async function personKeys(
  db: Database,
  personIds: readonly string[],
): Promise<Map<string, PersonKey>> {
  const kek = auditKekOf(db);
  const ids = [...new Set(personIds)];
  const keys = new Map<string, PersonKey>();
  if (ids.length === 0) return keys;
  // One call for all the randomness: per-call overhead dominates at 100,000 keys.
  const random = randomBytes(ids.length * (32 + WRAP_IV_BYTES));
  const fresh = new Map<string, Buffer>();
  const candidates = ids.map((id, i) => {
    const offset = i * (32 + WRAP_IV_BYTES);
    const key = random.subarray(offset, offset + 32);
    fresh.set(id, key);
    const iv = random.subarray(offset + 32, offset + 32 + WRAP_IV_BYTES);
    return { person_id: id, key: wrapPersonKey(kek, id, key, iv).toString("base64") };
  });
  // The SELECT does not see the rows the INSERT adds (one snapshot for the whole statement): it
  // returns the keys that existed before, and the INSERT only its count — the new keys are known.
  const result = await sql<StoredKey & { insertedCount: number | null }>`
    WITH candidate AS (
      SELECT person_id, decode(key, 'base64') AS key
      FROM jsonb_to_recordset(${JSON.stringify(candidates)}::jsonb) AS c(person_id uuid, key text)
    ), inserted AS (
      INSERT INTO person_key (person_id, key, wrapped)
      SELECT person_id, key, true FROM candidate
      ON CONFLICT (person_id) DO NOTHING
      RETURNING 1
    )
    SELECT k.person_id, k.key, k.wrapped, NULL::int AS inserted_count
    FROM person_key k JOIN candidate c USING (person_id)
    UNION ALL
    SELECT NULL, NULL, NULL, count(*)::int FROM inserted`.execute(db);
  let existing: StoredKey[] = result.rows.filter((row) => row.insertedCount === null);
  const insertedCount = result.rows.find((row) => row.insertedCount !== null)?.insertedCount ?? 0;
  const known = new Set(existing.map((row) => row.personId));
  if (existing.length + insertedCount === ids.length) {
    for (const id of ids) if (!known.has(id)) keys.set(id, fresh.get(id)!);
  } else {
    // A concurrent transaction committed keys after this statement's snapshot: read what is stored.
    const late = await db
      .selectFrom("personKey")
      .select(["personId", "key", "wrapped"])
      .where(
        "personId",
        "in",
        ids.filter((id) => !known.has(id)),
      )
      .execute();
    existing = [...existing, ...late];
  }
  const legacy: { person_id: string; key: string }[] = [];
  for (const row of existing) {
    if (row.key === null) keys.set(row.personId, "shredded");
    else if (row.wrapped) keys.set(row.personId, unwrapPersonKey(kek, row.personId, row.key));
    else {
      const plain = Buffer.from(row.key);
      keys.set(row.personId, plain);
      legacy.push({
        person_id: row.personId,
        key: wrapPersonKey(kek, row.personId, plain).toString("base64"),
      });
    }
  }
  if (legacy.length > 0)
    await sql`
      UPDATE person_key k SET key = decode(w.key, 'base64'), wrapped = true
      FROM jsonb_to_recordset(${JSON.stringify(legacy)}::jsonb) AS w(person_id uuid, key text)
      WHERE k.person_id = w.person_id AND NOT k.wrapped AND k.key IS NOT NULL`.execute(db);
  for (const id of ids) if (!keys.has(id)) throw new Error(`no audit key for person ${id}`);
  return keys;
}

/** One person's key; see `personKeys`. */
export async function personKey(db: Database, personId: string): Promise<PersonKey> {
  return (await personKeys(db, [personId])).get(personId)!;
}

/** The plain key from a stored row, for reading: wrapped keys are opened with the handle's KEK. */
export function openStoredKey(
  db: Database,
  personId: string,
  stored: { key: Uint8Array | null; wrapped: boolean | null },
): PersonKey | null {
  if (stored.wrapped === null) return null;
  if (stored.key === null) return "shredded";
  return stored.wrapped ? unwrapPersonKey(auditKekOf(db), personId, stored.key) : Buffer.from(stored.key);
}

/** Seals a value under a person's key; `iv` (12 random bytes) may come from a batch's one random draw. */
export function encryptValue(key: Buffer, value: unknown, iv: Buffer = randomBytes(IV_BYTES)): Buffer {
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

/**
 * Crypto-shredding: the key is replaced by a tombstone (key NULL, `shredded_at` set), so the
 * person's values in the audit trail are gone for good and no later event silently gets a new key.
 * Also for a person who never had a key. Returns false when the key was already shredded.
 */
export async function shredPersonKey(
  db: Database,
  personId: string,
  at: Date = new Date(),
): Promise<boolean> {
  const result = await sql<{ personId: string }>`
    INSERT INTO person_key (person_id, key, wrapped, shredded_at) VALUES (${personId}, NULL, true, ${at})
    ON CONFLICT (person_id) DO UPDATE SET key = NULL, shredded_at = EXCLUDED.shredded_at
    WHERE person_key.shredded_at IS NULL
    RETURNING person_id`.execute(db);
  return result.rows.length > 0;
}
