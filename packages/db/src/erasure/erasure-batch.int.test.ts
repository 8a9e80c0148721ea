import { DomainError } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshTrafficLights } from "../repositories/traffic-lights.ts";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import {
  type Catalogue,
  createErasureCatalogue,
  createFullPerson,
  dpo,
  type FullPerson,
  now,
  secret,
} from "./erasure-fixture.ts";
import {
  deleteExpiredHolds,
  erasePerson,
  erasePersonsBatch,
  listPersonErasures,
  loadErasureFacts,
  markErasureRecipientsNotified,
} from "./index.ts";

let t: TestDatabase;
let c: Catalogue;
beforeAll(async () => {
  t = await createTestDatabase();
  c = await createErasureCatalogue(t.db);
});
afterAll(async () => t?.close());

const system = { type: "system" as const };

describe("erasePersonsBatch", () => {
  it("erases many persons set-based in the caller's transaction and skips those already erased", async () => {
    const a = await createPerson(t.db, { emails: ["a@example.org"] });
    const b = await createPerson(t.db, { emails: ["b@example.org"] });
    const done = await createPerson(t.db);
    await createRecord(t.db, { personId: a, purposeId: c.newsletter, state: "granted", at: now });
    await erasePerson(t.db, {
      personId: done,
      level: 2,
      reason: "other",
      actor: dpo,
      now,
      suppressionSecret: secret,
    });
    const runId = "6a0b4f7e-8a51-4c34-9d0c-1f1e2a3b4c5d";
    const unknown = "00000000-0000-4000-8000-000000000001";
    const result = await t.db.transaction().execute((trx) =>
      erasePersonsBatch(trx, {
        personIds: [a, b, done, unknown, a],
        level: 2,
        reason: "retention_expiry",
        actor: system,
        now,
        suppressionSecret: secret,
        retentionRunId: runId,
      }),
    );
    expect(result.erased.sort()).toEqual([a, b].sort());
    expect(result.skipped.sort()).toEqual([done, unknown].sort());
    const erasures = await t.db
      .selectFrom("erasure")
      .select(["personId", "actorType", "actorId", "reason", "retentionRunId"])
      .where("retentionRunId", "=", runId)
      .execute();
    expect(erasures).toHaveLength(2);
    expect(erasures[0]).toMatchObject({ actorType: "system", actorId: null, reason: "retention_expiry" });
    const events = await t.db
      .selectFrom("auditEvent")
      .select(["personId", "actorType", "changes"])
      .where("action", "=", "person.erased")
      .where("personId", "in", [a, b])
      .execute();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorType: "system", changes: { level: 2, retentionRunId: runId } });
    const record = await t.db
      .selectFrom("processingRecord")
      .select(["state", "withdrawnAt"])
      .where("personId", "=", a)
      .executeTakeFirstOrThrow();
    expect(record).toEqual({ state: "withdrawn", withdrawnAt: now });
  });
});

describe("the stored light after an erasure", () => {
  it("is what a refresh computes, with the objection the erasure records (every level)", async () => {
    // A contract for direct marketing stays live at levels 1–2 (no event ends it) but the objection
    // covers it, so it no longer counts as valid: the light turns yellow, not green.
    const offers = await createPurpose(t.db, {
      key: "member_offers",
      defaultLegalBasis: "contract",
      directMarketing: true,
    });
    for (const level of [1, 2, 3] as const) {
      const id = await createPerson(t.db);
      await createRecord(t.db, {
        personId: id,
        purposeId: offers,
        legalBasis: "contract",
        state: "active",
        at: now,
      });
      await createRecord(t.db, {
        personId: id,
        purposeId: c.delivery,
        legalBasis: "contract",
        state: "active",
        at: now,
      });
      await t.db.transaction().execute((trx) =>
        erasePersonsBatch(trx, {
          personIds: [id],
          level,
          reason: "request",
          actor: system,
          now,
          suppressionSecret: secret,
        }),
      );
      const stored = await t.db
        .selectFrom("person")
        .select(["trafficLight", "lightRecheckAt", "retainUntil"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(stored.trafficLight).toBe(level === 3 ? "red" : "yellow");
      // A refresh from scratch changes nothing: the erasure stored exactly its values.
      expect(await refreshTrafficLights(t.db, [id], now)).toBe(0);
    }
  });
});

describe("consent evidence is held for the proof period (§§195, 199 BGB; §7a UWG)", () => {
  it("three years from the end of the year the consent ended, five years for phone consents", async () => {
    const personId = await createPerson(t.db);
    const withdrawnAt = new Date("2024-03-01T10:00:00Z");
    const longAgo = new Date("2021-05-01T10:00:00Z");
    const evidence = async (purposeId: string, at: Date, state: "withdrawn" | "granted") => {
      const recordId = await createRecord(t.db, { personId, purposeId, state, at });
      await t.db
        .insertInto("consentEvidence")
        .values({ processingRecordId: recordId, kind: "note", description: "x" })
        .execute();
    };
    await evidence(c.newsletter, withdrawnAt, "withdrawn"); // held until 2028-01-01
    await evidence(c.phoneOffers, longAgo, "withdrawn"); // phone: until 2026-05-01, over
    await evidence(c.catalogue, longAgo, "granted"); // live consent: ends now → 2030-01-01
    const facts = await loadErasureFacts(t.db, personId, now);
    expect(facts.holds.map((h) => [h.hold.key, h.hold.until]).sort()).toEqual([
      ["consent_evidence", "2028-01-01"],
      ["consent_evidence", "2030-01-01"],
      ["phone_consent_evidence", "2026-05-01"],
    ]);
    const { plan } = await erasePerson(t.db, {
      personId,
      level: 3,
      reason: "request",
      actor: dpo,
      now,
      suppressionSecret: secret,
    });
    expect(plan.held).toHaveLength(2);
    const kept = await t.db
      .selectFrom("consentEvidence")
      .innerJoin("processingRecord", "processingRecord.id", "consentEvidence.processingRecordId")
      .select("consentEvidence.heldUntil")
      .where("processingRecord.personId", "=", personId)
      .orderBy("consentEvidence.heldUntil")
      .execute();
    expect(kept).toEqual([{ heldUntil: "2028-01-01" }, { heldUntil: "2030-01-01" }]);
  });
});

describe("held items and recipients after level 3", () => {
  let full: FullPerson;
  let erasureId: string;
  beforeAll(async () => {
    full = await createFullPerson(t.db, c);
    ({ erasureId } = await erasePerson(t.db, {
      personId: full.personId,
      level: 3,
      reason: "request",
      actor: dpo,
      now,
      suppressionSecret: secret,
    }));
  });

  it("the erasure lists every hold with its law and date", async () => {
    const [erasure] = await listPersonErasures(t.db, full.personId);
    expect(erasure?.held).toEqual(
      expect.arrayContaining([
        { table: "document", id: full.heldDocumentId, key: "business_letters", until: "2032-01-01" },
        { table: "document", id: full.evidenceDocumentId, key: "consent_evidence", until: "2030-01-01" },
        { table: "bankAccount", id: full.heldBankAccountId, key: "accounting_vouchers", until: "2033-01-01" },
      ]),
    );
    expect(erasure?.held).toHaveLength(5);
  });

  it("are deleted by the retention job from the day their hold ends, audited by the system", async () => {
    const before = await t.db
      .transaction()
      .execute((trx) => deleteExpiredHolds(trx, { today: "2031-12-31", now }));
    // the evidence document (2030) and both evidence rows (2030, 2031), and the evidence of the person above
    expect(before).toEqual({ documents: 1, bankAccounts: 0, consentEvidence: 4 });
    const on = await t.db
      .transaction()
      .execute((trx) => deleteExpiredHolds(trx, { today: "2032-01-01", now }));
    expect(on).toEqual({ documents: 1, bankAccounts: 0, consentEvidence: 0 });
    const left = await t.db
      .selectFrom("bankAccount")
      .select("id")
      .where("personId", "=", full.personId)
      .execute();
    expect(left).toEqual([{ id: full.heldBankAccountId }]);
    const events = await t.db
      .selectFrom("auditEvent")
      .select(["actorType", "entityType", "entityId"])
      .where("action", "=", "held_item.deleted")
      .where("personId", "=", full.personId)
      .execute();
    expect(events).toContainEqual({
      actorType: "system",
      entityType: "document",
      entityId: full.heldDocumentId,
    });
    expect(events).toHaveLength(4); // two evidence rows, two documents
  });

  it("the recipients are marked notified once, with who and when (Art. 19)", async () => {
    const later = new Date("2026-06-16T08:00:00Z");
    await markErasureRecipientsNotified(t.db, { erasureId, actor: dpo, now: later });
    await markErasureRecipientsNotified(t.db, {
      erasureId,
      actor: dpo,
      now: new Date("2026-06-20T08:00:00Z"),
    });
    const [erasure] = await listPersonErasures(t.db, full.personId);
    expect(erasure).toMatchObject({
      recipients: ["Lettershop", "Mail service provider", "Parcel service"],
      recipientsNotifiedAt: later,
    });
    const events = await t.db
      .selectFrom("auditEvent")
      .select("changes")
      .where("action", "=", "erasure.recipients_notified")
      .execute();
    expect(events).toEqual([{ changes: { recipients: 3 } }]);
    const missing = await markErasureRecipientsNotified(t.db, {
      erasureId: "00000000-0000-4000-8000-000000000002",
      actor: dpo,
      now,
    }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DomainError);
    expect((missing as DomainError).reason).toBe("erasure_not_found");
  });
});
