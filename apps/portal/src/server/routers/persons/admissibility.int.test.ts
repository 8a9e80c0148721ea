import { createOrganization, createPerson, createPurpose, createRecord } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../root";
import type { Context } from "../../trpc";

let t: TestDatabase;
let offers: string;
let customerMail: string;
let contract: string;
beforeAll(async () => {
  t = await createTestDatabase();
  offers = await createPurpose(t.db, {
    key: "offers",
    channels: ["phone", "email"],
    doubleOptIn: true,
    directMarketing: true,
    allowedLegalBases: ["consent", "legitimate_interests"],
  });
  customerMail = await createPurpose(t.db, {
    key: "customer_mail_offers",
    defaultLegalBasis: "legitimate_interests",
    channels: ["email"],
    directMarketing: true,
    ownSimilarGoods: true,
  });
  contract = await createPurpose(t.db, {
    key: "contract",
    defaultLegalBasis: "contract",
    channels: ["post"],
  });
  await t.db
    .updateTable("purposeVersion")
    .set({ createdAt: new Date("2026-01-01T00:00:00Z") })
    .execute();
});
afterAll(async () => t?.close());

const now = new Date("2026-05-12T09:30:00Z");
const caller = () =>
  createCaller({
    db: t.db,
    user: { id: "user-staff", name: "Staff", email: "staff@test.example", role: "staff", locale: "en" },
    now: () => now,
  } satisfies Context);

/** A confirmed e-mail double opt-in with the microsite's evidence on file. */
async function emailDoubleOptIn(personId: string) {
  const recordId = await createRecord(t.db, {
    personId,
    purposeId: offers,
    state: "confirmed",
    source: "microsite",
    at: new Date("2026-03-01T10:00:00Z"),
  });
  await t.db
    .insertInto("consentEvidence")
    .values({ processingRecordId: recordId, kind: "microsite" })
    .execute();
}

/** purpose key → channel → [admissible, reason] */
async function matrix(personId: string) {
  const verdicts = await caller().persons.admissibility({ personId });
  return Object.fromEntries(
    verdicts.map((row) => [
      row.purposeKey,
      Object.fromEntries(row.channels.map((c) => [c.channel, [c.verdict.admissible, c.verdict.reason]])),
    ]),
  );
}

describe("#3 the person page shows the verdict per purpose × channel", () => {
  it("#3 a consumer with an e-mail double opt-in: e-mail yes, phone no (no express phone consent)", async () => {
    const personId = await createPerson(t.db, { emails: ["consumer@example.com"] });
    await emailDoubleOptIn(personId);
    expect(await matrix(personId)).toEqual({
      offers: { phone: [false, "phone_consent_not_express"], email: [true, "admissible"] },
    });
  });

  it("#3 a business contact with the same documented consent may be called (presumed consent documented)", async () => {
    const organizationId = await createOrganization(t.db, "Muster GmbH");
    const personId = await createPerson(t.db, { organizationId });
    await emailDoubleOptIn(personId);
    expect(await matrix(personId)).toEqual({
      offers: { phone: [true, "admissible"], email: [true, "admissible"] },
    });
  });

  it("#3 a §7(3) UWG customer: own similar goods by e-mail only once told of the right to object", async () => {
    const customer = async (toldRightToObject?: boolean) => {
      const personId = await createPerson(t.db);
      const change = (purposeId: string, told?: boolean) =>
        caller().records.change({
          personId,
          purposeId,
          event: "activate",
          source: "in_person",
          ...(told === undefined ? {} : { toldRightToObject: told }),
        });
      await change(contract);
      await change(customerMail, toldRightToObject);
      return personId;
    };
    const untold = await customer();
    expect((await matrix(untold)).customer_mail_offers).toEqual({ email: [false, "uwg_7_3_not_met"] });

    // Staff tick "told of the right to object": stored on the record and audited in the event.
    const personId = await customer(true);
    const record = await t.db
      .selectFrom("processingRecord")
      .select("toldRightToObject")
      .where("personId", "=", personId)
      .where("purposeId", "=", customerMail)
      .executeTakeFirstOrThrow();
    expect(record.toldRightToObject).toBe(true);
    const [event] = await t.db
      .selectFrom("auditEvent")
      .select("changes")
      .where("personId", "=", personId)
      .orderBy("id", "desc")
      .limit(1)
      .execute();
    expect(event?.changes).toMatchObject({ purposeKey: "customer_mail_offers", toldRightToObject: true });
    expect(await matrix(personId)).toEqual({
      contract: { post: [true, "admissible"] },
      customer_mail_offers: { email: [true, "admissible"] },
    });

    // Without the sale (no contract on record) the exception does not apply.
    const prospect = await createPerson(t.db);
    await caller().records.change({
      personId: prospect,
      purposeId: customerMail,
      event: "activate",
      source: "in_person",
      toldRightToObject: true,
    });
    expect((await matrix(prospect)).customer_mail_offers).toEqual({ email: [false, "uwg_7_3_not_met"] });
  });

  it("#3 an unknown person is NOT_FOUND", async () => {
    await expect(
      caller().persons.admissibility({ personId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
