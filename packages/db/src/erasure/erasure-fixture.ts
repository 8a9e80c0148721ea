import { recordAudit } from "../audit/record-audit.ts";
import { applyRecordEvent } from "../consent/apply-record-event.ts";
import { storeDocument } from "../consent/documents.ts";
import type { Database } from "../create-database.ts";
import { createMicrositeLink } from "../microsite/links.ts";
import { createOrganization, createPerson, createPurpose } from "../seed/factories.ts";

// Shared by the erasure tests: a person with every kind of data the schema can hold about them.
export const now = new Date("2026-06-15T10:00:00Z");
export const dpo = { type: "staff" as const, id: "staff-dpo", role: "dpo" as const };
export const secret = "test-suppression-secret";
const staff = { type: "staff" as const, id: "staff-dpo" };
const earlier = new Date("2026-05-02T09:00:00Z");

export interface Catalogue {
  newsletter: string; // consent, direct marketing, e-mail
  phoneOffers: string; // consent, direct marketing, phone
  catalogue: string; // legitimate interests, direct marketing
  delivery: string; // contract
  bookkeeping: string; // legal obligation
}

export async function createErasureCatalogue(db: Database): Promise<Catalogue> {
  return {
    newsletter: await createPurpose(db, {
      key: "newsletter",
      directMarketing: true,
      recipients: ["Mail service provider"],
    }),
    phoneOffers: await createPurpose(db, { key: "phone_offers", channels: ["phone"], directMarketing: true }),
    catalogue: await createPurpose(db, {
      key: "catalogue",
      defaultLegalBasis: "legitimate_interests",
      channels: ["post"],
      directMarketing: true,
      recipients: ["Lettershop"],
    }),
    delivery: await createPurpose(db, {
      key: "delivery",
      defaultLegalBasis: "contract",
      recipients: ["Parcel service", "Lettershop"],
    }),
    bookkeeping: await createPurpose(db, { key: "bookkeeping", defaultLegalBasis: "legal_obligation" }),
  };
}

/** Every original value of the full person, to be searched for after level 3. */
export const original = {
  firstName: "Xaveria",
  lastName: "Quellenberg",
  title: "Dr. habil.",
  birthday: "1979-04-05",
  jobTitle: "Chief Zeppelin Officer",
  primaryEmail: "xaveria.quellenberg@example.org",
  secondaryEmail: "xq-private@example.net",
  phone: "+49 30 5550123",
  street: "Zypressenweg 17",
  city: "Quedlinburg-Süd",
  heldIban: "DE89370400440532013000",
  iban: "DE02120300000000202051",
  accountHolder: "X. Quellenberg-Konto",
  activitySubject: "Call about Zeppelin hangar",
  activityBody: "She told me her secret word blue-marmot-42",
  recordNote: "Agreed on the phone, ref QB-4711",
  relationshipNote: "Sister of the hangar owner",
  documentBytes: "UNHELD-UPLOAD-BYTES-5521",
  documentName: "zeppelin-passport-scan.pdf",
  heldDocumentBytes: "HELD-LETTER-CONTENT-7781",
  evidenceBytes: "EVIDENCE-SCAN-BYTES-9912",
  evidenceDescription: "Signed paper form, counter 3",
  mailSubject: "Hello Xaveria, your zeppelin news",
  followUp: "Call Xaveria back about the hangar",
  requesterName: "Xaveria Q. (requester)",
} as const;

export interface FullPerson {
  personId: string;
  relativeId: string;
  heldDocumentId: string;
  documentId: string;
  evidenceDocumentId: string;
  heldBankAccountId: string;
  bankAccountId: string;
}

/**
 * A person with names, birthday, position, organization, two e-mails, a phone, an address, two bank
 * accounts (one under an accounting hold), activities, documents (one a business letter), a relative
 * both ways, records of every kind with evidence, mails, a microsite link and session, a list
 * membership, casework and an audit history with personal values.
 */
export async function createFullPerson(db: Database, c: Catalogue): Promise<FullPerson> {
  const o = original;
  const organizationId = await createOrganization(db, "Hangar Holding GmbH");
  const personId = await createPerson(db, {
    firstName: o.firstName,
    lastName: o.lastName,
    salutation: "Frau",
    birthday: o.birthday,
    organizationId,
    emails: [o.primaryEmail, o.secondaryEmail],
  });
  await db
    .updateTable("person")
    .set({ title: o.title, jobTitle: o.jobTitle })
    .where("id", "=", personId)
    .execute();
  const relativeId = await createPerson(db, { firstName: "Other", lastName: "Relative" });
  await db.insertInto("personPhone").values({ personId, kind: "mobile", number: o.phone }).execute();
  await db
    .insertInto("personAddress")
    .values({ personId, kind: "home", street: o.street, postalCode: "06484", city: o.city, country: "DE" })
    .execute();
  const [heldAccount, account] = await db
    .insertInto("bankAccount")
    .values([
      {
        personId,
        iban: o.heldIban,
        accountHolder: o.accountHolder,
        retentionClass: "accounting_vouchers",
        retentionDate: "2024-03-01",
      },
      { personId, iban: o.iban, accountHolder: o.accountHolder },
    ])
    .returning("id")
    .execute();
  await db
    .insertInto("activity")
    .values({ personId, kind: "call", subject: o.activitySubject, body: o.activityBody, occurredAt: earlier })
    .execute();
  await db
    .insertInto("relationship")
    .values([
      { personId, relatedPersonId: relativeId, role: "sibling", note: o.relationshipNote },
      { personId: relativeId, relatedPersonId: personId, role: "sibling" },
    ])
    .execute();

  const { heldDocumentId, documentId, evidenceDocumentId } = await db.transaction().execute(async (trx) => {
    const store = (fileName: string, content: string, metadata: Record<string, unknown> = {}) =>
      storeDocument(trx, {
        personId,
        kind: "upload",
        fileName,
        contentType: "application/pdf",
        content: Buffer.from(`%PDF ${content} %EOF`),
        metadata,
        actor: staff,
        at: earlier,
      });
    const heldDocumentId = await store("letter.pdf", o.heldDocumentBytes);
    const documentId = await store(o.documentName, o.documentBytes, { from: o.primaryEmail });
    const evidenceDocumentId = await store("consent-form.pdf", o.evidenceBytes);
    await trx
      .updateTable("document")
      .set({ retentionClass: "business_letters", retentionDate: "2025-01-10" })
      .where("id", "=", heldDocumentId)
      .execute();
    const event = (purposeId: string, ev: "grant" | "activate", extra: object = {}) =>
      applyRecordEvent(trx, {
        personId,
        purposeId,
        event: ev,
        source: "letter",
        actor: staff,
        at: earlier,
        ...extra,
      });
    await event(c.newsletter, "grant", {
      note: o.recordNote,
      evidence: { kind: "document", documentId: evidenceDocumentId, description: o.evidenceDescription },
    });
    await event(c.phoneOffers, "grant", { evidence: { kind: "note", description: o.evidenceDescription } });
    await event(c.catalogue, "activate");
    await event(c.delivery, "activate");
    await event(c.bookkeeping, "activate");
    await recordAudit(trx, {
      actor: staff,
      action: "person.updated",
      entityType: "person",
      entityId: personId,
      personId,
      changes: { fields: ["firstName", "jobTitle"] },
      personal: { before: { firstName: "Xavi" }, after: { firstName: o.firstName, jobTitle: o.jobTitle } },
      at: earlier,
    });
    return { heldDocumentId, documentId, evidenceDocumentId };
  });

  const mail = (to: string, key: string, person: string | null) => ({
    idempotencyKey: key,
    personId: person,
    toAddress: to,
    template: "consent-request",
    language: "de" as const,
    subject: o.mailSubject,
    html: `<p>${o.mailSubject}</p>`,
    text: o.mailSubject,
    props: JSON.stringify({ firstName: o.firstName }),
  });
  await db
    .insertInto("outboxMessage")
    .values([
      mail(o.primaryEmail, `mail-${personId}`, personId),
      mail(o.secondaryEmail, `loose-${personId}`, null),
    ])
    .execute();
  await db.transaction().execute(async (trx) => {
    const link = await createMicrositeLink(trx, { personId, kind: "settings", at: earlier });
    await trx
      .insertInto("micrositeSession")
      .values({ personId, linkId: link.id, tokenHash: `session-${personId}`, expiresAt: now })
      .execute();
  });
  const list = await db
    .insertInto("marketingList")
    .values({ name: "Zeppelin friends", kind: "static" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("marketingListMember").values({ listId: list.id, personId }).execute();
  const request = await db
    .insertInto("dataSubjectRequest")
    .values({
      type: "erasure",
      channel: "email",
      receivedAt: earlier,
      dueDate: "2026-06-02",
      requesterName: o.requesterName,
      requesterEmail: o.primaryEmail,
      description: `Please erase ${o.lastName}`,
      // Answered and closed: an open case keeps the requester's contact until then (casework test).
      status: "closed",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("caseLink").values({ requestId: request.id, personId }).execute();
  await db.insertInto("followUp").values({ title: o.followUp, dueOn: "2026-07-01", personId }).execute();
  return {
    personId,
    relativeId,
    heldDocumentId,
    documentId,
    evidenceDocumentId,
    heldBankAccountId: heldAccount!.id,
    bankAccountId: account!.id,
  };
}
