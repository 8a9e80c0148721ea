import type { Database } from "../create-database.ts";
import { latestBulkJob } from "../jobs/bulk-jobs.ts";
import { bulkJobHandlers } from "../jobs/handlers.ts";
import { purposeLightsJob } from "../jobs/purpose-lights-job.ts";
import { runBulkJobs } from "../jobs/run-bulk-jobs.ts";
import { updatePurposeEntry } from "../repositories/purposes-write.ts";
import { timeOnce } from "./measure.ts";

/** The batch size and time box of `/api/cron/jobs`. */
const BATCH_SIZE = 2000;
const TIME_BUDGET_MS = 20_000;

export interface MaterialChangeFigures {
  requestMs: number;
  convergedMs: number;
  holders: number;
  changed: number;
  runs: number;
  batches: number;
}

/**
 * Widens a purpose (a new channel: material by force) as the edit procedure does, timing its
 * transaction, then runs the bulk job the way back-to-back cron calls would until it is done.
 * `convergedMs` counts from the edit's start, without the scheduler's gaps between calls.
 */
export async function benchMaterialChange(db: Database, purposeId: string): Promise<MaterialChangeFigures> {
  const actor = { type: "system", id: "bench" } as const;
  const started = performance.now();
  const request = await timeOnce(() =>
    db
      .transaction()
      .execute((trx) =>
        updatePurposeEntry(trx, purposeId, { channels: ["email", "phone"] }, actor, new Date()),
      ),
  );
  if (!request.result.material || !request.result.lightsJobId) throw new Error("the edit was not material");
  let runs = 0;
  let batches = 0;
  for (;;) {
    const summary = await runBulkJobs(db, bulkJobHandlers, {
      batchSize: BATCH_SIZE,
      timeBudgetMs: TIME_BUDGET_MS,
    });
    runs++;
    batches += summary.batches;
    if (summary.jobs.some((job) => job.state === "failed")) throw new Error("the lights job failed");
    if (!summary.more) break;
  }
  const convergedMs = performance.now() - started;
  const job = await latestBulkJob(db, purposeLightsJob, purposeId);
  if (job?.state !== "done" || job.processed !== job.total)
    throw new Error(`the lights job did not finish: ${JSON.stringify(job)}`);
  return {
    requestMs: request.ms,
    convergedMs,
    holders: job.processed,
    changed: job.result.changed ?? 0,
    runs,
    batches,
  };
}
