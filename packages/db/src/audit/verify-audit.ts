import type { Database } from "../create-database.ts";
import { auditHash, GENESIS_HASH } from "./audit-hash.ts";

export type AuditVerification =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: number; problem: "hash_mismatch" | "chain_broken" };

/** Recomputes the whole chain in id order, in batches; names the first event that does not fit. */
export async function verifyAuditChain(db: Database, batchSize = 5000): Promise<AuditVerification> {
  let previous = GENESIS_HASH;
  let afterId = 0;
  let events = 0;
  for (;;) {
    const batch = await db
      .selectFrom("auditEvent")
      .selectAll()
      .where("id", ">", afterId)
      .orderBy("id")
      .limit(batchSize)
      .execute();
    if (batch.length === 0) return { ok: true, events };
    for (const event of batch) {
      events += 1;
      if (event.prevHash !== previous)
        return { ok: false, events, brokenAt: event.id, problem: "chain_broken" };
      const expected = auditHash({ ...event, changes: event.changes });
      if (expected !== event.hash) return { ok: false, events, brokenAt: event.id, problem: "hash_mismatch" };
      previous = event.hash;
      afterId = event.id;
    }
  }
}
