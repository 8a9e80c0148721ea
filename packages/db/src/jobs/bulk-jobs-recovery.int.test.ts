import { describe, expect, it } from "vitest";
import {
  type BulkJobHandler,
  claimBulkJob,
  enqueueBulkJob,
  latestBulkJob,
  maxBulkJobAttempts,
  runBulkJobBatch,
} from "./bulk-jobs.ts";
import { actor, at, catalogueWithHolders, LEASE_MS, setUpFixture, t, widen } from "./bulk-jobs-fixture.ts";
import { bulkJobHandlers } from "./handlers.ts";
import { purposeLightsHandler, purposeLightsJob } from "./purpose-lights-job.ts";
import { runBulkJobs } from "./run-bulk-jobs.ts";

setUpFixture();

describe("#7 bulk job: the lights after a material change (continued)", () => {
  it("#7 concurrent runners never process the same batch twice", async () => {
    const seen: string[] = [];
    const tracking: BulkJobHandler = {
      count: purposeLightsHandler.count,
      async batch(trx, job, input) {
        const batch = await purposeLightsHandler.batch(trx, job, input);
        const ids = await trx
          .selectFrom("processingRecord")
          .select("personId")
          .where("purposeId", "=", job.subjectId!)
          .$if(input.cursor !== null, (q) => q.where("personId", ">", input.cursor!))
          .where("personId", "<=", batch.cursor ?? input.cursor ?? "")
          .execute();
        seen.push(...ids.map((row) => `${job.id}:${row.personId}`));
        return batch;
      },
    };
    const jobs: string[] = [];
    for (const key of ["job_parallel_a", "job_parallel_b", "job_parallel_c"]) {
      const { purposeId } = await catalogueWithHolders(key, 60);
      jobs.push((await widen(purposeId)).lightsJobId!);
    }
    const handlers = { [purposeLightsJob]: tracking };
    const run = () => runBulkJobs(t.db, handlers, { now: () => at, batchSize: 7 });
    const results = await Promise.all([run(), run(), run(), run()]);
    expect(results.reduce((sum, result) => sum + result.processed, 0)).toBe(180);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(180);
    for (const id of jobs)
      expect(
        await t.db
          .selectFrom("bulkJob")
          .select(["state", "processed"])
          .where("id", "=", id)
          .executeTakeFirst(),
      ).toEqual({ state: "done", processed: 60 });
  });

  // PGlite has one connection, so two transactions cannot overlap there; the server shows the locks.
  it.runIf(process.env.DATABASE_URL && process.env.TEST_DRIVER !== "pglite")(
    "#7 while a batch is in flight nobody can take its job, even with the lease expired; afterwards the slow runner stops",
    async () => {
      const { purposeId } = await catalogueWithHolders("job_in_flight", 30);
      const { lightsJobId } = await widen(purposeId);
      const slow = await claimBulkJob(t.db, { now: at, leaseMs: LEASE_MS, kinds: [purposeLightsJob] });
      let release!: () => void;
      const latch = new Promise<void>((done) => {
        release = done;
      });
      let entered!: () => void;
      const inBatch = new Promise<void>((done) => {
        entered = done;
      });
      const blocking: BulkJobHandler = {
        count: purposeLightsHandler.count,
        async batch(trx, job, input) {
          entered();
          await latch;
          return purposeLightsHandler.batch(trx, job, input);
        },
      };
      const options = { now: at, leaseMs: LEASE_MS, batchSize: 10 };
      const first = runBulkJobBatch(t.db, blocking, slow!, options);
      await inBatch;
      const muchLater = new Date(at.getTime() + 10 * LEASE_MS);
      // The job row is locked by the batch's transaction: SKIP LOCKED passes it over.
      expect(
        await claimBulkJob(t.db, { now: muchLater, leaseMs: LEASE_MS, kinds: [purposeLightsJob] }),
      ).toBeNull();
      release();
      expect(await first).toEqual({ outcome: "more", processed: 10 });

      const other = await claimBulkJob(t.db, {
        now: muchLater,
        leaseMs: LEASE_MS,
        kinds: [purposeLightsJob],
      });
      expect(other?.id).toBe(lightsJobId);
      expect(await runBulkJobBatch(t.db, purposeLightsHandler, slow!, options)).toEqual({
        outcome: "lost",
        processed: 0,
      });
      const rest = await runBulkJobBatch(t.db, purposeLightsHandler, other!, {
        ...options,
        now: muchLater,
        batchSize: 100,
      });
      expect(rest).toEqual({ outcome: "done", processed: 20 });
      expect(await latestBulkJob(t.db, purposeLightsJob, purposeId)).toMatchObject({
        state: "done",
        processed: 30,
      });
    },
  );

  it("#7 a failing batch is retried and fails the job with its error after the last attempt", async () => {
    const { id } = await t.db
      .transaction()
      .execute((trx) => enqueueBulkJob(trx, { kind: "always_fails", subjectId: null, actor, at }));
    const failing: BulkJobHandler = {
      count: async () => 3,
      batch: async () => {
        throw new Error("disk full");
      },
    };
    for (let run = 1; run <= maxBulkJobAttempts; run++) {
      const summary = await runBulkJobs(t.db, { always_fails: failing }, { now: () => at });
      expect(summary.jobs[0]?.state).toBe(run < maxBulkJobAttempts ? "running" : "failed");
    }
    const job = await t.db.selectFrom("bulkJob").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(job).toMatchObject({
      state: "failed",
      error: "disk full",
      attempts: maxBulkJobAttempts,
      total: 3,
    });
    expect(await runBulkJobs(t.db, { always_fails: failing }, { now: () => at })).toMatchObject({ jobs: [] });
  });

  it("#7 a runner out of time releases the job mid-way and the next call continues", async () => {
    const { purposeId } = await catalogueWithHolders("job_time_box", 30);
    const { lightsJobId } = await widen(purposeId);
    const first = await runBulkJobs(t.db, bulkJobHandlers, { now: () => at, batchSize: 10, timeBudgetMs: 0 });
    expect(first).toMatchObject({ jobs: [], more: true });
    const partial = await runBulkJobs(t.db, bulkJobHandlers, {
      now: () => at,
      batchSize: 10,
      timeBudgetMs: 1,
    });
    const job = await latestBulkJob(t.db, purposeLightsJob, purposeId);
    expect(job?.id).toBe(lightsJobId);
    if (partial.more) expect(job).toMatchObject({ state: "running" });
    const rest = await runBulkJobs(t.db, bulkJobHandlers, { now: () => at, batchSize: 10 });
    expect(partial.processed + rest.processed).toBe(30);
    expect(await latestBulkJob(t.db, purposeLightsJob, purposeId)).toMatchObject({
      state: "done",
      processed: 30,
      attempts: 0,
    });
  });
});
