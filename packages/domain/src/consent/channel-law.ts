import type { Channel } from "../channels.ts";
import type { LegalBasis } from "../legal-basis.ts";
import type { RecordSource } from "./processing-record.ts";

/** UWG §7(2): a consumer (§13 BGB) or a business contact (§14 BGB). */
export const partyTypes = ["consumer", "business"] as const;
export type PartyType = (typeof partyTypes)[number];

/** How a consent (or the documented basis of a presumed consent) can be proven. */
export interface ConsentProof {
  /** how the consent reached the controller */
  source: RecordSource;
  /** evidence is on file: a document, a checked-in e-mail, a signature, the microsite's record, a note */
  documented: boolean;
  /** Art. 8(1) GDPR: the person was below the age of consent and no parental consent is on file */
  minorWithoutParentalConsent: boolean;
  /** UWG §7(3) no. 4: the person was told of the right to object when the address was collected */
  toldOfRightToObject: boolean;
}

export type ChannelLawReason =
  | "consent_unproven"
  | "minor_without_parental_consent"
  | "uwg_7_3_not_met"
  | "phone_consent_not_express"
  | "presumed_consent_undocumented";

export interface ChannelLawInput {
  channel: Channel;
  partyType: PartyType;
  customerFromSale: boolean;
  directMarketing: boolean;
  ownSimilarGoods: boolean;
  /** the basis of a record that is valid (assessRecord) */
  legalBasis: LegalBasis;
  proof: ConsentProof;
}

/** Sources that record an express consent given for the phone itself (not a mail's double opt-in). */
const expressPhoneSources: readonly RecordSource[] = ["phone", "letter", "fax", "in_person", "signature"];

/**
 * The channel's own law for a record that is valid; null when it allows the contact.
 * Order: the proof of consent (Art. 7(1), 8(1)) first, then the channel.
 */
export function channelLaw(input: ChannelLawInput): ChannelLawReason | null {
  const { proof } = input;
  if (input.legalBasis === "consent") {
    // Art. 8(1) GDPR: a minor's consent counts only with the holder of parental responsibility's.
    if (proof.minorWithoutParentalConsent) return "minor_without_parental_consent";
    // Art. 7(1) GDPR, UWG §7a: the controller must be able to demonstrate the consent.
    if (!proof.documented) return "consent_unproven";
  }
  // Mails about a contract, a legal duty or a breach are not advertising: the channel law of UWG §7
  // concerns advertising only.
  if (!input.directMarketing) return null;
  switch (input.channel) {
    case "email":
    case "sms":
      return electronicMail(input);
    case "phone":
      return phone(input);
    // Recital 47 GDPR: direct marketing by post may rest on legitimate interests until the person
    // objects (Art. 21(2), checked before this rule).
    case "post":
    case "profiling":
      return null;
  }
}

/**
 * UWG §7(2) no. 2: advertising by e-mail or SMS needs prior express consent, except under §7(3):
 * (1) the address was obtained in connection with a sale, (2) for the controller's own similar
 * goods, (3) the customer has not objected (checked before), (4) the customer was told of the right
 * to object at collection (and is told in every mail: the templates carry it).
 */
function electronicMail(input: ChannelLawInput): ChannelLawReason | null {
  if (input.legalBasis === "consent") return null;
  const exception = input.customerFromSale && input.ownSimilarGoods && input.proof.toldOfRightToObject;
  return exception ? null : "uwg_7_3_not_met";
}

/**
 * UWG §7(2) no. 1: a consumer may be called for advertising only with prior express consent,
 * documented (§7a); a double opt-in by e-mail does not prove consent to calls (BGH I ZR 164/09).
 * A business contact may be called on at least presumed consent, which must rest on documented facts.
 */
function phone(input: ChannelLawInput): ChannelLawReason | null {
  if (input.partyType === "consumer") {
    if (input.legalBasis !== "consent" || !expressPhoneSources.includes(input.proof.source))
      return "phone_consent_not_express";
    return null;
  }
  return input.proof.documented ? null : "presumed_consent_undocumented";
}
