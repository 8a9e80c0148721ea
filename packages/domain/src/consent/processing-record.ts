import type { Channel } from "../channels.ts";
import type { LegalBasis } from "../legal-basis.ts";
import { objectionCoversPurpose } from "./direct-marketing.ts";

export const consentStates = [
  "requested",
  "granted",
  "confirmed",
  "withdrawn",
  "declined",
  "expired",
] as const;
export type ConsentState = (typeof consentStates)[number];
export const otherBasisStates = ["active", "ended", "objected"] as const;
export type OtherBasisState = (typeof otherBasisStates)[number];
export const recordStates = [...consentStates, ...otherBasisStates] as const;
export type RecordState = (typeof recordStates)[number];

// Art. 7(1) GDPR: how a consent was obtained is part of the proof the controller must be able to give.
export const recordSources = [
  "manual",
  "microsite",
  "signature",
  "email",
  "phone",
  "fax",
  "letter",
  "in_person",
  "import",
  "api",
] as const;
export type RecordSource = (typeof recordSources)[number];

/**
 * How a consent is proven (Art. 7(1) GDPR): a stored document, a mail, a signature, the microsite's
 * own trail, a note, or parental consent naming its holder (Art. 8(1)). consent_evidence.kind.
 */
export const evidenceKinds = [
  "document",
  "email",
  "signature",
  "microsite",
  "note",
  "parental_consent",
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/**
 * Sources staff may record by hand. Art. 7(1) GDPR: the proof must say how consent was given, so
 * `microsite`, `signature` and `api` are written only by their own paths (which keep their own
 * evidence), never claimed from a form.
 */
export const staffRecordSources = ["phone", "fax", "letter", "email", "in_person", "import"] as const;
export type StaffRecordSource = (typeof staffRecordSources)[number];

export function isStaffRecordSource(source: string): source is StaffRecordSource {
  return (staffRecordSources as readonly string[]).includes(source);
}

export interface RecordFacts {
  legalBasis: LegalBasis;
  state: RecordState;
  /**
   * Double opt-in was required when this consent was granted (kept on the record: switching the
   * purpose's flag later changes nothing for existing grants).
   */
  doubleOptIn: boolean;
  validUntil: Date | null;
  /** version of the text the person saw (consent) */
  purposeVersion: number | null;
  /** versions below this were superseded by a material change */
  purposeMinValidVersion: number;
  purposeActive: boolean;
  /** the purpose is direct marketing (Art. 21(2)) */
  directMarketing: boolean;
  purposeChannels: readonly Channel[];
  /** channels on which the person objected to direct marketing (Art. 21(2),(3)) */
  objectedChannels: readonly Channel[];
}

export type RecordValidityReason =
  | "valid"
  | "consent_requested"
  | "consent_declined"
  | "consent_withdrawn"
  | "consent_expired"
  | "double_opt_in_unconfirmed"
  | "outdated_text_version"
  | "contract_ended"
  | "objected"
  | "direct_marketing_objection"
  | "basis_expired"
  | "purpose_inactive"
  | "state_not_allowed_for_basis";

export interface RecordAssessment {
  valid: boolean;
  reason: RecordValidityReason;
}

export function isConsentState(state: string): state is ConsentState {
  return (consentStates as readonly string[]).includes(state);
}

export function isRecordState(state: string): state is RecordState {
  return (recordStates as readonly string[]).includes(state);
}

export function isRecordSource(source: string): source is RecordSource {
  return (recordSources as readonly string[]).includes(source);
}

const invalid = (reason: RecordValidityReason): RecordAssessment => ({ valid: false, reason });

/**
 * Whether a record is a lawful basis right now. When several reasons apply, the one reported is the
 * most lasting, in this order:
 *   1. state_not_allowed_for_basis — the data is inconsistent, nothing else can be trusted;
 *   2. the person's or the contract's final word (withdrawn, declined, objected, ended, expired state) —
 *      it stays true even if the purpose is reactivated or the text changes; then the person's
 *      objection to direct marketing, which closes a direct-marketing purpose whatever its basis;
 *   3. purpose_inactive — the controller stopped the purpose for everyone;
 *   4. consent_requested — no answer yet, so time and version do not matter;
 *   5. validUntil reached (consent_expired / basis_expired);
 *   6. outdated_text_version — needs a fresh consent to the new text;
 *   7. double_opt_in_unconfirmed — only the confirmation click is missing.
 */
export function assessRecord(record: RecordFacts, now: Date): RecordAssessment {
  const isConsent = record.legalBasis === "consent";
  if (isConsent !== isConsentState(record.state)) return invalid("state_not_allowed_for_basis");

  switch (record.state) {
    // Art. 7(3) GDPR: a withdrawn consent no longer covers any processing from then on.
    case "withdrawn":
      return invalid("consent_withdrawn");
    case "declined":
      return invalid("consent_declined");
    case "expired":
      return invalid("consent_expired");
    // Art. 21(1) GDPR: after an objection the processing stops (Art. 21(3): always for direct marketing).
    case "objected":
      return invalid("objected");
    // Art. 6(1)(b) GDPR: once the contract is over it no longer justifies the processing.
    case "ended":
      return invalid("contract_ended");
    default:
      break;
  }
  // Art. 21(2),(3) GDPR: after an objection to direct marketing the data may no longer be processed for
  // it, whatever the basis (consent, legitimate interests, even a contract purpose used for advertising).
  if (record.directMarketing && objectionCoversPurpose(record.objectedChannels, record.purposeChannels)) {
    return invalid("direct_marketing_objection");
  }

  // Art. 5(1)(b) GDPR: a purpose the controller no longer pursues justifies no processing.
  if (!record.purposeActive) return invalid("purpose_inactive");
  if (record.state === "requested") return invalid("consent_requested");

  const pastValidUntil = record.validUntil !== null && record.validUntil.getTime() <= now.getTime();
  if (!isConsent) return pastValidUntil ? invalid("basis_expired") : { valid: true, reason: "valid" };
  if (pastValidUntil) return invalid("consent_expired");

  // Art. 7(1) GDPR: consent must be demonstrable for the text actually shown; an unknown or superseded
  // version cannot be (Art. 4(11): consent must be informed about the current purpose).
  if (record.purposeVersion === null || record.purposeVersion < record.purposeMinValidVersion) {
    return invalid("outdated_text_version");
  }
  // BGH I ZR 164/09: where double opt-in is required, only the confirmed consent is proof for e-mail.
  if (record.doubleOptIn && record.state !== "confirmed") return invalid("double_opt_in_unconfirmed");
  return { valid: true, reason: "valid" };
}
