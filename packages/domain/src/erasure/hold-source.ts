import {
  consentEvidenceRetention,
  type HoldKey,
  isRetentionDutyKey,
  phoneConsentEvidenceRetention,
  retentionDuty,
} from "./retention.ts";

/**
 * The law behind a hold, language-neutral, from its key alone (an erasure stores the key and end of
 * each held item, not the text): HGB §257, AO §147 for the retention duties; §§195, 199(1) BGB for
 * the proof of a consent; §7a UWG for the proof of a consent to phone advertising.
 */
export function holdSource(key: HoldKey): string {
  if (isRetentionDutyKey(key)) return retentionDuty(key).source;
  return key === "phone_consent_evidence"
    ? phoneConsentEvidenceRetention.source
    : consentEvidenceRetention.source;
}
