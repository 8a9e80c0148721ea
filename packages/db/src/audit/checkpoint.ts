import { createHmac, timingSafeEqual } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { GENESIS_HASH } from "./audit-hash.ts";
import { auditKekOf, checkpointKey } from "./audit-kek.ts";
import { CHAIN_LOCK } from "./record-audit.ts";

/**
 * A signed head of the audit chain, kept outside the audit table (and mailed to the DPO): someone
 * with database access who rewrites or cuts the chain cannot produce a matching checkpoint without
 * the key, so `verifyAuditChain` notices.
 */
export interface AuditCheckpoint {
  id: number;
  lastEventId: number;
  lastHash: string;
  eventCount: number;
  signature: string;
  createdAt: Date;
  mailedAt: Date | null;
}

type SignedFields = Pick<AuditCheckpoint, "lastEventId" | "lastHash" | "eventCount" | "createdAt">;

function message(head: SignedFields): string {
  return `purposeful-audit-checkpoint:v1|${head.lastEventId}|${head.lastHash}|${head.eventCount}|${head.createdAt.toISOString()}`;
}

/** HMAC-SHA-256 (hex) of the head under a key derived from AUDIT_KEK. */
export function signCheckpoint(kek: Buffer, head: SignedFields): string {
  return createHmac("sha256", checkpointKey(kek)).update(message(head)).digest("hex");
}

export function checkpointSignatureValid(
  kek: Buffer,
  checkpoint: SignedFields & { signature: string },
): boolean {
  const expected = Buffer.from(signCheckpoint(kek, checkpoint), "hex");
  const given = Buffer.from(checkpoint.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Signs and stores the current head of the chain. Run it in a transaction: it takes the chain
 * lock, so the head cannot move while it is read. The count continues from the previous checkpoint.
 */
export async function writeAuditCheckpoint(trx: Database, at: Date): Promise<AuditCheckpoint> {
  const kek = auditKekOf(trx);
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom("auditEvent")
    .select(["id", "hash"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const previous = await latestAuditCheckpoint(trx);
  const from = previous && previous.lastEventId <= (last?.id ?? 0) ? previous : null;
  const counted = await trx
    .selectFrom("auditEvent")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("id", ">", from?.lastEventId ?? 0)
    .executeTakeFirstOrThrow();
  const head: SignedFields = {
    lastEventId: last?.id ?? 0,
    lastHash: last?.hash ?? GENESIS_HASH,
    eventCount: (from?.eventCount ?? 0) + Number(counted.n),
    createdAt: new Date(Math.floor(at.getTime())),
  };
  const row = await trx
    .insertInto("auditCheckpoint")
    .values({ ...head, signature: signCheckpoint(kek, head) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCheckpoint(row);
}

export async function latestAuditCheckpoint(db: Database): Promise<AuditCheckpoint | null> {
  const row = await db
    .selectFrom("auditCheckpoint")
    .selectAll()
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toCheckpoint(row) : null;
}

export async function markCheckpointMailed(trx: Database, id: number, at: Date): Promise<void> {
  await trx.updateTable("auditCheckpoint").set({ mailedAt: at }).where("id", "=", id).execute();
}

function toCheckpoint(row: {
  id: number;
  lastEventId: number;
  lastHash: string;
  eventCount: number;
  signature: string;
  createdAt: Date;
  mailedAt: Date | null;
}): AuditCheckpoint {
  return {
    id: Number(row.id),
    lastEventId: Number(row.lastEventId),
    lastHash: row.lastHash,
    eventCount: Number(row.eventCount),
    signature: row.signature,
    createdAt: row.createdAt,
    mailedAt: row.mailedAt,
  };
}
