import { bulkJobHandlersWith, runBulkJobs } from "@purposeful/db";
import { linkSecret, suppressionSecret } from "../../../../env";
import { rejectUnlessCron } from "../../../../server/cron-auth";
import { getDb } from "../../../../server/db";
import { loggableError, logger } from "../../../../server/logger";

// Bulk jobs (the traffic lights of a purpose's holders after a material change, a list's mass consent
// request, whose links' tokens derive from LINK_SECRET) run here in
// batches of their own transactions. Time-boxed: the job in hand is released at the end and the
// next call resumes at its cursor. Safe to run concurrently: jobs are claimed with
// FOR UPDATE SKIP LOCKED and a lease, and a batch commits only while its runner holds the lease.
export const dynamic = "force-dynamic";

const BATCH_SIZE = 2000;
const TIME_BUDGET_MS = 20_000;
const LEASE_MS = 60_000;

async function run(request: Request): Promise<Response> {
  const rejected = rejectUnlessCron(request);
  if (rejected) return rejected;
  try {
    const summary = await runBulkJobs(
      await getDb(),
      bulkJobHandlersWith({ linkSecret: linkSecret(), suppressionSecret: suppressionSecret() }),
      {
        batchSize: BATCH_SIZE,
        timeBudgetMs: TIME_BUDGET_MS,
        leaseMs: LEASE_MS,
      },
    );
    if (summary.jobs.length > 0) logger.info({ job: "bulk-jobs", ...summary }, "bulk jobs ran");
    return Response.json(summary, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logger.error({ job: "bulk-jobs", err: loggableError(error) }, "bulk jobs failed");
    return Response.json({ error: "jobs_failed" }, { status: 500 });
  }
}

export const GET = run;
export const POST = run;
