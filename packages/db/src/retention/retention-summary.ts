import { controllerLanguage, type RetentionAction } from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { getCompanySettings } from "../repositories/settings.ts";

/** The outbox template of a run's summary (packages/emails renders it when it is dispatched). */
export const retentionSummaryTemplate = "retention-summary";

/** What the summary mail says: the run's counts, nothing about any person. */
export interface RetentionSummaryFacts {
  runId: string;
  action: RetentionAction;
  today: string;
  due: number;
  erased: number;
  queued: number;
  failed: number;
  heldDeleted: number;
}

/**
 * Queues the finished run's summary to the data protection officer (company settings `dpoEmail`),
 * unrendered: counts only, no personal data. Once per run, and only when it did something; without
 * a DPO address nothing is queued.
 */
export async function queueRetentionSummary(trx: Database, runId: string, now: Date): Promise<boolean> {
  const company = await getCompanySettings(trx);
  const to = company.dpoEmail.trim();
  if (!to) return false;
  const run = await trx
    .selectFrom("retentionRun")
    .select(["id", "action", "today", "due", "erased", "queued", "failed", "heldDeleted", "summaryMailedAt"])
    .where("id", "=", runId)
    .executeTakeFirstOrThrow();
  // A run that found nothing to do is not worth a mail; its row shows it on the Retention page.
  if (run.summaryMailedAt || run.due + run.heldDeleted + run.failed === 0) return false;
  const props: RetentionSummaryFacts = {
    runId: run.id,
    action: run.action,
    today: run.today,
    due: run.due,
    erased: run.erased,
    queued: run.queued,
    failed: run.failed,
    heldDeleted: run.heldDeleted,
  };
  await trx
    .insertInto("outboxMessage")
    .values({
      idempotencyKey: `${retentionSummaryTemplate}:${run.id}`,
      personId: null,
      toAddress: to,
      template: retentionSummaryTemplate,
      language: controllerLanguage(company.country),
      props: JSON.stringify(props),
      status: "pending",
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflict((oc) => oc.column("idempotencyKey").doNothing())
    .execute();
  await trx.updateTable("retentionRun").set({ summaryMailedAt: now }).where("id", "=", run.id).execute();
  return true;
}
