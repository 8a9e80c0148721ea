import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { listAuditEvents, recordAudit, shredPersonKey, verifyAuditChain } from "./index.ts";

const at = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;
let personId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  personId = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
  await t.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 5; i++) {
      await recordAudit(trx, {
        actor: { type: "staff", id: "staff-1" },
        action: "person.updated",
        entityType: "person",
        entityId: personId,
        personId,
        changes: { fields: ["lastName"], step: i },
        personal: { before: { lastName: `Name ${i}` }, after: { lastName: `Name ${i + 1}` } },
        at: new Date(at.getTime() + i * 1000),
      });
    }
  });
});
afterAll(async () => t?.close());

describe("audit trail", () => {
  it("chains every event to its predecessor and verifies", async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 5 });
    const { rows } = await listAuditEvents(t.db, { personId });
    expect(rows).toHaveLength(5);
    expect(rows[0]?.personal).toEqual({ before: { lastName: "Name 4" }, after: { lastName: "Name 5" } });
  });

  it("keeps personal values only as ciphertext", async () => {
    const raw = await sql<{
      text: string;
    }>`SELECT encode(personal_enc, 'escape') || changes::text AS text FROM audit_event`.execute(t.db);
    for (const row of raw.rows) expect(row.text).not.toMatch(/Name \d/);
  });

  it("rejects UPDATE, DELETE and TRUNCATE through the trigger", async () => {
    await expect(sql`UPDATE audit_event SET action = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 5 });
  });

  it("names the first broken event after the owner edits a row with the trigger disabled", async () => {
    const third = await t.db
      .selectFrom("auditEvent")
      .select("id")
      .orderBy("id")
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`.execute(t.db);
    await sql`UPDATE audit_event SET changes = '{"fields":["firstName"],"step":2}' WHERE id = ${third.id}`.execute(
      t.db,
    );
    await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`.execute(t.db);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      events: 3,
      brokenAt: third.id,
      problem: "hash_mismatch",
    });

    // Recomputing that row's hash too only moves the break to the next event.
    const { auditHash } = await import("./audit-hash.ts");
    const row = await t.db
      .selectFrom("auditEvent")
      .selectAll()
      .where("id", "=", third.id)
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`.execute(t.db);
    await sql`UPDATE audit_event SET hash = ${auditHash(row)} WHERE id = ${third.id}`.execute(t.db);
    await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`.execute(t.db);
    const result = await verifyAuditChain(t.db);
    expect(result).toMatchObject({ ok: false, problem: "chain_broken" });
    expect(result.ok === false && result.brokenAt).toBeGreaterThan(third.id);
  });

  it("crypto-shreds a person's history while the chain stays verifiable", async () => {
    const other = await t.db.transaction().execute(async (trx) => {
      const id = await createPerson(trx, { lastName: "Vergessen" });
      await recordAudit(trx, {
        actor: { type: "system", id: "erasure" },
        action: "person.created",
        entityType: "person",
        entityId: id,
        personId: id,
        personal: { after: { lastName: "Vergessen" } },
        at,
      });
      return id;
    });
    expect((await listAuditEvents(t.db, { personId: other })).rows[0]?.personal).toEqual({
      after: { lastName: "Vergessen" },
    });
    expect(await shredPersonKey(t.db, other)).toBe(true);
    expect((await listAuditEvents(t.db, { personId: other })).rows[0]?.personal).toBe("shredded");
  });

  it("keeps the chain in order under concurrent writers", async () => {
    const fresh = await createTestDatabase();
    try {
      const person = await createPerson(fresh.db);
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          fresh.db.transaction().execute((trx) =>
            recordAudit(trx, {
              actor: { type: "system", id: "test" },
              action: "ping",
              entityType: "person",
              entityId: person,
              personId: person,
              changes: { i },
              at,
            }),
          ),
        ),
      );
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ ok: true, events: 8 });
    } finally {
      await fresh.close();
    }
  });
});
