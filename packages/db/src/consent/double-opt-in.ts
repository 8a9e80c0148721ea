import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";

/**
 * The one place where a granted-but-unconfirmed consent to a double-opt-in purpose plugs into
 * confirmation. Today it records that confirmation is pending; the consent-mail issue adds the
 * confirmation mail with its own token to the outbox here, in the same transaction.
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
