import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { auditHash, GENESIS_HASH } from "./audit-hash.ts";
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
  const keys = await personKeys(trx, needKeys);

  const rows = inputs.map((input) => {
    const personal = personalOf(input);
    const key = personal && input.personId ? keys.get(input.personId) : undefined;
    // After crypto-shredding nothing personal is written again; the event says that it left it out.
    const erased = key === "shredded";
    return {
      occurredAt: input.at,
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      personId: input.personId ?? null,
      changes: erased ? { ...input.changes, [PERSONAL_ERASED]: true } : (input.changes ?? {}),
      personalEnc: key && key !== "shredded" ? encryptValue(key, personal) : null,
      evidenceDocumentId: input.evidenceDocumentId ?? null,
      prevHash: GENESIS_HASH,
    };
  });

  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom("auditEvent")
    .select("hash")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  let previous = last?.hash ?? GENESIS_HASH;
  const hashes = rows.map((row) => {
    row.prevHash = previous;
    previous = auditHash(row);
    return previous;
  });

  const appended: AppendedEvent[] = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK).map((row, i) => ({
      occurred_at: row.occurredAt.toISOString(),
      actor_type: row.actorType,
      actor_id: row.actorId,
      action: row.action,
      entity_type: row.entityType,
      entity_id: row.entityId,
      person_id: row.personId,
      changes: row.changes,
      personal_enc: row.personalEnc?.toString("hex") ?? null,
      evidence_document_id: row.evidenceDocumentId,
      prev_hash: row.prevHash,
      hash: hashes[start + i],
    }));
    // ORDER BY the position makes the identity column number the rows in chain order.
    const inserted = await sql<{ id: number; hash: string }>`
      INSERT INTO audit_event (occurred_at, actor_type, actor_id, action, entity_type, entity_id,
        person_id, changes, personal_enc, evidence_document_id, prev_hash, hash)
      SELECT occurred_at, actor_type, actor_id, action, entity_type, entity_id, person_id, changes,
        decode(personal_enc, 'hex'), evidence_document_id, prev_hash, hash
      FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS (occurred_at timestamptz,
        actor_type text, actor_id text, action text, entity_type text, entity_id text, person_id uuid,
        changes jsonb, personal_enc text, evidence_document_id uuid, prev_hash text, hash text))
        WITH ORDINALITY AS e
      ORDER BY e.ordinality
      RETURNING id, hash`.execute(trx);
    const byHash = new Map(inserted.rows.map((row) => [row.hash, Number(row.id)]));
    for (const row of chunk) appended.push({ id: byHash.get(row.hash!)!, hash: row.hash! });
  }
  return appended;
}
