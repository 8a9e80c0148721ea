import { type Database, findSuppressedAddresses, recordAudit } from "@purposeful/db";
import type { Language } from "@purposeful/domain";
import { sendSettingsLink } from "@purposeful/emails";
import { env, linkSecret, suppressionSecret } from "../env";

/**
 * "Send me a new link" from the invalid-link page. The page always answers "If the address is
 * known, we have sent a new link", whatever happens here: the mail is only queued (the outbox
 * sends it later), so the answer takes as long whether or not the address is known. The caller
 * rate-limits per address. An address on the suppression list (an erased contact used it) gets no
 * mail at all. The audit event carries no address, only whether it was suppressed.
 */
export async function requestNewLink(
  trx: Database,
  email: string,
  context: { language: Language; now: Date },
): Promise<void> {
  const suppressed = (await findSuppressedAddresses(trx, suppressionSecret(), [email])).length > 0;
  if (!suppressed)
    await sendSettingsLink(trx, {
      email,
      micrositeUrl: env.PUBLIC_MICROSITE_URL,
      linkSecret: linkSecret(),
      at: context.now,
    });
  await recordAudit(trx, {
    actor: { type: "data_subject", id: null },
    action: "microsite.new_link_requested",
    entityType: "microsite_link",
    changes: { language: context.language, ...(suppressed ? { suppressed: true } : {}) },
    at: context.now,
  });
}
