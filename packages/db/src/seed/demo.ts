import { base, de, en, Faker } from "@faker-js/faker";
import type { Language } from "@purposeful/domain";
import type { Insertable } from "kysely";
import { recordAuditBatch } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { refreshAllTrafficLights } from "../repositories/traffic-lights.ts";
import type { DB } from "../tables/generated.ts";
import { demoPurposes, newsletterV2 } from "./demo-catalogue.ts";
import { demoCompany } from "./demo-company.ts";
import { type DemoPurposeInfo, demoHistory } from "./demo-history.ts";
import { demoRecord } from "./demo-records.ts";
import { createPurpose, createStaffUser, insertInChunks, type StaffRole, sha256Hex } from "./factories.ts";

export const demoPassword = "purposeful-demo";
export const demoStaff: Array<{ email: string; name: string; role: StaffRole; locale: Language }> = [
  { email: "staff@demo.purposeful.test", name: "Sabine Vertrieb", role: "staff", locale: "de" },
  { email: "marketing@demo.purposeful.test", name: "Max Marketing", role: "marketing", locale: "de" },
  { email: "dpo@demo.purposeful.test", name: "Dana Datenschutz", role: "dpo", locale: "de" },
  { email: "admin@demo.purposeful.test", name: "Alex Admin", role: "admin", locale: "en" },
];

export interface DemoOptions {
  now: Date;
  persons?: number;
  hashPassword: (password: string) => Promise<string>;
  seed?: number;
}

const DAY = 86_400_000;

export async function isSeeded(db: Database): Promise<boolean> {
  const row = await db.selectFrom("purpose").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Demo data for `npm start` and manual testing: every light, state and CRM table has rows. */
export async function seedDemo(db: Database, options: DemoOptions): Promise<{ persons: number }> {
  const { now } = options;
  const count = options.persons ?? 2000;
  const fakerDe = new Faker({ locale: [de, en, base], seed: options.seed ?? 20261129 });
  const fakerEn = new Faker({ locale: [en, base], seed: (options.seed ?? 20261129) + 1 });
  const pick = <T>(items: readonly T[]): T => fakerDe.helpers.arrayElement(items);

  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("setting")
      .values({ key: "company", value: JSON.stringify(demoCompany) })
      .execute();

    const passwordHash = await options.hashPassword(demoPassword);
    const staffIds: string[] = [];
    for (const staff of demoStaff) staffIds.push(await createStaffUser(trx, { ...staff, passwordHash }));

    const purposeIds: Record<string, string> = {};
    for (const purpose of demoPurposes) purposeIds[purpose.key] = await createPurpose(trx, purpose);
    // A material change of the newsletter text: consents to version 1 need asking again.
    const newsletterId = purposeIds.newsletter!;
    await trx
      .insertInto("purposeVersion")
      .values(
        (["de", "en"] as const).map((language) => ({
          purposeId: newsletterId,
          version: 2,
          language,
          material: true,
          ...newsletterV2[language],
        })),
      )
      .execute();
    await trx
      .updateTable("purpose")
      .set({ currentVersion: 2, minValidVersion: 2 })
      .where("id", "=", newsletterId)
      .execute();

    const organizations = Array.from({ length: Math.max(10, Math.round(count / 12)) }, (_, i) => {
      const f = i % 3 === 0 ? fakerEn : fakerDe;
      return {
        id: f.string.uuid(),
        name: f.company.name(),
        website: f.internet.url(),
        legalForm: i % 3 === 0 ? "Ltd" : "GmbH",
      };
    });
    await insertInChunks(trx, "organization", organizations);

    const persons: Insertable<DB["person"]>[] = [];
    const emails: Insertable<DB["personEmail"]>[] = [];
    const phones: Insertable<DB["personPhone"]>[] = [];
    const addresses: Insertable<DB["personAddress"]>[] = [];
    const banks: Insertable<DB["bankAccount"]>[] = [];
    const activities: Insertable<DB["activity"]>[] = [];
    const documents: Insertable<DB["document"]>[] = [];
    const relationships: Insertable<DB["relationship"]>[] = [];
    const records: Insertable<DB["processingRecord"]>[] = [];

    for (let i = 0; i < count; i++) {
      const english = i % 4 === 0;
      const f = english ? fakerEn : fakerDe;
      const sex = f.person.sexType();
      const firstName = f.person.firstName(sex);
      const lastName = f.person.lastName();
      const id = f.string.uuid();
      const organization = f.datatype.boolean(0.6) ? pick(organizations) : null;
      persons.push({
        id,
        salutation: english ? (sex === "female" ? "Ms" : "Mr") : sex === "female" ? "Frau" : "Herr",
        firstName,
        lastName,
        preferredLanguage: english ? "en" : "de",
        birthday: f.datatype.boolean(0.5)
          ? f.date.birthdate({ mode: "age", min: 14, max: 85 }).toISOString().slice(0, 10)
          : null,
        organizationId: organization?.id ?? null,
        jobTitle: organization ? f.person.jobTitle() : null,
        createdAt: new Date(now.getTime() - f.number.int({ min: 1, max: 1500 }) * DAY),
        createdBy: pick(staffIds),
      });
      const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z0-9.]/g, "");
      emails.push({
        personId: id,
        address: `${local}.${i}@${english ? "example.com" : "beispiel.de"}`,
        isPrimary: true,
        kind: organization ? "work" : "private",
      });
      if (f.datatype.boolean(0.3))
        emails.push({ personId: id, address: `${local}.${i}@mail.example.org`, kind: "private" });
      phones.push({
        personId: id,
        kind: pick(["landline", "mobile"] as const),
        number: f.phone.number({ style: "international" }),
        isPrimary: true,
      });
      if (f.datatype.boolean(0.1))
        phones.push({ personId: id, kind: "fax", number: f.phone.number({ style: "international" }) });
      addresses.push({
        personId: id,
        kind: organization ? "work" : "home",
        street: f.location.streetAddress(),
        postalCode: f.location.zipCode(),
        city: f.location.city(),
        country: english ? "GB" : "DE",
        isPrimary: true,
      });
      if (f.datatype.boolean(0.3)) {
        banks.push({
          personId: id,
          iban: f.finance.iban({ countryCode: english ? "GB" : "DE" }),
          bic: f.finance.bic(),
          accountHolder: `${firstName} ${lastName}`,
        });
      }
      for (let a = f.number.int({ min: 0, max: 4 }); a > 0; a--) {
        const kind = pick(["call", "meeting", "email", "note", "task"] as const);
        activities.push({
          personId: id,
          kind,
          direction: kind === "call" || kind === "email" ? pick(["inbound", "outbound"] as const) : null,
          subject: f.lorem.sentence({ min: 3, max: 6 }),
          body: f.lorem.paragraph(),
          occurredAt: new Date(now.getTime() - f.number.int({ min: 1, max: 700 }) * DAY),
          durationSeconds: kind === "call" ? f.number.int({ min: 30, max: 1800 }) : null,
          staffUserId: pick(staffIds),
        });
      }
      if (f.datatype.boolean(0.15)) {
        const content = new TextEncoder().encode(
          `${english ? "Offer" : "Angebot"} ${f.string.alphanumeric(8)} for ${firstName} ${lastName}\n`,
        );
        documents.push({
          personId: id,
          kind: "upload",
          fileName: `offer-${i}.txt`,
          contentType: "text/plain",
          sizeBytes: content.byteLength,
          content: Buffer.from(content),
          sha256: sha256Hex(content),
        });
      }
      if (i > 0 && f.datatype.boolean(0.1))
        relationships.push({
          personId: id,
          relatedPersonId: persons[f.number.int({ min: 0, max: i - 1 })]!.id!,
          role: pick(["assistant", "colleague", "spouse", "manager"]),
        });
      if (organization && f.datatype.boolean(0.2))
        relationships.push({
          personId: id,
          relatedOrganizationId: organization.id,
          role: pick(["purchaser", "managing director", "contact"]),
        });

      if (f.datatype.boolean(0.08)) continue; // no purpose at all: red, and a reason to erase
      const keys = f.helpers.arrayElements(Object.keys(purposeIds), { min: 1, max: 4 });
      const own = keys.map((key) => demoRecord(f, id, key, purposeIds[key]!, now));
      records.push(...own);
      // Nobody has a consent on file from before the person was entered.
      const person = persons[persons.length - 1]!;
      const first = Math.min(...own.map((r) => (r.createdAt as Date).getTime()));
      if (first < (person.createdAt as Date).getTime()) person.createdAt = new Date(first);
    }

    // Every record's story through the audit trail: who, when, which source, which evidence.
    const purposeInfo = new Map<string, DemoPurposeInfo>(
      demoPurposes.map((p): [string, DemoPurposeInfo] => [
        purposeIds[p.key]!,
        { key: p.key, versions: p.key === "newsletter" ? { 1: p.texts!, 2: newsletterV2 } : { 1: p.texts! } },
      ]),
    );
    const history = demoHistory({
      faker: new Faker({ locale: [base], seed: (options.seed ?? 20261129) + 2 }),
      persons,
      records,
      purposes: purposeInfo,
      staffIds,
    });

    await insertInChunks(trx, "person", persons);
    await insertInChunks(trx, "personEmail", emails);
    await insertInChunks(trx, "personPhone", phones);
    await insertInChunks(trx, "personAddress", addresses);
    await insertInChunks(trx, "bankAccount", banks);
    await insertInChunks(trx, "activity", activities);
    await insertInChunks(trx, "document", documents, 100);
    await insertInChunks(trx, "relationship", relationships);
    await insertInChunks(trx, "processingRecord", records);
    await insertInChunks(trx, "consentEvidence", history.evidence);
    await recordAuditBatch(trx, history.events);

    const list = await trx
      .insertInto("marketingList")
      .values({ name: "Messe Hannover 2026", kind: "static", createdBy: staffIds[1] })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertInChunks(
      trx,
      "marketingListMember",
      persons.filter((_, i) => i % 7 === 0).map((p) => ({ listId: list.id, personId: p.id! })),
    );
    // The default report template ships with the product (migration 0017).

    await refreshAllTrafficLights(trx, now);
    return { persons: count };
  });
}
