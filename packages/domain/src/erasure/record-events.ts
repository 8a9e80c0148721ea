import type { RecordState } from "../consent/processing-record.ts";
import { allowedRecordEvents, type RecordEvent } from "../consent/record-transitions.ts";
import type { LegalBasis } from "../legal-basis.ts";
import type { ErasureLevel } from "./levels.ts";

/** The facts of one processing record that decide what an erasure does to it. */
export interface ErasureRecordFacts {
  legalBasis: LegalBasis;
  state: RecordState;
  /** the record's purpose is direct marketing (Art. 21(2)) */
  directMarketing: boolean;
}

export type ErasureRecordEvent = Extract<RecordEvent, "withdraw" | "object" | "end">;

/**
 * The record event an erasure at `level` applies to one record, or null when the record stays as it
 * is. The plan's counts (`liveConsents`, `liveDirectMarketing`, `liveOther`) are these events.
 */
export function erasureRecordEvent(
  record: ErasureRecordFacts,
  level: ErasureLevel,
): ErasureRecordEvent | null {
  const allowed = allowedRecordEvents(record.state, record.legalBasis);
  // Art. 7(3) GDPR: every live consent is withdrawn.
  if (allowed.includes("withdraw")) return "withdraw";
  // Art. 21(2),(3) GDPR: direct marketing on legitimate interests stops at the objection.
  if (record.legalBasis === "legitimate_interests" && record.directMarketing && allowed.includes("object"))
    return "object";
  // Art. 17(1), 17(3)(b) GDPR: a running contract or duty survives levels 1–2; level 3 ends every basis.
  if (level >= 3 && allowed.includes("end")) return "end";
  return null;
}
