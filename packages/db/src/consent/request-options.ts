import { assessConsentRequestMail, assessRecord, isRefusal } from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { getPersonDetail, toRecordFacts } from "../repositories/person-detail.ts";
import type { PurposeLanguage } from "../repositories/purpose-rules.ts";
import { purposesWithCurrentText } from "../repositories/purpose-texts.ts";

/**
 * Consent purposes a person can be asked for, named in `language`. Those without a valid basis are
 * pre-selected, except where the person said no (declined, withdrawn, objected): those show when
 * and how, and asking again is an explicit choice. Whether the mail may go at all is the domain's
 * rule; the latest consent requests show what was asked before. Null when the person does not exist.
 */
export async function consentRequestOptions(
  db: Database,
  input: { personId: string; language: PurposeLanguage; now: Date },
) {
  // Only the records are read: no held item is needed, so the least privileged view.
  const detail = await getPersonDetail(db, input.personId, input.language, { role: "staff" });
  if (!detail) return null;
  const purposes = await purposesWithCurrentText(db, { active: true, consentOnly: true });
  const openRequests = await db
    .selectFrom("outboxMessage")
    .select(["id", "createdAt", "status"])
    .where("personId", "=", input.personId)
    .where("template", "=", "consent-request")
    .orderBy("createdAt", "desc")
    .limit(5)
    .execute();
  const objected = detail.person.dmObjectionChannels;
  const mail = assessConsentRequestMail({
    erased: detail.person.erasedLevel > 0,
    restricted: detail.person.restricted,
    mailBlocks: detail.person.mailBlocks,
    objectedChannels: objected,
  });
  return {
    hasEmail: detail.emails.length > 0,
    mail,
    purposes: purposes.map((purpose) => {
      const record = detail.records.find((r) => r.purposeId === purpose.id);
      const valid = record ? assessRecord(toRecordFacts(record, objected), input.now).valid : false;
      const refusal =
        record && isRefusal(record.state)
          ? {
              state: record.state,
              at: record.withdrawnAt ?? record.declinedAt ?? record.objectedAt ?? record.updatedAt,
              source: record.source,
            }
          : null;
      return {
        id: purpose.id,
        key: purpose.key,
        name: purpose.texts[input.language]?.name ?? null,
        state: record?.state ?? null,
        valid,
        refusal,
        preselected: !valid && !refusal,
      };
    }),
    openRequests,
  };
}
