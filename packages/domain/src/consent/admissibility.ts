import type { Channel } from "../channels.ts";
import { assessRecord, type RecordFacts, type RecordValidityReason } from "./processing-record.ts";

export type AdmissibilityReason =
  | "admissible"
  | "no_record"
  | "channel_not_covered"
  | "mail_block"
  | "restricted"
  | "erased"
  | RecordValidityReason;

export interface AdmissibilityInput {
  record: RecordFacts | null;
  purposeChannels: readonly Channel[];
  channel: Channel;
  mailBlocks: readonly Channel[];
  restricted: boolean;
  erased: boolean;
}

export interface AdmissibilityResult {
  admissible: boolean;
  reason: Exclude<AdmissibilityReason, "valid">;
}

/**
 * May this person be contacted for this purpose on this channel? Person-wide blocks come first
 * (they hold for every purpose), then the purpose's channels, then the record itself.
 */
export function assessAdmissibility(input: AdmissibilityInput, now: Date): AdmissibilityResult {
  // Art. 17(1) GDPR: an erased person must not be processed at all.
  if (input.erased) return { admissible: false, reason: "erased" };
  // Art. 18(2) GDPR: restricted data may only be stored, not used, without consent or legal claims.
  if (input.restricted) return { admissible: false, reason: "restricted" };
  // Art. 21(3) GDPR: after an objection to direct marketing the channel is closed for every purpose.
  if (input.mailBlocks.includes(input.channel)) return { admissible: false, reason: "mail_block" };
  // Art. 5(1)(b) GDPR: a purpose covers only the channels named for it.
  if (!input.purposeChannels.includes(input.channel))
    return { admissible: false, reason: "channel_not_covered" };
  // Art. 6(1) GDPR: no recorded basis, no processing.
  if (input.record === null) return { admissible: false, reason: "no_record" };
  const { reason } = assessRecord(input.record, now);
  if (reason !== "valid") return { admissible: false, reason };
  return { admissible: true, reason: "admissible" };
}
