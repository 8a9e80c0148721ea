import type { Database } from "../create-database.ts";
import {
  type BulkJobHandlers,
  claimBulkJob,
  maxBulkJobAttempts,
  releaseBulkJob,
  runBulkJobBatch,
} from "./bulk-jobs.ts";

export interface RunBulkJobsOptions {
  now?: () => Date;
  /** Stop claiming and release the current job after this much wall-clock time. */
  timeBudgetMs?: number;
  batchSize?: number;
  leaseMs?: number;
}
export interface RunBulkJobsSummary {
  jobs: { id: string; kind: string; state: "done" | "running" | "failed" | "lost"; processed: number }[];
  batches: number;
  processed: number;
  more: boolean;
}

/**
 * Works through due jobs batch by batch until none is left or the time budget is spent, then
 * releases the job in hand (it stays `running` and the next call resumes at its cursor). A failing
 * batch is retried by the next call (not this one) and fails the job after `maxBulkJobAttempts`.
 */
export async function runBulkJobs(
  db: Database,
  handlers: BulkJobHandlers,
  options: RunBulkJobsOptions = {},
): Promise<RunBulkJobsSummary> {
  const now = options.now ?? (() => new Date());
  const { timeBudgetMs = 20_000, batchSize = 2000, leaseMs = 60_000 } = options;
  const started = Date.now();
  const outOfTime = () => Date.now() - started >= timeBudgetMs;
  const summary: RunBulkJobsSummary = { jobs: [], batches: 0, processed: 0, more: false };
  // A job that failed in this call is retried by the next one, not at once.
  const failedHere: string[] = [];
  while (!outOfTime()) {
    const job = await claimBulkJob(db, {
      now: now(),
      leaseMs,
      kinds: Object.keys(handlers),
      skip: failedHere,
    });
    if (!job) return summary;
    const entry: RunBulkJobsSummary["jobs"][number] = {
      id: job.id,
      kind: job.kind,
      state: "running",
      processed: 0,
    };
    summary.jobs.push(entry);
    const handler = handlers[job.kind]!;
    if (job.attempts >= maxBulkJobAttempts) {
      await releaseBulkJob(db, job, { state: "failed", error: "abandoned too often" }, now());
      entry.state = "failed";
      continue;
    }
    try {
      if (job.total === null) {
        const total = await handler.count(db, job);
        await db.updateTable("bulkJob").set({ total }).where("id", "=", job.id).execute();
      }
      for (;;) {
        const { outcome, processed } = await runBulkJobBatch(db, handler, job, {
          now: now(),
          leaseMs,
          batchSize,
        });
        if (outcome === "lost") {
          entry.state = "lost";
          break;
        }
        entry.processed += processed;
        summary.processed += processed;
        summary.batches++;
        if (outcome === "done") {
          entry.state = "done";
          break;
        }
        if (outOfTime()) {
          await releaseBulkJob(db, job, {}, now());
          summary.more = true;
          return summary;
        }
      }
    } catch (error) {
      failedHere.push(job.id);
      const attempts = job.attempts + 1;
      const failed = attempts >= maxBulkJobAttempts;
      const message = error instanceof Error ? error.message : String(error);
      await releaseBulkJob(
        db,
        job,
        { attempts, error: message.slice(0, 1000), ...(failed ? { state: "failed" } : {}) },
        now(),
      );
      entry.state = failed ? "failed" : "running";
    }
  }
  summary.more = true;
  return summary;
}
