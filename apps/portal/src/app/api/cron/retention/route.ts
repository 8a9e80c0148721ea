import {
  getRetentionRun,
  retentionPartitions,
  retentionSweepHandler,
  retentionSweepJob,
  runBulkJobs,
  startRetentionRun,
} from "@purposeful/db";
import { suppressionSecret } from "../../../../env";
import { rejectUnlessCron } from "../../../../server/cron-auth";
import { getDb } from "../../../../server/db";
import { loggableError, logger } from "../../../../server/logger";

// Daily: starts the retention run (or joins the one under way; a real run happens once per day),
// then works through its sweep for a time box: due persons erased at the company's level, or queued
// for the DPO's review, as the system; held items whose hold ended deleted; a summary mailed to the
// DPO. `?dryRun=1` counts without changing anything. What is left when the time box ends is
// resumed by the next call here or by /api/cron/jobs. Safe concurrently: one run at a time (advisory
// lock), its job claimed with FOR UPDATE SKIP LOCKED and a lease, each batch one transaction.
export const dynamic = "force-dynamic";

const BATCH_SIZE = 1000;
const TIME_BUDGET_MS = 20_000;
const LEASE_MS = 60_000;

async function run(request: Request): Promise<Response> {
  const rejected = rejectUnlessCron(request);
  if (rejected) return rejected;
  const dryRun = new URL(request.url).searchParams.get("dryRun") === "1";
  try {
    const db = await getDb();
    const started = await startRetentionRun(db, {
      dryRun,
      now: new Date(),
      actor: { type: "system", id: "retention" },
    });
    const deadline = Date.now() + TIME_BUDGET_MS;
    // One runner per id partition of the run, in parallel: they take turns only at the audit chain.
    const handlers = {
      [retentionSweepJob]: retentionSweepHandler({ suppressionSecret: suppressionSecret() }),
    };
    const runners = await Promise.all(
      Array.from({ length: retentionPartitions }, () =>
        runBulkJobs(db, handlers, { batchSize: BATCH_SIZE, timeBudgetMs: TIME_BUDGET_MS, leaseMs: LEASE_MS }),
      ),
    );
    let run = await getRetentionRun(db, started.runId);
    // Another runner (a concurrent call, or /api/cron/jobs) may hold the run's job: within the time
    // box, wait for it, so the summary says how the run ended.
    while (run && !run.finishedAt && run.jobState !== "failed" && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 250));
      run = await getRetentionRun(db, started.runId);
    }
    const summary = {
      runId: started.runId,
      reused: started.reused,
      dryRun,
      action: run?.action ?? null,
      today: run?.today ?? null,
      due: run?.due ?? 0,
      erased: run?.erased ?? 0,
      queued: run?.queued ?? 0,
      failed: run?.failed ?? 0,
      heldDeleted: run?.heldDeleted ?? 0,
      finished: Boolean(run?.finishedAt),
      jobState: run?.jobState ?? null,
      batches: runners.reduce((sum, runner) => sum + runner.batches, 0),
      more: runners.some((runner) => runner.more),
    };
    logger.info({ job: "retention", ...summary }, "retention run");
    return Response.json(summary, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logger.error({ job: "retention", err: loggableError(error) }, "retention run failed");
    return Response.json({ error: "retention_failed" }, { status: 500 });
  }
}

export const GET = run;
export const POST = run;
