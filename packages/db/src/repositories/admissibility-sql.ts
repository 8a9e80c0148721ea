import {
  type AdmissibilityInput,
  type AdmissibilityResult,
  allChannels,
  type Channel,
  type ConsentState,
  consentStates,
  controllerTimeZone,
  type LegalBasis,
  needsParentalConsent,
  type PartyType,
  type RecordSource,
  type RecordState,
} from "@purposeful/domain";
import { type RawBuilder, sql } from "kysely";

export type AdmissibilityReasonSql = AdmissibilityResult["reason"];

/** Sources that record an express consent to calls (`channelLaw`, UWG §7(2) no. 1). */
const expressPhoneSources: readonly RecordSource[] = ["phone", "letter", "fax", "in_person", "signature"];

/** documented: evidence of any kind is on file for the record (Art. 7(1) GDPR, UWG §7a). */
export const documentedSql = sql<boolean>`EXISTS (
  SELECT 1 FROM consent_evidence e WHERE e.processing_record_id = r.id)`;

/** The parental consent of Art. 8(1) GDPR is on file for the record. */
export const parentalEvidenceSql = sql<boolean>`EXISTS (
  SELECT 1 FROM consent_evidence e WHERE e.processing_record_id = r.id AND e.kind = 'parental_consent')`;

/** UWG §7(3) no. 1: the address was obtained in a sale, i.e. the person has a contract record. */
export const customerFromSaleSql = sql<boolean>`EXISTS (
  SELECT 1 FROM processing_record s WHERE s.person_id = pe.id AND s.legal_basis = 'contract')`;

/**
 * `needsParentalConsent` (packages/domain) over `pe.birthday`: today in the controller's time zone is
 * before the day the person comes of age. Born on 29 February: of age on 1 March in common years
 * (§187(2), §188(3) BGB), which is the day after 28 February + n years.
 */
export function minorSql(now: Date, ageOfConsent: number) {
  const years = sql`make_interval(years => ${ageOfConsent}::int)`;
  return sql<boolean>`(pe.birthday IS NOT NULL AND (${now}::timestamptz AT TIME ZONE ${controllerTimeZone})::date <
    CASE WHEN extract(month FROM pe.birthday) = 2 AND extract(day FROM pe.birthday) = 29
      THEN ((pe.birthday - 1) + ${years})::date + 1
      ELSE (pe.birthday + ${years})::date END)`;
}

/** The channel's own law (`channelLaw`) for a direct-marketing purpose, after the proof of consent. */
function channelLawSql(channel: Channel): RawBuilder<unknown> {
  switch (channel) {
    // UWG §7(2) no. 2, §7(3): consent, or the existing-customer exception with all its conditions.
    case "email":
    case "sms":
      return sql`WHEN r.legal_basis <> 'consent'
        AND NOT (${customerFromSaleSql} AND p.own_similar_goods AND r.told_right_to_object)
        THEN 'uwg_7_3_not_met'`;
    // UWG §7(2) no. 1: consumers only on express consent to calls; business on documented facts.
    case "phone":
      return sql`WHEN pe.party_type = 'consumer'
          AND (r.legal_basis <> 'consent' OR r.source NOT IN (${sql.join(expressPhoneSources)}))
          THEN 'phone_consent_not_express'
        WHEN pe.party_type <> 'consumer' AND NOT ${documentedSql} THEN 'presumed_consent_undocumented'`;
    // Recital 47 GDPR: post (and profiling) on legitimate interests until the person objects.
    case "post":
    case "profiling":
      return sql``;
  }
}

/**
 * `assessAdmissibility` (packages/domain) as one SQL expression over `person as pe`, `purpose as p`
 * and `processing_record as r` (LEFT JOINed on person and purpose, so possibly NULL): the reason the
 * domain would give, or 'admissible', in the domain's order of precedence. admissibility-sql.int.test.ts
 * proves both agree on every combination of the facts.
 */
export function admissibilitySql(now: Date, channel: Channel, ageOfConsent: number) {
  if (!allChannels.includes(channel)) throw new Error(`unknown channel ${channel}`);
  const ch = sql`${channel}::text`;
  const consentStateList = sql.join(consentStates as readonly ConsentState[]);
  return sql<AdmissibilityReasonSql>`(CASE
    WHEN pe.erased_level > 0 THEN 'erased'
    WHEN pe.restricted THEN 'restricted'
    WHEN p.direct_marketing AND ${ch} = ANY(pe.dm_objection_channels) THEN 'direct_marketing_objection'
    WHEN ${ch} = ANY(pe.mail_blocks) THEN 'mail_block'
    WHEN NOT (${ch} = ANY(p.channels)) THEN 'channel_not_covered'
    WHEN r.id IS NULL THEN 'no_record'
    WHEN (r.legal_basis = 'consent') <> (r.state IN (${consentStateList})) THEN 'state_not_allowed_for_basis'
    WHEN r.state = 'withdrawn' THEN 'consent_withdrawn'
    WHEN r.state = 'declined' THEN 'consent_declined'
    WHEN r.state = 'expired' THEN 'consent_expired'
    WHEN r.state = 'objected' THEN 'objected'
    WHEN r.state = 'ended' THEN 'contract_ended'
    WHEN p.direct_marketing AND cardinality(pe.dm_objection_channels) > 0
      AND CASE WHEN cardinality(p.channels) = 0
        THEN pe.dm_objection_channels @> ${sql.val([...allChannels])}::text[]
        ELSE p.channels <@ pe.dm_objection_channels END
      THEN 'direct_marketing_objection'
    WHEN NOT p.active THEN 'purpose_inactive'
    WHEN r.state = 'requested' THEN 'consent_requested'
    WHEN r.valid_until IS NOT NULL AND r.valid_until <= ${now}
      THEN CASE WHEN r.legal_basis = 'consent' THEN 'consent_expired' ELSE 'basis_expired' END
    WHEN r.legal_basis = 'consent' AND (r.purpose_version IS NULL OR r.purpose_version < p.min_valid_version)
      THEN 'outdated_text_version'
    WHEN r.legal_basis = 'consent' AND r.double_opt_in_required AND r.state <> 'confirmed'
      THEN 'double_opt_in_unconfirmed'
    WHEN r.legal_basis = 'consent' AND ${minorSql(now, ageOfConsent)} AND NOT ${parentalEvidenceSql}
      THEN 'minor_without_parental_consent'
    WHEN r.legal_basis = 'consent' AND NOT ${documentedSql} THEN 'consent_unproven'
    WHEN NOT p.direct_marketing THEN 'admissible'
    ${channelLawSql(channel)}
    ELSE 'admissible' END)`;
}

/** The stored facts of one person × purpose (× record), as read by `admissibilityFactsSql`. */
export interface AdmissibilityFactsRow {
  erased: boolean;
  restricted: boolean;
  mailBlocks: Channel[];
  objectedChannels: Channel[];
  partyType: PartyType;
  birthday: string | null;
  customerFromSale: boolean;
  purposeChannels: Channel[];
  purposeActive: boolean;
  purposeMinValidVersion: number;
  directMarketing: boolean;
  ownSimilarGoods: boolean;
  recordId: string | null;
  legalBasis: LegalBasis | null;
  state: RecordState | null;
  doubleOptInRequired: boolean | null;
  validUntil: Date | null;
  purposeVersion: number | null;
  source: RecordSource | null;
  documented: boolean;
  parentalEvidence: boolean;
  toldRightToObject: boolean | null;
}

/** Selects an `AdmissibilityFactsRow` over the same aliases `pe`, `p`, `r` (r possibly NULL). */
export function admissibilityFactsSql() {
  return sql<AdmissibilityFactsRow>`json_build_object(
    'erased', pe.erased_level > 0, 'restricted', pe.restricted, 'mailBlocks', pe.mail_blocks,
    'objectedChannels', pe.dm_objection_channels, 'partyType', pe.party_type,
    'birthday', to_char(pe.birthday, 'YYYY-MM-DD'), 'customerFromSale', ${customerFromSaleSql},
    'purposeChannels', p.channels, 'purposeActive', p.active, 'purposeMinValidVersion', p.min_valid_version,
    'directMarketing', p.direct_marketing, 'ownSimilarGoods', p.own_similar_goods,
    'recordId', r.id, 'legalBasis', r.legal_basis, 'state', r.state,
    'doubleOptInRequired', r.double_opt_in_required, 'validUntil', r.valid_until,
    'purposeVersion', r.purpose_version, 'source', r.source,
    'documented', ${documentedSql}, 'parentalEvidence', ${parentalEvidenceSql},
    'toldRightToObject', r.told_right_to_object)`;
}

/**
 * The domain's input from a facts row: the same stored facts the SQL reads, so the proof test compares
 * the rule, not two readings of the data. The minor is decided by the domain's `needsParentalConsent`.
 */
export function admissibilityInputFromRow(
  row: AdmissibilityFactsRow,
  channel: Channel,
  now: Date,
  ageOfConsent: number,
): AdmissibilityInput {
  const record =
    row.recordId === null || row.legalBasis === null || row.state === null || row.source === null
      ? null
      : {
          legalBasis: row.legalBasis,
          state: row.state,
          doubleOptIn: row.doubleOptInRequired ?? false,
          validUntil: row.validUntil === null ? null : new Date(row.validUntil),
          purposeVersion: row.purposeVersion,
          purposeMinValidVersion: row.purposeMinValidVersion,
          purposeActive: row.purposeActive,
          directMarketing: row.directMarketing,
          purposeChannels: row.purposeChannels,
          objectedChannels: row.objectedChannels,
          proof: {
            source: row.source,
            documented: row.documented,
            minorWithoutParentalConsent:
              needsParentalConsent(row.birthday, now, ageOfConsent, controllerTimeZone) &&
              !row.parentalEvidence,
            toldOfRightToObject: row.toldRightToObject ?? false,
          },
        };
  return {
    erased: row.erased,
    restricted: row.restricted,
    mailBlocks: row.mailBlocks,
    objectedChannels: row.objectedChannels,
    partyType: row.partyType,
    customerFromSale: row.customerFromSale,
    record,
    purposeChannels: row.purposeChannels,
    directMarketing: row.directMarketing,
    ownSimilarGoods: row.ownSimilarGoods,
    channel,
  };
}
