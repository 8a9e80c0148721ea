import type { RecordState } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../audit/record-audit.ts";
import { updatePurposeEntry } from "../repositories/purposes-write.ts";
import { refreshAllTrafficLights } from "../repositories/traffic-lights.ts";
import { createPurpose } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import {
  type BulkJobHandler,
  claimBulkJob,
  enqueueBulkJob,
  latestBulkJob,
  maxBulkJobAttempts,
  runBulkJobBatch,
} from "./bulk-jobs.ts";
import { bulkJobHandlers } from "./handlers.ts";
import { purposeLightsHandler, purposeLightsJob } from "./purpose-lights-job.ts";
import { runBulkJobs } from "./run-bulk-jobs.ts";

const at = new Date("2026-11-30T09:00:00Z");
const actor: Actor = { type: "staff", id: "staff-dpo" };
const LEASE_MS = 60_000;
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const states: RecordState[] = ["granted", "confirmed", "withdrawn", "declined", "requested"];

/**
 * A purpose held by `holders` persons (consents to version 1 in mixed states), each of whom also
 * holds a valid record of a second purpose, plus persons without it; lights are current.
 */
async function catalogueWithHolders(key: string, holders: number) {
  const purposeId = await createPurpose(t.db, { key, doubleOptIn: false });
  const other = await createPurpose(t.db, { key: `${key}_other`, doubleOptIn: false });
  const persons = await t.db
    .insertInto("person")
    .values(Array.from({ length: holders + 20 }, (_, i) => ({ firstName: "Job", lastName: `${key} ${i}` })))
    .returning("id")
    .execute();
  const ids = persons.map((row) => row.id);
  await t.db
    .insertInto("processingRecord")
    .values([
      ...ids.slice(0, holders).map((personId, i) => ({
        personId,
        purposeId,
        legalBasis: "consent" as const,
        state: states[i % states.length]!,
        source: "manual" as const,
        purposeVersion: 1,
        grantedAt: at,
      })),
      ...ids.map((personId) => ({
        personId,
        purposeId: other,
        legalBasis: "contract" as const,
        state: "active" as const,
        source: "manual" as const,
      })),
    ])
    .execute();
  await refreshAllTrafficLights(t.db, at);
  return { purposeId, ids };
}

async function lights(ids: string[]) {
  const rows = await t.db
    .selectFrom("person")
    .select(["id", "trafficLight", "lightRecheckAt"])
    .where("id", "in", ids)
    .orderBy("id")
    .execute();
  return rows.map((row) => `${row.id}:${row.trafficLight}:${row.lightRecheckAt?.toISOString() ?? "-"}`);
}

const widen = (purposeId: string) =>
  t.db
    .transaction()
    .execute((trx) => updatePurposeEntry(trx, purposeId, { channels: ["email", "phone"] }, actor, at));

describe("#7 bulk job: the lights after a material change", () => {
  it("#7 the edit only queues the job; running it converges every light to a full refresh", async () => {
    const { purposeId, ids } = await catalogueWithHolders("job_converges", 230);
    const before = await lights(ids);
    expect(before.filter((row) => row.endsWith(":green:-"))).not.toHaveLength(0);

    const edit = await widen(purposeId);
    expect(edit).toMatchObject({ material: true, reasons: ["channel_added"] });
    // Stale until the job runs: the edit touched no light.
    expect(await lights(ids)).toEqual(before);
    expect(await latestBulkJob(t.db, purposeLightsJob, purposeId)).toMatchObject({
      id: edit.lightsJobId,
      state: "queued",
      processed: 0,
      total: null,
    });

    const summary = await runBulkJobs(t.db, bulkJobHandlers, { now: () => at, batchSize: 50 });
    expect(summary.jobs).toEqual([
      { id: edit.lightsJobId, kind: purposeLightsJob, state: "done", processed: 230 },
    ]);
    expect(summary.batches).toBe(5);
    const job = await latestBulkJob(t.db, purposeLightsJob, purposeId);
    expect(job).toMatchObject({ state: "done", total: 230, processed: 230, error: null });
    expect(job?.finishedAt).toEqual(at);
    const converged = await lights(ids);
    expect(converged).not.toEqual(before);
    // Consents to version 1 no longer count: nobody is green any more.
    expect(converged.filter((row) => row.includes(":green:"))).toHaveLength(20);
    expect(job?.result.changed).toBe(converged.filter((row, i) => row !== before[i]).length);

    await refreshAllTrafficLights(t.db, at);
    expect(await lights(ids)).toEqual(converged);
    // Idempotent: nothing is left to do.
    expect(await runBulkJobs(t.db, bulkJobHandlers, { now: () => at })).toMatchObject({ jobs: [] });
  });

  it("#7 a second edit while the job still waits reuses it; one while it runs queues another", async () => {
    const { purposeId } = await catalogueWithHolders("job_reuse", 10);
    const first = await widen(purposeId);
    const again = await t.db
      .transaction()
      .execute((trx) => updatePurposeEntry(trx, purposeId, { recipients: ["Call centre"] }, actor, at));
    expect(again.lightsJobId).toBe(first.lightsJobId);
    await claimBulkJob(t.db, { now: at, leaseMs: LEASE_MS, kinds: [purposeLightsJob] });
    const third = await t.db
      .transaction()
      .execute((trx) => updatePurposeEntry(trx, purposeId, { directMarketing: true }, actor, at));
    expect(third.lightsJobId).not.toBe(first.lightsJobId);
    await runBulkJobs(t.db, bulkJobHandlers, { now: () => new Date(at.getTime() + 2 * LEASE_MS) });
  });

  it("#7 a crashed runner's job resumes from its cursor once the lease expired", async () => {
    const { purposeId, ids } = await catalogueWithHolders("job_crash", 120);
    const { lightsJobId } = await widen(purposeId);
    const crashed = await claimBulkJob(t.db, { now: at, leaseMs: LEASE_MS, kinds: [purposeLightsJob] });
    expect(crashed?.id).toBe(lightsJobId);
    await t.db.updateTable("bulkJob").set({ total: 120 }).where("id", "=", lightsJobId!).execute();
    const options = { now: at, leaseMs: LEASE_MS, batchSize: 40 };
    expect(await runBulkJobBatch(t.db, purposeLightsHandler, crashed!, options)).toEqual({
      outcome: "more",
      processed: 40,
    });
    // The runner dies here. While its lease lasts, nobody takes the job over.
    expect(await runBulkJobs(t.db, bulkJobHandlers, { now: () => at })).toMatchObject({ jobs: [] });
    const stored = await t.db
      .selectFrom("bulkJob")
      .select(["cursor", "processed", "state"])
      .where("id", "=", lightsJobId!)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ processed: 40, state: "running" });

    const later = new Date(at.getTime() + LEASE_MS + 1);
    const resumed = await runBulkJobs(t.db, bulkJobHandlers, { now: () => later, batchSize: 40 });
    // 80 remain: batches of 40, 40 and an empty last one; nothing before the cursor again.
    expect(resumed.jobs).toEqual([{ id: lightsJobId, kind: purposeLightsJob, state: "done", processed: 80 }]);
    expect(await latestBulkJob(t.db, purposeLightsJob, purposeId)).toMatchObject({
      state: "done",
      processed: 120,
      attempts: 1,
    });
    const converged = await lights(ids);
    await refreshAllTrafficLights(t.db, later);
    expect(await lights(ids)).toEqual(converged);

    // The dead runner wakes up: its lease is gone, so it does not process a batch again.
    expect(await runBulkJobBatch(t.db, purposeLightsHandler, crashed!, options)).toEqual({
      outcome: "lost",
      processed: 0,
    });
  });

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
