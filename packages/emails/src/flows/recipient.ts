import { currentTextIn, type Database, getCompanySettings, purposesWithCurrentText } from "@purposeful/db";
import {
  assessConsentRequestMail,
  assessTransactionalMail,
  DomainError,
  type Language,
  mayMailBreachNotice,
  mayMailRequestAnswer,
} from "@purposeful/domain";

/**
 * A consent request is advertising (OLG Celle 13 U 15/14); receipts and confirmations are not; the
 * answer to a data subject's own request (an access report) and the notice of a breach of their
 * data (Art. 34) go even to a restricted person.
 */
export type MailKind = "consent_request" | "transactional" | "request_answer" | "breach_notice";

export interface Recipient {
  personId: string;
  email: string;
  /** The `person_email` row the mail goes to; its personal links record it (revoked with it). */
  emailId: string;
  language: Language;
  salutationName: string;
}

/**
 * Who a mail goes to: the primary e-mail address, in the person's language, greeted by name. Whether
 * the mail may go at all is the domain's admissibility rule for its kind; a refusal throws
 * DomainError("forbidden") with the rule's reason.
 */
export async function loadRecipient(
  db: Database,
  personId: string,
  kind: MailKind = "transactional",
): Promise<Recipient> {
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
      "person.mailBlocks",
      "person.dmObjectionChannels",
      "personEmail.address",
      "personEmail.id as emailId",
    ])
    .where("person.id", "=", personId)
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");
  if (!person.address || !person.emailId) throw new DomainError("validation", "no_email_address");
  const facts = {
    erased: person.erasedLevel > 0,
    restricted: person.restricted,
    mailBlocks: person.mailBlocks,
    objectedChannels: person.dmObjectionChannels,
  };
  if (kind === "request_answer") {
    if (!mayMailRequestAnswer(person)) throw new DomainError("forbidden", "erased");
  } else if (kind === "breach_notice") {
    if (!mayMailBreachNotice(person)) throw new DomainError("forbidden", "erased");
  } else {
    const verdict =
      kind === "consent_request" ? assessConsentRequestMail(facts) : assessTransactionalMail(facts);
    if (!verdict.admissible) throw new DomainError("forbidden", verdict.reason);
  }
  return {
    personId: person.id,
    email: person.address,
    emailId: person.emailId,
    language: person.preferredLanguage,
    salutationName: salutationNameOf(person),
  };
}

/** How a mail or letter greets the person: formally when a salutation is known, else by full name. */
export function salutationNameOf(person: {
  salutation: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
}): string {
  const formal = [person.salutation, person.title, person.lastName].filter(Boolean).join(" ");
  return person.salutation ? formal : `${person.firstName} ${person.lastName}`;
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

/** Current purpose texts in one language, in the given order; a purpose without that text is left out. */
export async function purposeTexts(db: Database, purposeIds: readonly string[], language: Language) {
  const purposes = await purposesWithCurrentText(db, { ids: purposeIds });
  const byId = new Map(purposes.map((purpose) => [purpose.id, purpose]));
  return purposeIds.flatMap((id) => {
    const purpose = byId.get(id);
    const text = purpose && currentTextIn(purpose, language);
    if (!purpose || !text) return [];
    const { key, defaultLegalBasis, active, currentVersion: version } = purpose;
    return [{ id, key, defaultLegalBasis, active, version, name: text.name, description: text.description }];
  });
}
