import { channels } from "../channels.ts";
import type { LegalBasis } from "../legal-basis.ts";
import type { ErasureLevel } from "./levels.ts";
import { holdApplies, type LegalHold } from "./retention.ts";

/** Why a person is erased; the audit trail and the erasure result record it. */
export const erasureReasons = ["request", "retention_expiry", "objection", "other"] as const;
export type ErasureReason = (typeof erasureReasons)[number];

export function isErasureReason(value: string): value is ErasureReason {
  return (erasureReasons as readonly string[]).includes(value);
}

export interface ErasureCounts {
  processingRecords: number;
  /** consent records in a live state (requested, granted, confirmed) */
  liveConsents: number;
  /** live legitimate-interest records of direct-marketing purposes */
  liveDirectMarketing: number;
  /** the other live records (contract, legal obligation, …) by basis */
  liveOther: Partial<Record<LegalBasis, number>>;
  /** every e-mail address, the primary one included */
  emails: number;
  hasPrimaryEmail: boolean;
  phones: number;
  addresses: number;
  bankAccounts: number;
  activities: number;
  documents: number;
  relationships: number;
  outboxMessages: number;
  micrositeLinks: number;
  listMemberships: number;
  consentEvidence: number;
}

/** An item that may have to outlive the erasure, with the hold that would keep it. */
export interface HoldCandidate {
  table: "document" | "bankAccount" | "consentEvidence";
  id: string;
  hold: LegalHold;
}

export interface ErasureFacts {
  counts: ErasureCounts;
  /** documents and bank accounts with a retention class, and consent evidence with its proof period */
  holds: readonly HoldCandidate[];
  alreadyErasedLevel: 0 | ErasureLevel;
  /** Art. 19 GDPR: who received the person's data (the recipients of their purposes) */
  recipients: readonly string[];
}

/** Table names as the Kysely schema of packages/db spells them. */
export type ErasureTable =
  | "processingRecord"
  | "consentEvidence"
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
  | "marketingListMember"
  | "suppressionEntry"
  | "personKey";

export type ErasureAction =
  | "withdraw"
  | "object"
  | "end"
  | "object_direct_marketing"
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
  /** the person is already erased at this level or higher: nothing to do */
  alreadyDone: boolean;
  steps: ErasureStep[];
  /** levels 1–2: records that stay, because a running contract or a duty does not end on request */
  kept: Array<{ legalBasis: LegalBasis; count: number }>;
  /** level 3: items kept restricted (Art. 18) until their hold ends, then deleted */
  held: HoldCandidate[];
  /** Art. 19 GDPR: recipients to be told of the erasure */
  recipients: string[];
}

const heldCount = (held: readonly HoldCandidate[], table: HoldCandidate["table"]) =>
  held.filter((item) => item.table === table).length;

function stepsFor(level: ErasureLevel, counts: ErasureCounts, held: readonly HoldCandidate[]): ErasureStep[] {
  const liveOther = Object.values(counts.liveOther).reduce((sum, n) => sum + (n ?? 0), 0);
  const steps: ErasureStep[] = [
    // Art. 7(3) GDPR: consents are withdrawn, so they stop covering processing from now on.
    { table: "processingRecord", action: "withdraw", count: counts.liveConsents },
    // Art. 21(2),(3) GDPR: direct marketing on legitimate interests stops at the objection.
    { table: "processingRecord", action: "object", count: counts.liveDirectMarketing },
    { table: "person", action: "object_direct_marketing", count: 1 },
    // Art. 21(3) GDPR, §7 UWG: no advertising on any channel.
    { table: "person", action: "set_mail_blocks", count: channels.length },
  ];
  if (level >= 3) {
    // Art. 17(1) GDPR: every basis ends with the person; what a duty requires is held below.
    steps.push({ table: "processingRecord", action: "end", count: liveOther });
    // Art. 17(1) GDPR: a keyed hash is all that remains, so a re-import can be recognised without the address.
    steps.push({ table: "suppressionEntry", action: "suppress", count: counts.emails });
  }
  if (level >= 2) {
    // Level 2 keeps the primary address so the person can still be told about the erasure (Art. 19).
    const keepPrimary = level < 3 && counts.hasPrimaryEmail ? 1 : 0;
    steps.push(
      { table: "personEmail", action: "delete", count: Math.max(counts.emails - keepPrimary, 0) },
      { table: "personPhone", action: "delete", count: counts.phones },
      { table: "personAddress", action: "delete", count: counts.addresses },
    );
  }
  if (level >= 3) {
    // Art. 17(1) GDPR: every personal datum reachable for the person is deleted or anonymized, except
    // what a hold keeps (Art. 17(3)(b),(e)), which is restricted instead (Art. 18, §35(3) BDSG).
    steps.push(
      { table: "bankAccount", action: "delete", count: counts.bankAccounts - heldCount(held, "bankAccount") },
      { table: "activity", action: "anonymize", count: counts.activities },
      { table: "document", action: "delete", count: counts.documents - heldCount(held, "document") },
      { table: "relationship", action: "delete", count: counts.relationships },
      { table: "outboxMessage", action: "delete", count: counts.outboxMessages },
      { table: "micrositeLink", action: "delete", count: counts.micrositeLinks },
      { table: "marketingListMember", action: "delete", count: counts.listMemberships },
      {
        table: "consentEvidence",
        action: "delete",
        count: counts.consentEvidence - heldCount(held, "consentEvidence"),
      },
      { table: "processingRecord", action: "anonymize", count: counts.processingRecords },
      { table: "person", action: "anonymize", count: 1 },
      // Art. 32 GDPR: deleting the person's key makes their values in the append-only audit log unreadable.
      { table: "personKey", action: "shred_key", count: 1 },
    );
  }
  return steps.filter((step) => step.count > 0);
}

/**
 * What erasure at `level` (YYYY-MM-DD `today` in the controller's time zone) will change, for the
 * preview and for the run. Levels are cumulative, and the counts are the person's current data, so
 * re-planning after a partial run is safe. A legal hold never blocks the erasure: level 3 erases
 * everything else and keeps the held items restricted until their hold ends (Art. 17(3)(b),(e), 18).
 */
export function planErasure(level: ErasureLevel, facts: ErasureFacts, today: string): ErasurePlan {
  const recipients = [...new Set(facts.recipients)].sort((a, b) => a.localeCompare(b));
  if (level <= facts.alreadyErasedLevel) {
    return { level, alreadyDone: true, steps: [], kept: [], held: [], recipients };
  }
  const held = level >= 3 ? facts.holds.filter((item) => holdApplies(item.hold, today)) : [];
  const kept =
    level >= 3
      ? []
      : Object.entries(facts.counts.liveOther)
          .filter(([, count]) => (count ?? 0) > 0)
          .map(([legalBasis, count]) => ({ legalBasis: legalBasis as LegalBasis, count: count ?? 0 }));
  return { level, alreadyDone: false, steps: stepsFor(level, facts.counts, held), kept, held, recipients };
}
