import { describe, expect, it } from "vitest";
import type { BulkJobHandler } from "../jobs/bulk-jobs.ts";
import {
  at,
  dpo,
  erasuresOf,
  handlers,
  personSnapshot,
  retentionPopulation,
  runSweep,
  secret,
  setUpRetentionFixture,
  system,
  t,
  useAction,
} from "./retention-fixture.ts";
import { approveRetentionErasure, postponeRetention } from "./retention-review.ts";
import { getRetentionRun, retentionSweepJob, startRetentionRun } from "./retention-runs.ts";

setUpRetentionFixture();
const DAY = 86_400_000;
const day = (n: number) => new Date(at.getTime() + n * DAY);

async function erasureCountsByPerson(ids: readonly string[]) {
  const counts = new Map<string, number>();
  for (const erasure of await erasuresOf(ids))
    counts.set(erasure.personId, (counts.get(erasure.personId) ?? 0) + 1);
  return ids.map((id) => counts.get(id) ?? 0);
}

describe("#9 the retention sweep, concurrent and interrupted", () => {
  it("#9 two schedulers at once share one run, and two runners never erase a person twice", async () => {
    await useAction("erase_level_3");
    const { dueIds } = await retentionPopulation("concurrent", 11);
    const [a, b] = await Promise.all([
      startRetentionRun(t.db, { dryRun: false, now: at, actor: system }),
      startRetentionRun(t.db, { dryRun: false, now: at, actor: system }),
    ]);
    expect(a.runId).toBe(b.runId);
    expect([a.reused, b.reused].sort()).toEqual([false, true]);
    // Two runners, one per id partition (in parallel on the server): each person once, the run
    // finished by whichever ends last, its held items and summary once.
    const results = await Promise.all([runSweep({ batchSize: 2 }), runSweep({ batchSize: 2 })]);
    expect(results.reduce((sum, r) => sum + r.processed, 0)).toBe(11);
    expect(results.flatMap((r) => r.jobs.map((job) => job.state))).toEqual(["done", "done"]);
    expect(await erasureCountsByPerson(dueIds)).toEqual(dueIds.map(() => 1));
    expect(await getRetentionRun(t.db, a.runId)).toMatchObject({
      due: 11,
      erased: 11,
      failed: 0,
      finishedAt: at,
      jobState: "done",
    });
    const mails = await t.db.selectFrom("outboxMessage").select("idempotencyKey").execute();
    expect(mails).toEqual([{ idempotencyKey: `retention-summary:${a.runId}` }]);
  });

  it("#9 a runner that dies mid-batch loses only that batch; the next one resumes at the cursor", async () => {
    const { dueIds } = await retentionPopulation("crash", 9);
    // One job, so "the second batch" is well defined.
    const { runId } = await startRetentionRun(t.db, {
      dryRun: false,
      now: day(1),
      actor: system,
      partitions: 1,
    });
    const sweep = handlers()[retentionSweepJob]!;
    let batches = 0;
    // The second batch does all its work, then the process "dies" before the commit.
    const crashing: BulkJobHandler = {
      count: sweep.count,
      async batch(trx, job, input) {
        const result = await sweep.batch(trx, job, input);
        if (++batches === 2) throw new Error("killed");
        return result;
      },
    };
    const first = await runSweep({ now: day(1), handlers: { [retentionSweepJob]: crashing } });
    expect(first.jobs).toMatchObject([{ state: "running", processed: 3 }]);
    expect((await getRetentionRun(t.db, runId))?.erased).toBe(3);
    expect((await erasureCountsByPerson(dueIds)).filter((n) => n === 1)).toHaveLength(3);

    const rest = await runSweep({ now: day(1) });
    expect(rest.jobs).toMatchObject([{ state: "done", processed: 6 }]);
    expect(await erasureCountsByPerson(dueIds)).toEqual(dueIds.map(() => 1));
    expect(await getRetentionRun(t.db, runId)).toMatchObject({
      due: 9,
      erased: 9,
      failed: 0,
      jobState: "done",
    });
  });

  it("#9 the review action queues due persons once; the DPO approves (level 3) or postpones (a later date, with a reason)", async () => {
    await useAction("review");
    const { dueIds, notDue } = await retentionPopulation("review", 3);
    const keptBefore = await personSnapshot(notDue);
    const first = await startRetentionRun(t.db, { dryRun: false, now: day(2), actor: system });
    await runSweep({ now: day(2) });
    expect(await getRetentionRun(t.db, first.runId)).toMatchObject({ due: 3, queued: 3, erased: 0 });
    const queued = await personSnapshot(dueIds);
    expect(queued.map((p) => p.retentionReviewAt)).toEqual(dueIds.map(() => day(2)));
    expect(queued.every((p) => p.erasedLevel === 0)).toBe(true);
    expect(await personSnapshot(notDue)).toEqual(keptBefore);

    // Queued persons are the DPO's to decide: the next day's sweep leaves them alone.
    const second = await startRetentionRun(t.db, { dryRun: false, now: day(3), actor: system });
    await runSweep({ now: day(3) });
    expect(await getRetentionRun(t.db, second.runId)).toMatchObject({ due: 0, queued: 0 });
    expect((await personSnapshot(dueIds)).map((p) => p.retentionReviewAt)).toEqual(dueIds.map(() => day(2)));

    const [approved, postponed, untouched] = dueIds as [string, string, string];
    await approveRetentionErasure(t.db, {
      personId: approved,
      actor: dpo,
      now: day(3),
      suppressionSecret: secret,
    });
    expect(await erasuresOf([approved])).toMatchObject([
      { level: 3, reason: "retention_expiry", actorType: "staff" },
    ]);
    await expect(
      approveRetentionErasure(t.db, {
        personId: approved,
        actor: dpo,
        now: day(3),
        suppressionSecret: secret,
      }),
    ).rejects.toMatchObject({ reason: "retention_not_under_review" });

    await expect(
      postponeRetention(t.db, {
        personId: postponed,
        until: "2026-12-03",
        reason: "x",
        actor: dpo,
        now: day(3),
      }),
    ).rejects.toMatchObject({ reason: "retention_postpone_not_future" });
    await expect(
      postponeRetention(t.db, {
        personId: postponed,
        until: "2027-03-01",
        reason: " ",
        actor: dpo,
        now: day(3),
      }),
    ).rejects.toMatchObject({ reason: "retention_reason_required" });
    await postponeRetention(t.db, {
      personId: postponed,
      until: "2027-03-01",
      reason: "Claim pending",
      actor: dpo,
      now: day(3),
    });
    const [after] = await personSnapshot([postponed]);
    expect(after).toMatchObject({
      retentionReviewAt: null,
      retentionManualUntil: "2027-03-01",
      erasedLevel: 0,
    });
    // The date with its reason (encrypted for the person), and the end of the review.
    const events = await t.db
      .selectFrom("auditEvent")
      .select(["action", "actorType", "actorId", "changes", "personalEnc"])
      .where("personId", "=", postponed)
      .where("action", "in", ["person.retention_date_set", "person.retention_review_postponed"])
      .orderBy("id")
      .execute();
    expect(events).toMatchObject([
      { action: "person.retention_date_set", actorType: "staff", actorId: "staff-dpo" },
      {
        action: "person.retention_review_postponed",
        actorId: "staff-dpo",
        changes: { until: "2027-03-01", queuedAt: day(2).toISOString() },
        personalEnc: null,
      },
    ]);
    expect(events[0]?.personalEnc).not.toBeNull();

    // A staff member below the DPO may not approve a level-3 erasure.
    await expect(
      approveRetentionErasure(t.db, {
        personId: untouched,
        actor: { id: "staff-1", role: "staff" },
        now: day(3),
        suppressionSecret: secret,
      }),
    ).rejects.toMatchObject({ reason: "erasure_role_too_low" });
    expect((await personSnapshot([untouched]))[0]).toMatchObject({
      erasedLevel: 0,
      retentionReviewAt: day(2),
    });
  });
});
