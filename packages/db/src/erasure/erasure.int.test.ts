import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { erasePerson, listPersonErasures, previewErasure } from "./erase-person.ts";
import {
  type Catalogue,
  createErasureCatalogue,
  createFullPerson,
  dpo,
  now,
  original,
  secret,
} from "./erasure-fixture.ts";

let t: TestDatabase;
let c: Catalogue;
beforeAll(async () => {
  t = await createTestDatabase();
  c = await createErasureCatalogue(t.db);
});
afterAll(async () => t?.close());

const records = async (personId: string) =>
  Object.fromEntries(
    (
      await t.db
        .selectFrom("processingRecord")
        .innerJoin("purpose", "purpose.id", "processingRecord.purposeId")
        .select(["purpose.key", "processingRecord.state"])
        .where("personId", "=", personId)
        .execute()
    ).map((row) => [row.key, row.state]),
  );
const count = async (table: "personEmail" | "personPhone" | "personAddress", personId: string) =>
  (await t.db.selectFrom(table).select("id").where("personId", "=", personId).execute()).length;
const person = (personId: string) =>
  t.db.selectFrom("person").selectAll().where("id", "=", personId).executeTakeFirstOrThrow();
const erase = (personId: string, level: number) =>
  erasePerson(t.db, { personId, level, reason: "request", actor: dpo, now, suppressionSecret: secret });

describe("erasure levels", () => {
  it("level 1 withdraws consents, objects to direct marketing, blocks every channel and keeps the contract", async () => {
    const { personId } = await createFullPerson(t.db, c);
    const preview = await previewErasure(t.db, { personId, level: 1, now });
    const { erasureId, plan } = await erase(personId, 1);
    expect(preview).toEqual({ ...plan, erasedLevel: 0 });
    expect(plan.kept).toEqual([
      { legalBasis: "contract", count: 1 },
      { legalBasis: "legal_obligation", count: 1 },
    ]);
    expect(await records(personId)).toEqual({
      newsletter: "withdrawn",
      phone_offers: "withdrawn",
      catalogue: "objected",
      delivery: "active",
      bookkeeping: "active",
    });
    const row = await person(personId);
    expect(row).toMatchObject({
      erasedLevel: 1,
      firstName: original.firstName,
      mailBlocks: ["email", "phone", "post", "sms", "profiling"],
      dmObjectionChannels: ["email", "phone", "post", "sms", "profiling"],
    });
    expect(await count("personPhone", personId)).toBe(1);
    const [erasure] = await listPersonErasures(t.db, personId);
    expect(erasure).toMatchObject({
      id: erasureId,
      level: 1,
      reason: "request",
      actorId: dpo.id,
      recipients: ["Lettershop", "Mail service provider", "Parcel service"],
      steps: plan.steps,
    });
  });

  it("level 2 also deletes phones, addresses and the secondary e-mail, and keeps the primary one", async () => {
    const { personId } = await createFullPerson(t.db, c);
    await erase(personId, 2);
    expect(await count("personPhone", personId)).toBe(0);
    expect(await count("personAddress", personId)).toBe(0);
    const emails = await t.db
      .selectFrom("personEmail")
      .select("address")
      .where("personId", "=", personId)
      .execute();
    expect(emails).toEqual([{ address: original.primaryEmail }]);
    expect((await person(personId)).lastName).toBe(original.lastName);
  });

  it("level 3 anonymizes the person and keeps held items restricted until their hold ends", async () => {
    const full = await createFullPerson(t.db, c);
    const { personId } = full;
    const { plan } = await erase(personId, 3);
    expect(plan.held.map((h) => [h.table, h.id, h.hold.key, h.hold.until])).toEqual(
      expect.arrayContaining([
        ["document", full.heldDocumentId, "business_letters", "2032-01-01"],
        ["document", full.evidenceDocumentId, "consent_evidence", "2030-01-01"],
        ["bankAccount", full.heldBankAccountId, "accounting_vouchers", "2033-01-01"],
      ]),
    );
    const steps = Object.fromEntries(plan.steps.map((step) => [`${step.table} ${step.action}`, step.count]));
    // mails to the same addresses belong to the fixture's other persons too
    expect(steps["outboxMessage delete"]).toBeGreaterThanOrEqual(2);
    expect({ ...steps, "outboxMessage delete": undefined }).toEqual({
      "processingRecord withdraw": 2,
      "processingRecord object": 1,
      "person object_direct_marketing": 1,
      "person set_mail_blocks": 5,
      "processingRecord end": 2,
      "suppressionEntry suppress": 2,
      "personEmail delete": 2,
      "personPhone delete": 1,
      "personAddress delete": 1,
      "bankAccount delete": 1,
      "activity anonymize": 1,
      "document delete": 1,
      "relationship delete": 2,
      "outboxMessage delete": undefined,
      "micrositeLink delete": 1,
      "marketingListMember delete": 1,
      "processingRecord anonymize": 5,
      "person anonymize": 1,
      "personKey shred_key": 1,
    });
    expect(plan.held).toHaveLength(5); // two documents, a bank account, two pieces of evidence
    expect(await person(personId)).toMatchObject({
      firstName: "",
      lastName: "",
      birthday: null,
      erasedLevel: 3,
    });
    expect(await records(personId)).toEqual({
      newsletter: "withdrawn",
      phone_offers: "withdrawn",
      catalogue: "objected",
      delivery: "ended",
      bookkeeping: "ended",
    });
    expect(
      await t.db.selectFrom("personEmail").select("id").where("personId", "=", personId).execute(),
    ).toEqual([]);
    const activity = await t.db
      .selectFrom("activity")
      .select(["subject", "body", "kind"])
      .where("personId", "=", personId)
      .execute();
    expect(activity).toEqual([{ subject: "—", body: null, kind: "call" }]);
    const relationships = await t.db
      .selectFrom("relationship")
      .select("id")
      .where((eb) => eb.or([eb("personId", "=", personId), eb("relatedPersonId", "=", personId)]))
      .execute();
    expect(relationships).toEqual([]);
    for (const table of [
      "micrositeLink",
      "micrositeSession",
      "marketingListMember",
      "outboxMessage",
    ] as const)
      expect(
        await t.db.selectFrom(table).select("personId").where("personId", "=", personId).execute(),
      ).toEqual([]);
    expect(
      await t.db
        .selectFrom("outboxMessage")
        .select("id")
        .where("toAddress", "=", original.secondaryEmail)
        .execute(),
    ).toEqual([]);
    expect(await person(personId)).toMatchObject({
      trafficLight: "red",
      organizationId: null,
      jobTitle: null,
    });
    const accounts = await t.db
      .selectFrom("bankAccount")
      .select(["id", "heldUntil"])
      .where("personId", "=", personId)
      .execute();
    expect(accounts).toEqual([{ id: full.heldBankAccountId, heldUntil: "2033-01-01" }]);
  });
});
