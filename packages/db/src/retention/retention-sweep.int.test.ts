import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { countSweepable } from "./due-persons.ts";
import {
  at,
  erasuresOf,
  personSnapshot,
  retentionPopulation,
  runSweep,
  setUpRetentionFixture,
  system,
  t,
  today,
  totals,
  useAction,
} from "./retention-fixture.ts";
import { getRetentionRun, startRetentionRun } from "./retention-runs.ts";

setUpRetentionFixture();

const auditCount = async () =>
  Number(
    (
      await t.db
        .selectFrom("auditEvent")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
const outboxRows = () => t.db.selectFrom("outboxMessage").selectAll().orderBy("createdAt").execute();

async function heldDocument(heldUntil: string) {
  const content = Buffer.from(`held ${heldUntil}`);
  const row = await t.db
    .insertInto("document")
    .values({
      kind: "upload",
      fileName: "letter.pdf",
      contentType: "application/pdf",
      content,
      sizeBytes: content.length,
      sha256: "0".repeat(64),
      retentionClass: "business_letters",
      retentionDate: "2019-05-01",
      heldUntil,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("#9 the retention sweep", () => {
  it("#9 a dry run counts what would happen and changes nothing but its run row", async () => {
    await useAction("erase_level_3");
    const population = await retentionPopulation("dry", 5);
    await heldDocument("2026-11-01");
    const all = [...population.dueIds, ...population.notDue];
    const before = {
      persons: await personSnapshot(all),
      audit: await auditCount(),
      outbox: await outboxRows(),
    };

    const started = await startRetentionRun(t.db, { dryRun: true, now: at, actor: system });
    expect(started.reused).toBe(false);
    expect(totals(await runSweep())).toEqual({ jobs: 2, states: ["done"], processed: 5 });

    expect(await personSnapshot(all)).toEqual(before.persons);
    expect(await auditCount()).toBe(before.audit);
    expect(await outboxRows()).toEqual(before.outbox);
    expect(await erasuresOf(all)).toEqual([]);
    expect(await getRetentionRun(t.db, started.runId)).toMatchObject({
      dryRun: true,
      action: "erase_level_3",
      today,
      due: 5,
      erased: 5,
      queued: 0,
      failed: 0,
      heldDeleted: 1,
      finishedAt: at,
      summaryMailedAt: null,
      jobState: "done",
    });
  });

  it("#9 a run erases each due person at level 3 as the system, in batches; the rest stay; ended holds go; the DPO gets the counts", async () => {
    const { dueIds, notDue } = await retentionPopulation("real", 7);
    const keptBefore = await personSnapshot(notDue);
    const futureHold = await heldDocument("2031-01-01");
    // 7 new and 5 from the dry run's population.
    expect(await countSweepable(t.db, { today, now: at, level: 3 })).toBe(12);

    const { runId, reused } = await startRetentionRun(t.db, { dryRun: false, now: at, actor: system });
    expect(reused).toBe(false);
    const summary = await runSweep();
    expect(totals(summary)).toEqual({ jobs: 2, states: ["done"], processed: 12 });
    // Batches of three in each of the two id partitions, each ending with a short batch.
    expect(summary.batches).toBeGreaterThanOrEqual(5);

    const erased = await erasuresOf(dueIds);
    expect(erased).toHaveLength(7);
    for (const erasure of erased)
      expect(erasure).toMatchObject({
        level: 3,
        reason: "retention_expiry",
        actorType: "system",
        retentionRunId: runId,
      });
    expect((await personSnapshot(dueIds)).every((p) => p.erasedLevel === 3 && p.lastName === "")).toBe(true);
    expect(await personSnapshot(notDue)).toEqual(keptBefore);
    expect(await countSweepable(t.db, { today, now: at, level: 3 })).toBe(0);

    // The held letter whose hold ended is gone, the one still held stays.
    const documents = await t.db.selectFrom("document").select(["id", "heldUntil"]).execute();
    expect(documents).toEqual([{ id: futureHold, heldUntil: "2031-01-01" }]);

    const run = await getRetentionRun(t.db, runId);
    expect(run).toMatchObject({ due: 12, erased: 12, queued: 0, failed: 0, heldDeleted: 1, finishedAt: at });
    const events = await t.db
      .selectFrom("auditEvent")
      .select(["action", "actorType", "actorId"])
      .where("action", "in", ["person.erased", "held_item.deleted", "retention.run_started"])
      .where("occurredAt", "=", at)
      .execute();
    expect(events.filter((e) => e.action === "person.erased")).toHaveLength(12);
    expect(events.every((e) => e.actorType === "system")).toBe(true);
    expect(events.map((e) => e.action)).toContain("held_item.deleted");

    const mails = await outboxRows();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: "retention-summary",
      toAddress: "dpo@company.example",
      personId: null,
      language: "de",
      html: null,
    });
    expect(mails[0]?.props).toEqual({
      runId,
      action: "erase_level_3",
      today,
      due: 12,
      erased: 12,
      queued: 0,
      failed: 0,
      heldDeleted: 1,
    });
    expect(run?.summaryMailedAt).toEqual(at);
  });

  it("#9 a second call finds nobody left and changes nothing but a run row of its own (no mail)", async () => {
    const before = {
      persons: await personSnapshot(
        (await t.db.selectFrom("person").select("id").execute()).map((row) => row.id),
      ),
      outbox: await outboxRows(),
    };
    const again = await startRetentionRun(t.db, { dryRun: false, now: at, actor: system });
    expect(again.reused).toBe(false);
    expect(totals(await runSweep())).toEqual({ jobs: 2, states: ["done"], processed: 0 });
    expect(await getRetentionRun(t.db, again.runId)).toMatchObject({ due: 0, erased: 0, finishedAt: at });
    expect(await personSnapshot(before.persons.map((p) => p.id))).toEqual(before.persons);
    expect(await outboxRows()).toEqual(before.outbox);
  });

  it("#9 a person whose erasure fails is rolled back alone and counted; the job goes on with the others", async () => {
    const nextDay = new Date(at.getTime() + 86_400_000);
    const { dueIds } = await retentionPopulation("fails", 5);
    const bad = dueIds[2]!;
    const badBefore = await personSnapshot([bad]);
    const emailsBefore = await t.db
      .selectFrom("personEmail")
      .selectAll()
      .where("personId", "=", bad)
      .execute();
    await sql
      .raw(`CREATE FUNCTION fail_one_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.id = '${bad}' AND NEW.erased_level > 0 THEN RAISE EXCEPTION 'erasure refused'; END IF;
          RETURN NEW;
        END $$`)
      .execute(t.db);
    await sql`CREATE TRIGGER fail_one_erasure BEFORE UPDATE ON person FOR EACH ROW EXECUTE FUNCTION fail_one_erasure()`.execute(
      t.db,
    );
    try {
      const { runId } = await startRetentionRun(t.db, { dryRun: false, now: nextDay, actor: system });
      expect(totals(await runSweep({ now: nextDay, batchSize: 10 }))).toEqual({
        jobs: 2,
        states: ["done"],
        processed: 5,
      });
      expect(await getRetentionRun(t.db, runId)).toMatchObject({ due: 5, erased: 4, failed: 1 });
      expect(await personSnapshot([bad])).toEqual(badBefore);
      expect(await t.db.selectFrom("personEmail").selectAll().where("personId", "=", bad).execute()).toEqual(
        emailsBefore,
      );
      expect(await erasuresOf([bad])).toEqual([]);
      expect(await erasuresOf(dueIds)).toHaveLength(4);
      const failed = await t.db
        .selectFrom("auditEvent")
        .select(["actorType", "changes"])
        .where("action", "=", "person.retention_erasure_failed")
        .execute();
      expect(failed).toEqual([
        { actorType: "system", changes: { retentionRunId: runId, level: 3, error: "sqlstate_P0001" } },
      ]);
    } finally {
      await sql`DROP TRIGGER fail_one_erasure ON person`.execute(t.db);
      await sql`DROP FUNCTION fail_one_erasure()`.execute(t.db);
    }
  });
});
