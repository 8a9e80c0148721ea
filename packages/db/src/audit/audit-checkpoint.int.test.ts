import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { auditHash, GENESIS_HASH } from "./audit-hash.ts";
import { recordAuditBatch, signCheckpoint, verifyAuditChain, writeAuditCheckpoint } from "./index.ts";

const at = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;

// A fresh database per test: each test tampers with the chain in its own way.
beforeEach(async () => {
  t = await createTestDatabase();
  await append(10);
});
afterEach(async () => t?.close());

async function append(count: number, offset = 0) {
  await t.db.transaction().execute((trx) =>
    recordAuditBatch(
      trx,
      Array.from({ length: count }, (_, i) => ({
        actor: { type: "system", id: "test" } as const,
        action: "ping",
        entityType: "test",
        changes: { i: i + offset },
        at: new Date(at.getTime() + (i + offset) * 1000),
      })),
    ),
  );
}

const checkpoint = () => t.db.transaction().execute((trx) => writeAuditCheckpoint(trx, at));

/** What an attacker with database access does: edits rows with the triggers off. */
async function asOwner(run: () => Promise<unknown>) {
  await sql`ALTER TABLE audit_event DISABLE TRIGGER USER`.execute(t.db);
  try {
    await run();
  } finally {
    await sql`ALTER TABLE audit_event ENABLE TRIGGER USER`.execute(t.db);
  }
}

describe("#16 audit checkpoints", () => {
  it("#16 signs the head of the chain and verifies through it", async () => {
    const head = await checkpoint();
    expect(head).toMatchObject({ eventCount: 10, mailedAt: null });
    const last = await t.db
      .selectFrom("auditEvent")
      .select(["id", "hash"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(head).toMatchObject({ lastEventId: last.id, lastHash: last.hash });
    await append(5, 10);
    const second = await checkpoint();
    expect(second.eventCount).toBe(15);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 15, checkpoints: 2 });
  });

  it("#16 detects a chain rewritten consistently (all hashes recomputed) through the checkpoint", async () => {
    const head = await checkpoint();
    await asOwner(async () => {
      await sql`UPDATE audit_event SET changes = jsonb_set(changes, '{i}', '99') WHERE changes->>'i' = '3'`.execute(
        t.db,
      );
      // Recompute every hash in order so that the chain itself is consistent again.
      const rows = await t.db.selectFrom("auditEvent").selectAll().orderBy("id").execute();
      let previous = GENESIS_HASH;
      for (const row of rows) {
        const hash = auditHash({ ...row, prevHash: previous });
        await sql`UPDATE audit_event SET prev_hash = ${previous}, hash = ${hash} WHERE id = ${row.id}`.execute(
          t.db,
        );
        previous = hash;
      }
    });
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      events: 10,
      brokenAt: head.lastEventId,
      problem: "checkpoint_hash_mismatch",
      checkpointId: head.id,
    });
  });

  it("#16 detects a chain cut short after a checkpoint", async () => {
    const head = await checkpoint();
    await asOwner(() => sql`DELETE FROM audit_event WHERE id > ${head.lastEventId - 3}`.execute(t.db));
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      events: 7,
      brokenAt: head.lastEventId,
      problem: "checkpoint_event_missing",
      checkpointId: head.id,
    });
  });

  it("#16 rejects a forged checkpoint row whose signature does not verify", async () => {
    await checkpoint();
    // Cut the chain and write a checkpoint that matches the shorter chain, without the key.
    const last = await t.db
      .selectFrom("auditEvent")
      .select(["id", "hash"])
      .orderBy("id")
      .offset(5)
      .limit(1)
      .executeTakeFirstOrThrow();
    await asOwner(() => sql`DELETE FROM audit_event WHERE id > ${last.id}`.execute(t.db));
    await t.db.deleteFrom("auditCheckpoint").execute();
    const head = { lastEventId: last.id, lastHash: last.hash, eventCount: 6, createdAt: at };
    const forged = await t.db
      .insertInto("auditCheckpoint")
      .values({ ...head, signature: signCheckpoint(Buffer.alloc(32, 7), head) })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      brokenAt: last.id,
      problem: "checkpoint_signature_invalid",
      checkpointId: forged.id,
    });
  });
});
