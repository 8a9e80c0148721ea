import type { Database } from "../create-database.ts";
import { auditHash, GENESIS_HASH } from "./audit-hash.ts";
import { auditKekOf } from "./audit-kek.ts";
import { type AuditCheckpoint, checkpointSignatureValid } from "./checkpoint.ts";

/**
 * - `hash_mismatch`: an event's fields no longer give its stored hash (edited in place).
 * - `chain_broken`: an event does not point to its predecessor (inserted, removed or reordered).
 * - `checkpoint_signature_invalid`: a checkpoint row was not signed with our key (forged or edited).
 * - `checkpoint_hash_mismatch`: the event a checkpoint names has another hash now (chain rewritten).
 * - `checkpoint_count_mismatch`: the chain up to a checkpoint holds another number of events.
 * - `checkpoint_event_missing`: the chain ends before a checkpoint's event (cut short).
 */
export type AuditProblem =
  | "hash_mismatch"
  | "chain_broken"
  | "checkpoint_signature_invalid"
  | "checkpoint_hash_mismatch"
  | "checkpoint_count_mismatch"
  | "checkpoint_event_missing";

export type AuditVerification =
  | { ok: true; events: number; checkpoints: number; lastCheckpoint: { id: number; createdAt: Date } | null }
  | { ok: false; events: number; brokenAt: number; problem: AuditProblem; checkpointId?: number };

/**
 * Recomputes the whole chain in id order, in batches, and names the first event that does not
 * fit; then checks that the chain still leads through every signed checkpoint (a chain rewritten
 * consistently, or cut short, by someone with database access fails there).
 */
export async function verifyAuditChain(db: Database, batchSize = 5000): Promise<AuditVerification> {
  const checkpoints = (await db.selectFrom("auditCheckpoint").selectAll().orderBy("id").execute()).map(
    (row) => ({
      ...row,
      id: Number(row.id),
      lastEventId: Number(row.lastEventId),
      eventCount: Number(row.eventCount),
    }),
  );
  if (checkpoints.length > 0) {
    const kek = auditKekOf(db);
    const forged = checkpoints.find((c) => !checkpointSignatureValid(kek, c));
    if (forged) return checkpointFailure(forged, "checkpoint_signature_invalid", 0);
  }
  const byEvent = new Map<
    number,
    Pick<AuditCheckpoint, "id" | "lastEventId" | "lastHash" | "eventCount">[]
  >();
  for (const c of checkpoints) byEvent.set(c.lastEventId, [...(byEvent.get(c.lastEventId) ?? []), c]);

  let previous = GENESIS_HASH;
  let afterId = 0;
  let events = 0;
  const reached = new Set<number>();
  // A checkpoint of the empty chain names event 0.
  for (const c of byEvent.get(0) ?? []) {
    if (c.lastHash !== GENESIS_HASH || c.eventCount !== 0)
      return checkpointFailure(c, "checkpoint_hash_mismatch", 0);
    reached.add(c.id);
  }
  for (;;) {
    const batch = await db
      .selectFrom("auditEvent")
      .selectAll()
      .where("id", ">", afterId)
      .orderBy("id")
      .limit(batchSize)
      .execute();
    if (batch.length === 0) break;
    for (const event of batch) {
      events += 1;
      if (event.prevHash !== previous)
        return { ok: false, events, brokenAt: event.id, problem: "chain_broken" };
      const expected = auditHash({ ...event, changes: event.changes });
      if (expected !== event.hash) return { ok: false, events, brokenAt: event.id, problem: "hash_mismatch" };
      for (const c of byEvent.get(event.id) ?? []) {
        if (c.lastHash !== event.hash) return checkpointFailure(c, "checkpoint_hash_mismatch", events);
        if (c.eventCount !== events) return checkpointFailure(c, "checkpoint_count_mismatch", events);
        reached.add(c.id);
      }
      previous = event.hash;
      afterId = event.id;
    }
  }
  const missed = checkpoints.find((c) => !reached.has(c.id));
  if (missed) return checkpointFailure(missed, "checkpoint_event_missing", events);
  const last = checkpoints[checkpoints.length - 1];
  return {
    ok: true,
    events,
    checkpoints: checkpoints.length,
    lastCheckpoint: last ? { id: last.id, createdAt: last.createdAt } : null,
  };
}

function checkpointFailure(
  checkpoint: { id: number; lastEventId: number },
  problem: AuditProblem,
  events: number,
): AuditVerification {
  return { ok: false, events, brokenAt: checkpoint.lastEventId, problem, checkpointId: checkpoint.id };
}
