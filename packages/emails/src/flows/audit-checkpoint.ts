import {
  type Database,
  enqueueEmail,
  getCompanySettings,
  markCheckpointMailed,
  writeAuditCheckpoint,
} from "@purposeful/db";
import { controllerLanguage } from "@purposeful/domain";
import { renderEmail } from "../render.ts";

export interface CheckpointSummary {
  checkpointId: number;
  lastEventId: number;
  lastHash: string;
  eventCount: number;
  /** The DPO address the head went to through the outbox, or null when none is configured. */
  mailedTo: string | null;
}

/**
 * Signs the head of the audit chain and, in the same transaction, puts it into the outbox for the
 * data protection officer from the company settings, so that a copy lives outside the database.
 * Without a DPO address the checkpoint is stored and nothing is mailed.
 */
export async function createAuditCheckpoint(
  db: Database,
  options: { now: Date; portalUrl: string },
): Promise<CheckpointSummary> {
  return db.transaction().execute(async (trx) => {
    const checkpoint = await writeAuditCheckpoint(trx, options.now);
    const summary = {
      checkpointId: checkpoint.id,
      lastEventId: checkpoint.lastEventId,
      lastHash: checkpoint.lastHash,
      eventCount: checkpoint.eventCount,
    };
    const company = await getCompanySettings(trx);
    const to = company.dpoEmail.trim();
    if (!to) return { ...summary, mailedTo: null };
    const language = controllerLanguage(company.country);
    const props = {
      company: { name: company.name, address: company.address, privacyContact: company.privacyContact },
      salutationName: company.dpoName || to,
      ...summary,
      createdAt: checkpoint.createdAt.toISOString(),
      signature: checkpoint.signature,
      auditUrl: new URL("/audit", options.portalUrl).toString(),
    };
    const mail = await renderEmail("audit-checkpoint", props, language);
    await enqueueEmail(trx, {
      idempotencyKey: `audit-checkpoint:${checkpoint.id}`,
      personId: null,
      to,
      template: "audit-checkpoint",
      language,
      props,
      ...mail,
      at: options.now,
    });
    await markCheckpointMailed(trx, checkpoint.id, options.now);
    return { ...summary, mailedTo: to };
  });
}
