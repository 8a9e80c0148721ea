import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit.ts";
import { createPerson, createPurpose } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { applyRecordEvent } from "./apply-record-event.ts";
import { storeDocument } from "./documents.ts";

const at = new Date("2026-11-29T12:00:00Z");
const actor = { type: "staff" as const, id: "staff-1" };
let t: TestDatabase;
let newsletter: string;
let surveys: string;
let contract: string;

beforeAll(async () => {
  t = await createTestDatabase();
  newsletter = await createPurpose(t.db, { key: "newsletter", doubleOptIn: true });
  surveys = await createPurpose(t.db, { key: "surveys" });
  contract = await createPurpose(t.db, { key: "contract", defaultLegalBasis: "contract" });
});
afterAll(async () => t?.close());

const light = async (personId: string) =>
  (
    await t.db
      .selectFrom("person")
      .select("trafficLight")
      .where("id", "=", personId)
      .executeTakeFirstOrThrow()
  ).trafficLight;
const auditCount = async (personId: string) =>
  (
    await t.db
      .selectFrom("auditEvent")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("personId", "=", personId)
      .executeTakeFirstOrThrow()
  ).n;

describe("applyRecordEvent", () => {
  it("records a phone consent with a checked-in e-mail as evidence, audits it, and turns the light", async () => {
    const personId = await createPerson(t.db);
    await createPerson(t.db); // someone else, untouched
    expect(await light(personId)).toBe("red");
    const result = await t.db.transaction().execute(async (trx) => {
      const documentId = await storeDocument(trx, {
        personId,
        kind: "email",
        fileName: "consent.eml",
        contentType: "message/rfc822",
        content: new TextEncoder().encode("From: a@b.example\n\nYes please"),
        metadata: { email: { subject: "Yes" } },
        actor,
        at,
      });
      return applyRecordEvent(trx, {
        personId,
        purposeId: surveys,
        event: "grant",
        source: "phone",
        evidence: { kind: "email", documentId },
        actor,
        at,
      });
    });
    expect(result.record.state).toBe("granted");
    expect(result.record.purposeVersion).toBe(1);
    expect(await light(personId)).toBe("green");
    const events = await t.db
      .selectFrom("auditEvent")
      .select(["action", "changes", "evidenceDocumentId"])
      .where("personId", "=", personId)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.action)).toEqual(["document.stored", "record.grant"]);
    expect(events[1]?.changes).toMatchObject({
      purposeKey: "surveys",
      from: null,
      to: "granted",
      source: "phone",
      evidence: "email",
    });
    expect(events[1]?.evidenceDocumentId).toBe(events[0]?.evidenceDocumentId);
    const evidence = await t.db
      .selectFrom("consentEvidence")
      .selectAll()
      .where("processingRecordId", "=", result.record.id)
      .execute();
    expect(evidence).toHaveLength(1);
  });

  it("keeps a double-opt-in consent unconfirmed (yellow) until confirmed, then green", async () => {
    const personId = await createPerson(t.db);
    await t.db
      .transaction()
      .execute((trx) =>
        applyRecordEvent(trx, { personId, purposeId: surveys, event: "grant", source: "letter", actor, at }),
      );
    const granted = await t.db.transaction().execute((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: newsletter,
        event: "grant",
        source: "signature",
        actor,
        at,
      }),
    );
    expect(granted.needsConfirmation).toBe(true);
    expect(await light(personId)).toBe("yellow");
    await t.db.transaction().execute((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: newsletter,
        event: "confirm",
        source: "email",
        actor: { type: "data_subject", id: null },
        at,
      }),
    );
    expect(await light(personId)).toBe("green");
    await t.db.transaction().execute((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: newsletter,
        event: "withdraw",
        source: "email",
        actor,
        at,
      }),
    );
    expect(await light(personId)).toBe("yellow");
    const actions = await t.db
      .selectFrom("auditEvent")
      .select("action")
      .where("personId", "=", personId)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "record.grant",
      "record.grant",
      "record.confirmation_pending",
      "record.confirm",
      "record.withdraw",
    ]);
  });

  it("refuses an illegal transition and changes nothing", async () => {
    const personId = await createPerson(t.db);
    const before = await auditCount(personId);
    await expect(
      t.db.transaction().execute((trx) =>
        applyRecordEvent(trx, {
          personId,
          purposeId: surveys,
          event: "withdraw",
          source: "phone",
          actor,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(
      t.db.transaction().execute((trx) =>
        applyRecordEvent(trx, {
          personId,
          purposeId: contract,
          event: "grant",
          source: "phone",
          actor,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: "validation", message: "basis_not_allowed" });
    expect(await auditCount(personId)).toBe(before);
    expect(
      await t.db.selectFrom("processingRecord").selectAll().where("personId", "=", personId).execute(),
    ).toEqual([]);
  });

  it("starts and ends a contract basis; an objection is refused for a contract", async () => {
    const personId = await createPerson(t.db);
    await t.db.transaction().execute((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: contract,
        event: "activate",
        source: "letter",
        actor,
        at,
      }),
    );
    expect(await light(personId)).toBe("green");
    await expect(
      t.db.transaction().execute((trx) =>
        applyRecordEvent(trx, {
          personId,
          purposeId: contract,
          event: "object",
          source: "letter",
          actor,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: "invalid_transition" });
    await t.db
      .transaction()
      .execute((trx) =>
        applyRecordEvent(trx, { personId, purposeId: contract, event: "end", source: "letter", actor, at }),
      );
    expect(await light(personId)).toBe("red");
  });

  it("keeps a granted consent and its source when the person is asked again", async () => {
    const personId = await createPerson(t.db);
    await t.db.transaction().execute((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: surveys,
        event: "grant",
        source: "signature",
        actor,
        at,
      }),
    );
    const asked = await t.db
      .transaction()
      .execute((trx) =>
        applyRecordEvent(trx, { personId, purposeId: surveys, event: "request", source: "email", actor, at }),
      );
    expect(asked.record).toMatchObject({ state: "granted", source: "signature" });
    expect(await light(personId)).toBe("green");
  });

  it("leaves the audit chain intact after all of it", async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
