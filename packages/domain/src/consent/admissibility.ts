import type { Channel } from "../channels.ts";
import { type ChannelLawReason, type ConsentProof, channelLaw, type PartyType } from "./channel-law.ts";
import { objectionCoversChannel } from "./direct-marketing.ts";
import { assessRecord, type RecordFacts, type RecordValidityReason } from "./processing-record.ts";

export type AdmissibilityReason =
  | "admissible"
  | "no_record"
  | "channel_not_covered"
  | "mail_block"
  | "restricted"
  | "erased"
  | RecordValidityReason
  | ChannelLawReason;

/** Facts about the person that hold for every purpose. */
export interface PersonContactFacts {
  mailBlocks: readonly Channel[];
  /** channels on which the person objected to direct marketing (Art. 21(2),(3)) */
  objectedChannels: readonly Channel[];
  restricted: boolean;
  erased: boolean;
}

export interface AdmissibilityInput extends PersonContactFacts {
  /** UWG §7(2): consumers and business contacts are treated differently on the phone */
  partyType: PartyType;
  /** UWG §7(3) no. 1: the address was obtained from the person in connection with a sale */
  customerFromSale: boolean;
  /** the record, with how its consent (or documented basis) can be proven */
  record: (RecordFacts & { proof: ConsentProof }) | null;
  purposeChannels: readonly Channel[];
  /** the purpose is direct marketing (Art. 21(2)) */
  directMarketing: boolean;
  /** UWG §7(3) no. 2: the purpose advertises the controller's own similar goods or services */
  ownSimilarGoods: boolean;
  channel: Channel;
}

export interface AdmissibilityResult {
  admissible: boolean;
  reason: Exclude<AdmissibilityReason, "valid">;
}

const no = <R extends AdmissibilityResult["reason"]>(reason: R) => ({ admissible: false, reason }) as const;

/** Reasons that hold for the person on every purpose (or every direct-marketing one). */
export type PersonBlockReason = "erased" | "restricted" | "direct_marketing_objection" | "mail_block";

/** A verdict on a mail to the person as such (not for one purpose). */
export type PersonMailVerdict =
  | { admissible: true; reason: "admissible" }
  | { admissible: false; reason: PersonBlockReason };

/** Person-wide reasons that close a channel for every purpose (or every direct-marketing one). */
function personBlock(
  person: PersonContactFacts,
  channel: Channel,
  directMarketing: boolean,
): { admissible: false; reason: PersonBlockReason } | null {
  // Art. 17(1) GDPR: an erased person must not be processed at all.
  if (person.erased) return no("erased");
  // Art. 18(2) GDPR: restricted data may only be stored, not used, without consent or legal claims.
  if (person.restricted) return no("restricted");
  // Art. 21(2),(3) GDPR: after an objection to direct marketing the channel is closed for advertising.
  if (directMarketing && objectionCoversChannel(person.objectedChannels, channel))
    return no("direct_marketing_objection");
  // The person asked not to be contacted on this channel at all (a finer tool than the objection).
  if (person.mailBlocks.includes(channel)) return no("mail_block");
  return null;
}

/**
 * May this person be contacted for this purpose on this channel? The one rule that decides it.
 * Person-wide blocks come first (they hold for every purpose), then the purpose's channels, then the
 * record's validity (retired purpose, withdrawal, validity ended, outdated text, unconfirmed double
 * opt-in …), then the channel's own law (`channelLaw`: UWG §7 for e-mail, SMS and phone, Recital 47
 * for post, Art. 7(1) and 8(1) GDPR for the proof of consent).
 */
export function assessAdmissibility(input: AdmissibilityInput, now: Date): AdmissibilityResult {
  const blocked = personBlock(input, input.channel, input.directMarketing);
  if (blocked) return blocked;
  // Art. 5(1)(b) GDPR: a purpose covers only the channels named for it.
  if (!input.purposeChannels.includes(input.channel)) return no("channel_not_covered");
  // Art. 6(1) GDPR: no recorded basis, no processing.
  if (input.record === null) return no("no_record");
  const { reason } = assessRecord(input.record, now);
  if (reason !== "valid") return no(reason);
  const law = channelLaw({
    channel: input.channel,
    partyType: input.partyType,
    customerFromSale: input.customerFromSale,
    directMarketing: input.directMarketing,
    ownSimilarGoods: input.ownSimilarGoods,
    legalBasis: input.record.legalBasis,
    proof: input.record.proof,
  });
  return law ? no(law) : { admissible: true, reason: "admissible" };
}

/**
 * May a consent request be e-mailed to this person? Asking for consent by e-mail is itself advertising
 * (OLG Celle 13 U 15/14; BGH VI ZR 225/17), so every person-wide block of the e-mail channel for direct
 * marketing applies: erasure, restriction, the objection to direct marketing by e-mail, an e-mail block.
 */
export function assessConsentRequestMail(person: PersonContactFacts): PersonMailVerdict {
  return personBlock(person, "email", true) ?? { admissible: true, reason: "admissible" };
}

/**
 * May a consent request go out by letter? Advertising by post rests on legitimate interests (Recital 47
 * GDPR) until the person objects (Art. 21(2),(3)): erasure, restriction, the objection by post and a
 * post block stop it.
 */
export function assessConsentRequestLetter(person: PersonContactFacts): PersonMailVerdict {
  return personBlock(person, "post", true) ?? { admissible: true, reason: "admissible" };
}

/**
 * May a mail that is not advertising (a receipt of the person's own choice, the double-opt-in
 * confirmation they asked for) be sent? Only erasure (Art. 17) and restriction (Art. 18(2)) stop it;
 * an objection to direct marketing does not (Art. 21(3) concerns advertising only).
 */
export function assessTransactionalMail(person: PersonContactFacts): PersonMailVerdict {
  if (person.erased) return no("erased");
  if (person.restricted) return no("restricted");
  return { admissible: true, reason: "admissible" };
}

/** States in which the person said no to a purpose: asking again must be an explicit choice. */
export const refusedStates = ["declined", "withdrawn", "objected"] as const;

export function isRefusal(state: string | null): boolean {
  return state !== null && (refusedStates as readonly string[]).includes(state);
}
