import type { Database } from "../create-database.ts";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";

/**
 * A catalogue for mass consent requests: `newsletter` (consent, double opt-in, direct marketing by
 * e-mail) is what lists are checked for; `updates` (consent, direct marketing, e-mail) is another
 * consent whose valid, proven grant makes e-mail advertising admissible for a person.
 */
export async function createCampaignCatalogue(db: Database) {
  const newsletter = await createPurpose(db, {
    key: "newsletter",
    directMarketing: true,
    doubleOptIn: true,
    channels: ["email", "post"],
  });
  const updates = await createPurpose(db, { key: "updates", directMarketing: true, channels: ["email"] });
  return { newsletter, updates };
}

/** A documented, confirmed consent: e-mail advertising for this purpose is admissible. */
export async function provenConsent(db: Database, personId: string, purposeId: string, at: Date) {
  const id = await createRecord(db, { personId, purposeId, state: "confirmed", source: "microsite", at });
  await db.insertInto("consentEvidence").values({ processingRecordId: id, kind: "microsite" }).execute();
  return id;
}

export async function addPostalAddress(db: Database, personId: string) {
  await db
    .insertInto("personAddress")
    .values({
      personId,
      kind: "home",
      street: "Hauptstraße 1",
      postalCode: "10115",
      city: "Berlin",
      country: "DE",
    })
    .execute();
}

/**
 * `count` members who may receive the request by e-mail: each has a primary address and a proven
 * consent to `updates`, none to `newsletter`. Returns the list id and the persons' ids.
 */
export async function createMailableList(
  db: Database,
  input: { count: number; updates: string; at: Date; name?: string },
): Promise<{ listId: string; personIds: string[] }> {
  const personIds: string[] = [];
  for (let i = 0; i < input.count; i++) {
    const personId = await createPerson(db, {
      firstName: "Mass",
      lastName: `Member ${String(i).padStart(4, "0")}`,
      emails: [`member-${i}@example.test`],
      preferredLanguage: i % 2 === 0 ? "de" : "en",
    });
    await provenConsent(db, personId, input.updates, input.at);
    personIds.push(personId);
  }
  const list = await db
    .insertInto("marketingList")
    .values({ name: input.name ?? "Mass list", kind: "static" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("marketingListMember")
    .values(personIds.map((personId) => ({ listId: list.id, personId })))
    .execute();
  return { listId: list.id, personIds };
}
