import { randomUUID } from "node:crypto";
import type { ChoicesResult, Database } from "@purposeful/db";
import { sendConsentReceipt, sendDoubleOptInConfirmation } from "@purposeful/emails";
import { env, linkSecret } from "../env";

/**
 * Called inside the transaction that saved a person's microsite choices (or withdrew everything):
 * the double opt-in mail for newly granted double-opt-in purposes, and the receipt of what changed,
 * go into the outbox with the change, so the change and its mails commit together.
 */
export async function afterChoicesSaved(
  trx: Database,
  result: ChoicesResult,
  now = new Date(),
): Promise<void> {
  const micrositeUrl = env.PUBLIC_MICROSITE_URL;
  const secret = linkSecret();
  await sendDoubleOptInConfirmation(trx, {
    personId: result.personId,
    purposeIds: result.needsConfirmation,
    micrositeUrl,
    linkSecret: secret,
    at: now,
  });
  if (result.granted.length + result.withdrawn.length > 0) {
    await sendConsentReceipt(trx, {
      personId: result.personId,
      granted: result.granted,
      withdrawn: result.withdrawn,
      micrositeUrl,
      linkSecret: secret,
      at: now,
      changeId: randomUUID(),
    });
  }
}
