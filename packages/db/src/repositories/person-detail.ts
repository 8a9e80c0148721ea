import type { Channel, Language, RecordFacts } from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { purposesWithCurrentText } from "./purpose-texts.ts";

export type { Language };

/** A record with its purpose's facts, as the person page and its verdicts read it (`r`, `p`). */
export const recordColumns = [
  "r.id",
  "r.purposeId",
  "p.key as purposeKey",
  "p.channels",
  "p.directMarketing",
  "r.doubleOptInRequired as doubleOptIn",
  "p.active as purposeActive",
  "p.minValidVersion as purposeMinValidVersion",
  "p.currentVersion as purposeCurrentVersion",
  "r.legalBasis",
  "r.state",
  "r.source",
  "r.purposeVersion",
  "r.validUntil",
  "r.requestedAt",
  "r.grantedAt",
  "r.confirmedAt",
  "r.withdrawnAt",
  "r.declinedAt",
  "r.endedAt",
  "r.objectedAt",
  "r.updatedAt",
] as const;

/** Everything the person page shows, in one read; document contents stay in the database. */
export async function getPersonDetail(db: Database, personId: string, language: Language) {
  const person = await db
    .selectFrom("person")
    .leftJoin("organization", "organization.id", "person.organizationId")
    .selectAll("person")
    .select(["organization.name as organizationName"])
    .where("person.id", "=", personId)
    .executeTakeFirst();
  if (!person) return null;

  const [emails, phones, addresses, bankAccounts, activities, documents, relationships, records] =
    await Promise.all([
      db
        .selectFrom("personEmail")
        .selectAll()
        .where("personId", "=", personId)
        .orderBy("isPrimary", "desc")
        .orderBy("createdAt")
        .execute(),
      db
        .selectFrom("personPhone")
        .selectAll()
        .where("personId", "=", personId)
        .orderBy("isPrimary", "desc")
        .orderBy("createdAt")
        .execute(),
      db
        .selectFrom("personAddress")
        .selectAll()
        .where("personId", "=", personId)
        .orderBy("isPrimary", "desc")
        .orderBy("createdAt")
        .execute(),
      db
        .selectFrom("bankAccount")
        .selectAll()
        .where("personId", "=", personId)
        .orderBy("createdAt")
        .execute(),
      db
        .selectFrom("activity")
        .leftJoin("staffUser", "staffUser.id", "activity.staffUserId")
        .select([
          "activity.id",
          "activity.kind",
          "activity.direction",
          "activity.subject",
          "activity.body",
          "activity.occurredAt",
          "activity.durationSeconds",
          "staffUser.name as staffName",
        ])
        .where("activity.personId", "=", personId)
        .orderBy("activity.occurredAt", "desc")
        .limit(100)
        .execute(),
      db
        .selectFrom("document")
        .select([
          "id",
          "kind",
          "fileName",
          "contentType",
          "sizeBytes",
          "createdAt",
          "createdBy",
          "retentionClass",
          "retentionDate",
          "heldUntil",
        ])
        .where("personId", "=", personId)
        .orderBy("createdAt", "desc")
        .execute(),
      db
        .selectFrom("relationship")
        .leftJoin("person as related", "related.id", "relationship.relatedPersonId")
        .leftJoin(
          "organization as relatedOrganization",
          "relatedOrganization.id",
          "relationship.relatedOrganizationId",
        )
        .select([
          "relationship.id",
          "relationship.role",
          "relationship.relatedPersonId",
          "related.firstName as relatedFirstName",
          "related.lastName as relatedLastName",
          "relationship.relatedOrganizationId",
          "relatedOrganization.name as relatedOrganizationName",
        ])
        .where("relationship.personId", "=", personId)
        .execute(),
      db
        .selectFrom("processingRecord as r")
        .innerJoin("purpose as p", "p.id", "r.purposeId")
        .select([
          ...recordColumns,
          (eb) =>
            eb
              .selectFrom("consentEvidence as ce")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("ce.processingRecordId", "=", "r.id")
              .as("evidenceCount"),
        ])
        .where("r.personId", "=", personId)
        .orderBy("p.key")
        .execute()
        .then((rows) => withPurposeNames(db, rows, language)),
    ]);

  return { person, emails, phones, addresses, bankAccounts, activities, documents, relationships, records };
}

/** Each record with its purpose's name from the current text version in `language` (null where missing). */
async function withPurposeNames<T extends { id: string; purposeId: string; purposeKey: string }>(
  db: Database,
  records: T[],
  language: Language,
) {
  const purposes = await purposesWithCurrentText(db, { ids: [...new Set(records.map((r) => r.purposeId))] });
  const names = new Map(purposes.map((purpose) => [purpose.id, purpose.texts[language]?.name ?? null]));
  return records.map(({ id, purposeId, purposeKey, ...rest }) => ({
    id,
    purposeId,
    purposeKey,
    purposeName: names.get(purposeId) ?? null,
    ...rest,
  }));
}

export type PersonDetail = NonNullable<Awaited<ReturnType<typeof getPersonDetail>>>;

/** The domain's facts of one record; the person's objection to direct marketing holds for all of them. */
export function toRecordFacts(
  record: PersonDetail["records"][number],
  objectedChannels: readonly Channel[],
): RecordFacts & { purposeId: string } {
  return {
    purposeId: record.purposeId,
    legalBasis: record.legalBasis,
    state: record.state,
    doubleOptIn: record.doubleOptIn,
    validUntil: record.validUntil,
    purposeVersion: record.purposeVersion,
    purposeMinValidVersion: record.purposeMinValidVersion,
    purposeActive: record.purposeActive,
    directMarketing: record.directMarketing,
    purposeChannels: record.channels,
    objectedChannels,
  };
}
