import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import {
  type AuditInput,
  listAuditEvents,
  recordAudit,
  recordAuditBatch,
  verifyAuditChain,
} from "./index.ts";

const at = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const event = (personId: string, i: number): AuditInput => ({
  actor: { type: "system", id: "bulk" },
  action: "person.updated",
  entityType: "person",
  entityId: personId,
  personId,
  changes: { i },
  personal: i % 3 === 0 ? null : { after: { note: `note ${i}` } },
  at: new Date(at.getTime() + i),
});

describe("#22 batch append", () => {
  it("#22 keeps one verifiable chain across batches interleaved with single appends", async () => {
    const persons = await Promise.all(Array.from({ length: 40 }, () => createPerson(t.db)));
    await t.db.transaction().execute(async (trx) => {
      await recordAudit(trx, event(persons[0]!, 0));
      // More than one insert chunk (5,000 rows), persons repeating, some events without personal values.
      const batch = Array.from({ length: 12_001 }, (_, i) => event(persons[i % persons.length]!, i + 1));
      const appended = await recordAuditBatch(trx, batch);
      expect(appended).toHaveLength(12_001);
      for (let i = 1; i < appended.length; i++) expect(appended[i]!.id).toBeGreaterThan(appended[i - 1]!.id);
      await recordAudit(trx, event(persons[1]!, 20_000));
    });
    await t.db
      .transaction()
      .execute((trx) => recordAuditBatch(trx, [event(persons[2]!, 20_001), event(persons[3]!, 20_002)]));
    await t.db.transaction().execute((trx) => recordAudit(trx, event(persons[4]!, 20_003)));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 12_006 });

    // Personal values decrypt; the events of a person are in the order given.
    const { rows } = await listAuditEvents(t.db, { personId: persons[1]!, limit: 3 });
    expect(rows.map((row) => row.personal)).toEqual([
      { after: { note: "note 20000" } },
      { after: { note: "note 11962" } },
      null,
    ]);
    expect(rows[2]?.changes).toEqual({ i: 11_922 });
  });

  it("#22 creates one key per person for a batch and reuses it", async () => {
    const personId = await createPerson(t.db);
    await t.db.transaction().execute((trx) =>
      recordAuditBatch(
        trx,
        [1, 2, 3].map((i) => event(personId, i)),
      ),
    );
    const keys = await t.db.selectFrom("personKey").select("key").where("personId", "=", personId).execute();
    expect(keys).toHaveLength(1);
    const { rows } = await listAuditEvents(t.db, { personId });
    expect(rows.map((row) => row.personal)).toEqual([
      null,
      { after: { note: "note 2" } },
      { after: { note: "note 1" } },
    ]);
  });

  it.runIf(process.env.DATABASE_URL && process.env.TEST_DRIVER !== "pglite")(
    "#22 two appenders that both need a new person's key do not deadlock",
    async () => {
      const personId = await createPerson(t.db);
      let holding!: () => void;
      let proceed!: () => void;
      const holds = new Promise<void>((resolve) => {
        holding = resolve;
      });
      const goOn = new Promise<void>((resolve) => {
        proceed = resolve;
      });
      // The first appender holds the chain lock (it appended before) and later needs the key too.
      const first = t.db.transaction().execute(async (trx) => {
        await recordAudit(trx, { ...event(personId, 1), personal: null });
        holding();
        await goOn;
        await recordAudit(trx, event(personId, 2));
      });
      await holds;
      const second = t.db.transaction().execute((trx) => recordAudit(trx, event(personId, 4)));
      // Once the second waits for a lock, let the first continue: with the key created before the
      // chain lock, each would now wait for the other.
      for (;;) {
        const waiting = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype = 'advisory'`.execute(t.db);
        if (waiting.rows[0]!.n > 0) break;
      }
      proceed();
      await Promise.all([first, second]);
      const { rows } = await listAuditEvents(t.db, { personId });
      expect(rows.map((row) => row.personal)).toEqual([
        { after: { note: "note 4" } },
        { after: { note: "note 2" } },
        null,
      ]);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    },
  );

  it("#22 an empty batch writes nothing", async () => {
    const before = await verifyAuditChain(t.db);
    expect(await t.db.transaction().execute((trx) => recordAuditBatch(trx, []))).toEqual([]);
    expect(await verifyAuditChain(t.db)).toEqual(before);
  });
});
