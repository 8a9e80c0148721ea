import {
  type AdmissibilityResult,
  assessAdmissibility,
  type Channel,
  type ConsentProof,
  needsParentalConsent,
  type PersonContactFacts,
} from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { type PersonDetail, recordColumns, toRecordFacts } from "./person-detail.ts";
import { getCompanySettings } from "./settings.ts";

export interface PurposeVerdicts {
  purposeId: string;
  purposeKey: string;
  channels: { channel: Channel; verdict: AdmissibilityResult }[];
}

type RecordRow = PersonDetail["records"][number] & {
  ownSimilarGoods: boolean;
  toldRightToObject: boolean;
  hasEvidence: boolean;
  hasParentalConsent: boolean;
};

/**
 * The domain's verdict for each purpose the person has a record for × each channel of that purpose:
 * may we contact them, and why (not). The facts are read here; `assessAdmissibility` decides.
 * Null when the person does not exist.
 */
export async function personAdmissibility(
  db: Database,
  personId: string,
  now: Date,
): Promise<PurposeVerdicts[] | null> {
  const person = await db
    .selectFrom("person")
    .select(["birthday", "erasedLevel", "restricted", "mailBlocks", "dmObjectionChannels", "partyType"])
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return null;
  const [records, settings] = await Promise.all([readRecords(db, personId), getCompanySettings(db)]);
  const contact: PersonContactFacts = {
    erased: person.erasedLevel > 0,
    restricted: person.restricted,
    mailBlocks: person.mailBlocks,
    objectedChannels: person.dmObjectionChannels,
  };
  // UWG §7(3) no. 1: the address was obtained in connection with a sale (a contract is on record).
  const customerFromSale = records.some((record) => record.legalBasis === "contract");
  return records.map((record) => {
    const proof: ConsentProof = {
      source: record.source,
      documented: record.hasEvidence,
      // Art. 8(1) GDPR: below the company's age of consent when the consent was given.
      minorWithoutParentalConsent:
        record.legalBasis === "consent" &&
        record.grantedAt !== null &&
        needsParentalConsent(person.birthday, record.grantedAt, settings.ageOfConsent) &&
        !record.hasParentalConsent,
      toldOfRightToObject: record.toldRightToObject,
    };
    const facts = { ...toRecordFacts(record, contact.objectedChannels), proof };
    return {
      purposeId: record.purposeId,
      purposeKey: record.purposeKey,
      channels: record.channels.map((channel) => ({
        channel,
        verdict: assessAdmissibility(
          {
            ...contact,
            partyType: person.partyType,
            customerFromSale,
            record: facts,
            purposeChannels: record.channels,
            directMarketing: record.directMarketing,
            ownSimilarGoods: record.ownSimilarGoods,
            channel,
          },
          now,
        ),
      })),
    };
  });
}

async function readRecords(db: Database, personId: string): Promise<RecordRow[]> {
  const rows = await db
    .selectFrom("processingRecord as r")
    .innerJoin("purpose as p", "p.id", "r.purposeId")
    .select((eb) => [
      ...recordColumns,
      "p.ownSimilarGoods",
      "r.toldRightToObject",
      eb
        .exists(
          eb
            .selectFrom("consentEvidence as ce")
            .select("ce.id")
            .whereRef("ce.processingRecordId", "=", "r.id"),
        )
        .as("hasEvidence"),
      eb
        .exists(
          eb
            .selectFrom("consentEvidence as ce")
            .select("ce.id")
            .whereRef("ce.processingRecordId", "=", "r.id")
            .where("ce.kind", "=", "parental_consent"),
        )
        .as("hasParentalConsent"),
    ])
    .where("r.personId", "=", personId)
    .orderBy("p.key")
    .execute();
  // The page's record shape (name and evidence count are not needed for the verdicts).
  return rows.map((row) => ({
    ...row,
    purposeName: null,
    evidenceCount: 0,
    hasEvidence: Boolean(row.hasEvidence),
    hasParentalConsent: Boolean(row.hasParentalConsent),
  }));
}
