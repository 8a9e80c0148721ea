import { type Database, getCompanySettings } from "@purposeful/db";
import { DomainError } from "@purposeful/domain";

export interface Recipient {
  personId: string;
  email: string;
  language: "de" | "en";
  salutationName: string;
}

/** Who a mail goes to: the primary e-mail address, in the person's language, greeted by name. */
export async function loadRecipient(db: Database, personId: string): Promise<Recipient> {
  const person = await db
    .selectFrom("person")
    .leftJoin("personEmail", (join) =>
      join.onRef("personEmail.personId", "=", "person.id").on("personEmail.isPrimary", "=", true),
    )
    .select([
      "person.id",
      "person.salutation",
      "person.title",
      "person.firstName",
      "person.lastName",
      "person.preferredLanguage",
      "person.erasedLevel",
      "person.restricted",
      "personEmail.address",
    ])
    .where("person.id", "=", personId)
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person");
  if (!person.address) throw new DomainError("validation", "no_email_address");
  // Art. 18 GDPR: a restricted person is stored but not contacted; erased persons never.
  if (person.restricted || person.erasedLevel > 0)
    throw new DomainError("forbidden", "person_not_contactable");
  const formal = [person.salutation, person.title, person.lastName].filter(Boolean).join(" ");
  return {
    personId: person.id,
    email: person.address,
    language: person.preferredLanguage,
    salutationName: person.salutation ? formal : `${person.firstName} ${person.lastName}`,
  };
}

export async function companyForMail(db: Database) {
  const company = await getCompanySettings(db);
  return {
    name: company.name,
    address: company.address,
    privacyContact: company.privacyContact,
    privacyNoticeUrl: company.privacyNoticeUrl,
  };
}

/** Current purpose texts in one language, in the given order. */
export async function purposeTexts(db: Database, purposeIds: readonly string[], language: "de" | "en") {
  if (purposeIds.length === 0) return [];
  const rows = await db
    .selectFrom("purpose as p")
    .innerJoin("purposeVersion as v", (join) =>
      join
        .onRef("v.purposeId", "=", "p.id")
        .onRef("v.version", "=", "p.currentVersion")
        .on("v.language", "=", language),
    )
    .select(["p.id", "p.key", "p.defaultLegalBasis", "p.active", "v.version", "v.name", "v.description"])
    .where("p.id", "in", [...purposeIds])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return purposeIds.map((id) => byId.get(id)).filter((row) => row !== undefined);
}
