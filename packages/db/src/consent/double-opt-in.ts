import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";

/**
 * Records that a granted consent to a double-opt-in purpose waits for confirmation. The mail
 * itself is composed one layer up (packages/db cannot render mails): every caller that gets
 * `needsConfirmation` from `applyRecordEvent` calls `sendDoubleOptInConfirmation` from
 * @purposeful/emails in the same transaction.
 */
export async function awaitDoubleOptIn(
  trx: Database,
  input: { personId: string; purposeIds: string[]; actor: Actor; at: Date },
): Promise<void> {
  await recordAudit(trx, {
    actor: input.actor,
    action: "record.confirmation_pending",
    entityType: "person",
    entityId: input.personId,
    personId: input.personId,
    changes: { purposeIds: input.purposeIds },
    at: input.at,
  });
}
