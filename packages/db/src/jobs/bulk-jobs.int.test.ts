import { describe, expect, it } from "vitest";
import { updatePurposeEntry } from "../repositories/purposes-write.ts";
import { refreshAllTrafficLights } from "../repositories/traffic-lights.ts";
import { claimBulkJob, latestBulkJob, runBulkJobBatch } from "./bulk-jobs.ts";
import {
  actor,
  at,
  catalogueWithHolders,
  LEASE_MS,
  lights,
  setUpFixture,
  t,
  widen,
} from "./bulk-jobs-fixture.ts";
import { bulkJobHandlers } from "./handlers.ts";
import { purposeLightsHandler, purposeLightsJob } from "./purpose-lights-job.ts";
import { runBulkJobs } from "./run-bulk-jobs.ts";

setUpFixture();

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
});
