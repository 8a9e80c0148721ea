import { sql } from "kysely";
import { startConsentCampaign } from "../campaigns/consent-campaigns.ts";
import type { Database } from "../create-database.ts";
import { bulkJobHandlersWith } from "../jobs/handlers.ts";
import { runBulkJobs } from "../jobs/run-bulk-jobs.ts";
import type { Row } from "./bench-table.ts";
import { formatMs } from "./measure.ts";

/** The batch size and time box of `/api/cron/jobs`. */
const BATCH_SIZE = 2000;
const TIME_BUDGET_MS = 20_000;
const QUEUED_TARGET_MS = 10_000;

/**
 * `mass request <n>: queued`: "ask everyone without a valid basis" for the newsletter after an e-mail
 * check of the bench list, from the start (the campaign row and its job) until
 * the job has routed every member, created the links, queued the mails unrendered, set the records
 * to requested and written their audit events, run as back-to-back cron calls would.
 */
export async function benchMassRequest(
  db: Database,
  input: { listId: string; listSize: number; newsletterId: string },
  log: (line: string) => void,
): Promise<Row[]> {
  const started = performance.now();
  const { campaignId } = await startConsentCampaign(
    db,
    { listId: input.listId, purposeIds: [input.newsletterId], channel: "email", includeRefusals: false },
    { id: "bench", role: "marketing" },
    new Date(),
  );
  const startMs = performance.now() - started;
  let runs = 0;
  for (;;) {
    const summary = await runBulkJobs(
      db,
      bulkJobHandlersWith({ linkSecret: "bench-link-secret", suppressionSecret: "bench-suppression-secret" }),
      {
        batchSize: BATCH_SIZE,
        timeBudgetMs: TIME_BUDGET_MS,
      },
    );
    runs++;
    if (summary.jobs.some((job) => job.state === "failed")) throw new Error("the mass request job failed");
    if (!summary.more) break;
  }
  const queuedMs = performance.now() - started;
  const { rows } = await sql<{ recipients: number; mails: number; letters: number; events: number }>`
    SELECT (SELECT count(*)::int FROM consent_campaign_recipient WHERE campaign_id = ${campaignId}) AS recipients,
      (SELECT count(*)::int FROM consent_campaign_recipient WHERE campaign_id = ${campaignId} AND outbox_message_id IS NOT NULL) AS mails,
      (SELECT count(*)::int FROM consent_campaign_recipient WHERE campaign_id = ${campaignId} AND route = 'letter') AS letters,
      (SELECT count(*)::int FROM audit_event WHERE action = 'record.request' AND changes->>'via' = 'consent_campaign') AS events`.execute(
    db,
  );
  const done = rows[0]!;
  if (done.recipients !== input.listSize)
    throw new Error(`the job routed ${done.recipients} of ${input.listSize}`);
  log(
    `\nmass request: start ${formatMs(startMs)}, ` +
      `${runs} time-boxed runs; ${done.mails} mails queued, ${done.letters} letters, ${done.events} audit events`,
  );
  return [
    {
      figure: `mass request ${input.listSize}: queued`,
      stats: null,
      value: formatMs(queuedMs),
      target: `< ${QUEUED_TARGET_MS} ms`,
      pass: queuedMs < QUEUED_TARGET_MS,
    },
  ];
}
