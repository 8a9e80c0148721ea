import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { auditHash, GENESIS_HASH } from "./audit-hash.ts";
import { encryptValue, personKey } from "./person-keys.ts";

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

// One chain for the whole table: the lock serializes appends until the transaction commits,
// so ids and the chain order agree and no two events claim the same predecessor.
const CHAIN_LOCK = 7_302_115_001;

/**
 * Appends one event to the audit trail. Call it inside the transaction of the change it
 * records, so the change and its audit event commit or fail together.
 */
export async function recordAudit(trx: Database, input: AuditInput): Promise<{ id: number; hash: string }> {
  const personId = input.personId ?? null;
  const hasPersonal =
    input.personal && (input.personal.before !== undefined || input.personal.after !== undefined);
  if (hasPersonal && !personId) throw new Error("personal audit values need a person to encrypt them for");
  const personalEnc =
    hasPersonal && personId ? encryptValue(await personKey(trx, personId), input.personal) : null;

  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom("auditEvent")
    .select("hash")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const row = {
    occurredAt: input.at,
    actorType: input.actor.type,
    actorId: input.actor.id,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    personId,
    changes: input.changes ?? {},
    personalEnc,
    evidenceDocumentId: input.evidenceDocumentId ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(row);
  const inserted = await trx
    .insertInto("auditEvent")
    .values({ ...row, changes: JSON.stringify(row.changes), hash })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: inserted.id, hash };
}
