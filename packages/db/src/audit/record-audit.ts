import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { auditMaterial, GENESIS_HASH } from "./audit-hash.ts";
import { encryptValue, personKeys } from "./person-keys.ts";

export type Actor =
  | { type: "staff"; id: string }
  | { type: "data_subject"; id: string | null }
  | { type: "system"; id: string }
  | { type: "api"; id: string };

export interface AuditInput {
  actor: Actor;
  action: string;
  entityType: string;
  entityId?: string | null;
  personId?: string | null;
  /** Facts that identify nobody on their own: field names, states, purpose keys, sources. */
  changes?: Record<string, unknown>;
  /** Values that may identify the person (names, addresses, texts); stored encrypted per person. */
  personal?: { before?: unknown; after?: unknown } | null;
  evidenceDocumentId?: string | null;
  at: Date;
}

export interface AppendedEvent {
  id: number;
  hash: string;
}

// One chain for the whole table: the lock serializes appends until the transaction commits,
// so ids and the chain order agree and no two events claim the same predecessor.
export const CHAIN_LOCK = 7_302_115_001;
// Rows per INSERT: each chunk is one statement with one JSON parameter, far from any limit.
const INSERT_CHUNK = 5000;

/** Set in `changes` when personal values were left out because the person's key was shredded. */
export const PERSONAL_ERASED = "personalErased";

/**
 * Appends one event to the audit trail. Call it inside the transaction of the change it
 * records, so the change and its audit event commit or fail together.
 */
export async function recordAudit(trx: Database, input: AuditInput): Promise<AppendedEvent> {
  return (await recordAuditBatch(trx, [input]))[0]!;
}

/**
 * Appends many events in the given order, inside the caller's transaction: the keys of all their
 * persons in one statement, one chain lock, the hashes chained in memory, multi-row inserts. The
 * chain is the same as from as many `recordAudit` calls.
 */
export async function recordAuditBatch(
  trx: Database,
  inputs: readonly AuditInput[],
): Promise<AppendedEvent[]> {
  if (inputs.length === 0) return [];
  const personalOf = (input: AuditInput) =>
    input.personal && (input.personal.before !== undefined || input.personal.after !== undefined)
      ? input.personal
      : null;
  const needKeys: string[] = [];
  for (const input of inputs) {
    if (!personalOf(input)) continue;
    if (!input.personId) throw new Error("personal audit values need a person to encrypt them for");
    needKeys.push(input.personId);
  }
  // The chain lock first: a transaction that holds uncommitted key rows then always holds the lock
  // too, so two appenders never wait for each other's keys and for the lock crosswise (deadlock).
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const keys = await personKeys(trx, needKeys);
  const ivs = randomBytes(needKeys.length * 12);
  let sealed = 0;

  const sealPersonal = (input: AuditInput) => {
    const personal = personalOf(input);
    const key = personal && input.personId ? keys.get(input.personId) : undefined;
    if (!key) return { personalEnc: null, erased: false };
    // After crypto-shredding nothing personal is written again; the event says that it left it out.
    if (key === "shredded") return { personalEnc: null, erased: true };
    const iv = ivs.subarray(12 * sealed, 12 * (sealed + 1));
    sealed += 1;
    return { personalEnc: encryptValue(key, personal, iv), erased: false };
  };

  const last = await trx
    .selectFrom("auditEvent")
    .select("hash")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  let previous = last?.hash ?? GENESIS_HASH;

  const appended: AppendedEvent[] = [];
  let pending: Promise<void> | null = null;
  for (let start = 0; start < inputs.length; start += INSERT_CHUNK) {
    // Seals and hashes the next chunk while the server still inserts the previous one.
    const chunk = inputs.slice(start, start + INSERT_CHUNK).map((input) => {
      const { personalEnc, erased } = sealPersonal(input);
      const row = {
        occurredAt: input.at,
        actorType: input.actor.type,
        actorId: input.actor.id ?? null,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId ?? null,
        personId: input.personId ?? null,
        changes: erased ? { ...input.changes, [PERSONAL_ERASED]: true } : (input.changes ?? {}),
        personalEnc,
        evidenceDocumentId: input.evidenceDocumentId ?? null,
        prevHash: previous,
      };
      // The hashed text is the row's JSON as well: one serialization for both.
      const material = auditMaterial(row);
      previous = createHash("sha256").update(material).digest("hex");
      return { json: `${material.slice(0, -1)},"hash":"${previous}"}`, hash: previous };
    });
    await pending;
    pending = insertChunk(trx, `[${chunk.map((row) => row.json).join(",")}]`).then((ids) => {
      appended.push(...chunk.map((row, i) => ({ id: ids[i]!, hash: row.hash })));
    });
    // A failure surfaces at the next `await pending`, not as an unhandled rejection meanwhile.
    pending.catch(() => {});
    // Let the driver send the statement before the next chunk occupies this thread.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await pending;
  return appended;
}

/** One multi-row INSERT of the rows in `json` (an array of hashed texts plus hash); new ids in row order. */
async function insertChunk(trx: Database, json: string): Promise<number[]> {
  // ORDER BY the position makes the identity column number the rows in chain order, so the
  // returned ids, sorted, belong to the rows in the order given.
  const inserted = await sql<{ id: number }>`
    INSERT INTO audit_event (occurred_at, actor_type, actor_id, action, entity_type, entity_id,
      person_id, changes, personal_enc, evidence_document_id, prev_hash, hash)
    SELECT "occurredAt", "actorType", "actorId", action, "entityType", "entityId", "personId", changes,
      decode("personalEnc", 'base64'), "evidenceDocumentId", "prevHash", hash
    FROM ROWS FROM (jsonb_to_recordset(${json}::jsonb) AS ("occurredAt" timestamptz, "actorType" text,
      "actorId" text, action text, "entityType" text, "entityId" text, "personId" uuid, changes jsonb,
      "personalEnc" text, "evidenceDocumentId" uuid, "prevHash" text, hash text))
      WITH ORDINALITY AS e
    ORDER BY e.ordinality
    RETURNING id`.execute(trx);
  return inserted.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}
