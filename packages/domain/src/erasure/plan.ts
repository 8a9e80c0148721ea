import {
  calendarDateAt,
  compareCalendarDates,
  defaultTimeZone,
  parseCalendarDate,
} from "../calendar-date.ts";
import { channels } from "../channels.ts";
import type { ErasureLevel } from "./levels.ts";

export interface ErasureCounts {
  processingRecords: number;
  /** records in a live state (requested, granted, confirmed, active) */
  activeRecords: number;
  /** how many of activeRecords are consents; when omitted, all are treated as consents */
  activeConsentRecords?: number;
  emails: number;
  phones: number;
  addresses: number;
  bankAccounts: number;
  activities: number;
  documents: number;
  relationships: number;
  outboxMessages: number;
  micrositeLinks: number;
}

export interface LegalHold {
  reason: string;
  /** YYYY-MM-DD; the hold blocks while today < until */
  until: string;
}

export interface ErasureFacts {
  counts: ErasureCounts;
  legalHolds: LegalHold[];
  alreadyErasedLevel: 0 | 1 | 2 | 3;
}

/** Table names as the Kysely schema of packages/db spells them. */
export type ErasureTable =
  | "processingRecord"
  | "person"
  | "personEmail"
  | "personPhone"
  | "personAddress"
  | "bankAccount"
  | "activity"
  | "document"
  | "relationship"
  | "outboxMessage"
  | "micrositeLink"
  | "suppressionEntry"
  | "personKey";

export type ErasureAction =
  | "withdraw"
  | "end"
  | "set_mail_blocks"
  | "delete"
  | "anonymize"
  | "suppress"
  | "shred_key";

export interface ErasureStep {
  table: ErasureTable;
  action: ErasureAction;
  count: number;
}

export interface ErasurePlan {
  level: ErasureLevel;
  blocked: null | { code: "legal_hold"; reasons: string[]; holds: LegalHold[] };
  steps: ErasureStep[];
  alreadyDone: boolean;
}

function stepsFor(level: ErasureLevel, counts: ErasureCounts): ErasureStep[] {
  const consents = Math.min(counts.activeConsentRecords ?? counts.activeRecords, counts.activeRecords);
  const steps: ErasureStep[] = [
    // Art. 7(3) GDPR: consents are withdrawn, so they stop covering processing from now on.
    { table: "processingRecord", action: "withdraw", count: consents },
    { table: "processingRecord", action: "end", count: counts.activeRecords - consents },
    // Art. 21(3) GDPR: the person is blocked for direct marketing on every channel.
    { table: "person", action: "set_mail_blocks", count: channels.length },
  ];
  if (level >= 3) {
    // Art. 17(1) GDPR: a keyed hash is all that remains, so a re-import can be recognised without the address.
    steps.push({ table: "suppressionEntry", action: "suppress", count: counts.emails });
  }
  if (level >= 2) {
    // Level 2 keeps the primary address so the person can still be told about the erasure (Art. 19).
    const emailsToDelete = level >= 3 ? counts.emails : Math.max(counts.emails - 1, 0);
    steps.push(
      { table: "personEmail", action: "delete", count: emailsToDelete },
      { table: "personPhone", action: "delete", count: counts.phones },
      { table: "personAddress", action: "delete", count: counts.addresses },
    );
  }
  if (level >= 3) {
    // Art. 17(1) GDPR: every personal datum reachable for the person is deleted or anonymized.
    steps.push(
      { table: "bankAccount", action: "delete", count: counts.bankAccounts },
      { table: "activity", action: "anonymize", count: counts.activities },
      { table: "document", action: "delete", count: counts.documents },
      { table: "relationship", action: "delete", count: counts.relationships },
      { table: "outboxMessage", action: "delete", count: counts.outboxMessages },
      { table: "micrositeLink", action: "delete", count: counts.micrositeLinks },
      { table: "processingRecord", action: "anonymize", count: counts.processingRecords },
      { table: "person", action: "anonymize", count: 1 },
      // Art. 32 GDPR: deleting the person's key makes their values in the append-only audit log unreadable.
      { table: "personKey", action: "shred_key", count: 1 },
    );
  }
  return steps.filter((step) => step.count > 0);
}

/**
 * What erasure at `level` will change, for the preview and for the run. Levels are cumulative, and the
 * counts are the person's current data, so re-planning after a partial run is safe.
 */
export function planErasure(
  level: ErasureLevel,
  facts: ErasureFacts,
  now: Date,
  opts: { timeZone?: string } = {},
): ErasurePlan {
  if (level <= facts.alreadyErasedLevel) return { level, blocked: null, steps: [], alreadyDone: true };

  if (level === 3) {
    const today = calendarDateAt(now, opts.timeZone ?? defaultTimeZone);
    // Art. 17(3)(b),(e) GDPR: retention duties (HGB §257, AO §147) and legal claims override erasure.
    const holds = facts.legalHolds.filter(
      (hold) => compareCalendarDates(parseCalendarDate(hold.until), today) > 0,
    );
    if (holds.length > 0) {
      return {
        level,
        blocked: { code: "legal_hold", reasons: holds.map((hold) => hold.reason), holds },
        steps: [],
        alreadyDone: false,
      };
    }
  }
  return { level, blocked: null, steps: stepsFor(level, facts.counts), alreadyDone: false };
}
