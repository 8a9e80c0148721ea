import { assessRecord, type RecordFacts, type RecordValidityReason } from "./processing-record.ts";

export type TrafficLight = "green" | "yellow" | "red";
export type TrafficLightReason = "all_valid" | "some_valid" | "none_valid" | "no_purpose";

export interface PurposeAssessment {
  purposeId: string;
  valid: boolean;
  reason: RecordValidityReason;
  /** the controller still pursues the purpose; retired purposes do not colour the light */
  purposeActive: boolean;
}

export type PurposeRecordFacts = RecordFacts & { purposeId: string };

export interface TrafficLightResult {
  light: TrafficLight;
  assessments: PurposeAssessment[];
  reason: TrafficLightReason;
}

/**
 * One assessment per purpose, in order of first appearance. Should a purpose carry several records
 * (e.g. a consent and a contract), any valid one makes the purpose valid.
 */
function assessPurposes(records: readonly PurposeRecordFacts[], now: Date): PurposeAssessment[] {
  const byPurpose = new Map<string, PurposeAssessment>();
  for (const record of records) {
    const { valid, reason } = assessRecord(record, now);
    const previous = byPurpose.get(record.purposeId);
    if (!previous || (valid && !previous.valid)) {
      byPurpose.set(record.purposeId, {
        purposeId: record.purposeId,
        valid,
        reason,
        purposeActive: record.purposeActive,
      });
    }
  }
  return [...byPurpose.values()];
}

/**
 * Purposes the controller has deactivated are listed in `assessments` but do not colour the light,
 * whatever the state of their record (a withdrawn consent or an ended contract of a retired purpose
 * counts as little as a valid one): otherwise one retired purpose would leave every person yellow or
 * red forever.
 */
export function trafficLight(records: readonly PurposeRecordFacts[], now: Date): TrafficLightResult {
  const assessments = assessPurposes(records, now);
  const counted = assessments.filter((a) => a.purposeActive);
  // Art. 5(1)(c),(e) and Art. 25(2) GDPR: without any purpose there is no reason to store the person.
  if (counted.length === 0) return { light: "red", assessments, reason: "no_purpose" };
  const validCount = counted.filter((a) => a.valid).length;
  if (validCount === counted.length) return { light: "green", assessments, reason: "all_valid" };
  if (validCount > 0) return { light: "yellow", assessments, reason: "some_valid" };
  return { light: "red", assessments, reason: "none_valid" };
}

/**
 * When the light may change without any write: the earliest future validUntil of a record that is
 * valid now. Invalid records never become valid by time alone, so they are not considered.
 */
export function nextLightChangeAt(records: readonly PurposeRecordFacts[], now: Date): Date | null {
  let earliest: Date | null = null;
  for (const record of records) {
    const until = record.validUntil;
    if (until === null || until.getTime() <= now.getTime()) continue;
    if (!assessRecord(record, now).valid) continue;
    if (earliest === null || until.getTime() < earliest.getTime()) earliest = until;
  }
  return earliest;
}
