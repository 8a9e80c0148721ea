import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import {
  AuditKeyPlugin,
  decryptValue,
  listAuditEvents,
  PERSONAL_ERASED,
  recordAudit,
  shredPersonKey,
  verifyAuditChain,
} from "./index.ts";

const at = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const named = (personId: string, lastName: string) => ({
  actor: { type: "staff", id: "staff-1" } as const,
  action: "person.updated",
  entityType: "person",
  entityId: personId,
  personId,
  changes: { fields: ["lastName"] },
  personal: { after: { lastName } },
  at,
});

async function storedKey(personId: string) {
  return t.db
    .selectFrom("personKey")
    .select(["key", "wrapped", "shreddedAt"])
    .where("personId", "=", personId)
    .executeTakeFirst();
}

describe("#16 audit keys", () => {
  it("#16 stores a new person key only wrapped under the KEK, never the plain key", async () => {
    const personId = await createPerson(t.db);
    await t.db.transaction().execute((trx) => recordAudit(trx, named(personId, "Wrapped")));
    const stored = await storedKey(personId);
    expect(stored?.wrapped).toBe(true);
    expect(stored?.key?.length).toBe(12 + 16 + 32);
    expect((await listAuditEvents(t.db, { personId })).rows[0]?.personal).toEqual({
      after: { lastName: "Wrapped" },
    });
    // The same database through a handle with another KEK cannot open the values.
    const otherKek = t.db.withPlugin(new AuditKeyPlugin(randomBytes(32)));
    expect((await listAuditEvents(otherKek, { personId })).rows[0]?.personal).toBe("unreadable");
  });

  it("#16 keeps an old unwrapped key working and wraps it on first use", async () => {
    const personId = await createPerson(t.db);
    const plain = randomBytes(32);
    await t.db.insertInto("personKey").values({ personId, key: plain, wrapped: false }).execute();
    await t.db.transaction().execute((trx) => recordAudit(trx, named(personId, "Old key")));
    const stored = await storedKey(personId);
    expect(stored?.wrapped).toBe(true);
    expect(Buffer.from(stored!.key!).equals(plain)).toBe(false);
    // The value was sealed under the old key itself, which is now kept only wrapped.
    const event = await t.db
      .selectFrom("auditEvent")
      .select("personalEnc")
      .where("personId", "=", personId)
      .executeTakeFirstOrThrow();
    expect(decryptValue(plain, event.personalEnc!)).toEqual({ after: { lastName: "Old key" } });
    expect((await listAuditEvents(t.db, { personId })).rows[0]?.personal).toEqual({
      after: { lastName: "Old key" },
    });
  });

  it("#16 never recreates a shredded key: later events carry no personal values and say so", async () => {
    const personId = await createPerson(t.db);
    await t.db.transaction().execute((trx) => recordAudit(trx, named(personId, "Before")));
    expect(await shredPersonKey(t.db, personId, at)).toBe(true);
    const tombstone = await storedKey(personId);
    expect(tombstone).toMatchObject({ key: null });
    expect(tombstone?.shreddedAt).toEqual(at);
    expect(await shredPersonKey(t.db, personId, at)).toBe(false);

    await t.db.transaction().execute((trx) => recordAudit(trx, named(personId, "After")));
    expect(await storedKey(personId)).toMatchObject({ key: null });
    const [after, before] = (await listAuditEvents(t.db, { personId })).rows;
    expect(after?.personal).toBeNull();
    expect(after?.changes).toMatchObject({ [PERSONAL_ERASED]: true });
    expect(before?.personal).toBe("shredded");
    const raw = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_event WHERE person_id = ${personId} AND personal_enc IS NOT NULL`.execute(
      t.db,
    );
    expect(raw.rows[0]?.n).toBe(1);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("#16 shreds the key of a person who never had one, so none is created later", async () => {
    const personId = await createPerson(t.db);
    expect(await shredPersonKey(t.db, personId, at)).toBe(true);
    await t.db.transaction().execute((trx) => recordAudit(trx, named(personId, "Never")));
    expect((await listAuditEvents(t.db, { personId })).rows[0]).toMatchObject({
      personal: null,
      changes: { [PERSONAL_ERASED]: true },
    });
  });
});
