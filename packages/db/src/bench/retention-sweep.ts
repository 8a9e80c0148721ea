import { allChannels } from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { runBulkJobs } from "../jobs/run-bulk-jobs.ts";
import { refreshTrafficLights } from "../repositories/traffic-lights.ts";
import { countSweepable } from "../retention/due-persons.ts";
import { retentionPartitions, retentionSweepJob, startRetentionRun } from "../retention/retention-runs.ts";
import { controllerToday, retentionDueSql } from "../retention/retention-sql.ts";
import { retentionBatchSize, retentionSweepHandler } from "../retention/retention-sweep-job.ts";
import type { Row } from "./bench-table.ts";
import { formatMs, timeOnce } from "./measure.ts";

const TARGET_MS = 60_000;
const DAY = 86_400_000;

/**
 * Makes `count` persons (the last by id, away from the bench list's first ones) due for retention
 * with realistic data: every record's basis ended over three years ago (the purposes keep for
 * three), a second e-mail address for every third, a phone and a postal address each, written
 * evidence on their consents; their retain-until recomputed as a record change would.
 */
export async function prepareRetentionDue(
  db: Database,
  input: { count: number; now: Date },
): Promise<string[]> {
  const ids = (
    await sql<{ id: string }>`SELECT id FROM person ORDER BY id DESC LIMIT ${input.count}`.execute(db)
  ).rows.map((row) => row.id);
  const persons = sql`${sql.val(ids)}::uuid[]`;
  const ended = new Date(input.now.getTime() - (3 * 365 + 60) * DAY);
  await db.transaction().execute(async (trx) => {
    await sql`
      UPDATE processing_record SET
        state = CASE WHEN legal_basis = 'consent' THEN 'withdrawn' ELSE 'ended' END,
        withdrawn_at = CASE WHEN legal_basis = 'consent' THEN ${ended}::timestamptz END,
        ended_at = CASE WHEN legal_basis = 'consent' THEN NULL ELSE ${ended}::timestamptz END,
        valid_until = NULL, updated_at = ${ended}
      WHERE person_id = ANY(${persons})`.execute(trx);
    await sql`
      INSERT INTO person_email (person_id, address, kind, is_primary)
      SELECT id, 'second.' || ord || '@mail.example', 'other', false
      FROM unnest(${persons}) WITH ORDINALITY AS x(id, ord) WHERE ord % 3 = 0`.execute(trx);
    await sql`
      INSERT INTO person_phone (person_id, kind, number, is_primary)
      SELECT id, 'mobile', '+49 151 ' || lpad(ord::text, 8, '0'), true
      FROM unnest(${persons}) WITH ORDINALITY AS x(id, ord)`.execute(trx);
    await sql`
      INSERT INTO person_address (person_id, kind, street, postal_code, city, country, is_primary)
      SELECT id, 'home', 'Lindenallee ' || (ord % 200 + 1), lpad((10000 + ord % 89999)::text, 5, '0'),
        'Hamburg', 'DE', true
      FROM unnest(${persons}) WITH ORDINALITY AS x(id, ord)`.execute(trx);
    await sql`
      INSERT INTO consent_evidence (processing_record_id, kind, description, created_at)
      SELECT r.id, 'note', 'Signed paper form, counter ' || (abs(hashtext(r.id::text)) % 9 + 1),
        coalesce(r.granted_at, r.created_at)
      FROM processing_record r WHERE r.person_id = ANY(${persons}) AND r.legal_basis = 'consent'`.execute(
      trx,
    );
  });
  for (let i = 0; i < ids.length; i += 5000)
    await db.transaction().execute((trx) => refreshTrafficLights(trx, ids.slice(i, i + 5000), input.now));
  await sql`VACUUM (ANALYZE) person, processing_record, person_email, person_phone, person_address, consent_evidence`.execute(
    db,
  );
  return ids;
}

/** Samples the process's resident memory while `run` runs; its peak and where it started. */
async function withPeakRss<T>(
  run: () => Promise<T>,
): Promise<{ result: T; startRss: number; peakRss: number }> {
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 25);
  try {
    const result = await run();
    return { result, startRss, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * The same erasure as hand-written set-based SQL in one transaction, rolled back: anonymize,
 * delete the communication data and evidence, suppression rows, erasure rows, one audit row per
 * person (hashed by PostgreSQL, not chained), keys shredded. The floor the product is compared to.
 */
async function plainSqlBaseline(
  db: Database,
  input: { today: string; now: Date },
): Promise<{ ms: number; n: number }> {
  let n = 0;
  const started = performance.now();
  await db
    .transaction()
    .execute(async (trx) => {
      const { now } = input;
      await sql`CREATE TEMP TABLE bench_due ON COMMIT DROP AS
        SELECT pe.id FROM person pe WHERE ${retentionDueSql({ today: input.today, now, level: 3 })}`.execute(
        trx,
      );
      await sql`ANALYZE bench_due`.execute(trx);
      const due = sql`(SELECT id FROM bench_due)`;
      await sql`
        INSERT INTO suppression_entry (email_hash, reason, created_at)
        SELECT DISTINCT encode(sha256(convert_to(lower(address), 'UTF8')), 'hex'), 'erasure', ${now}::timestamptz
        FROM person_email WHERE person_id IN ${due} ON CONFLICT (email_hash) DO NOTHING`.execute(trx);
      for (const table of ["person_email", "person_phone", "person_address", "marketing_list_member"])
        await sql`DELETE FROM ${sql.table(table)} WHERE person_id IN ${due}`.execute(trx);
      await sql`DELETE FROM consent_evidence ce USING processing_record r
        WHERE r.id = ce.processing_record_id AND r.person_id IN ${due}`.execute(trx);
      await sql`UPDATE processing_record SET note = NULL, recorded_by = NULL, updated_at = ${now}
        WHERE person_id IN ${due}`.execute(trx);
      const all = sql`${sql.val([...allChannels])}::text[]`;
      const updated = await sql`UPDATE person SET first_name = '', last_name = '', salutation = NULL,
        title = NULL, birthday = NULL, job_title = NULL, organization_id = NULL, retain_until = NULL,
        dm_objection_channels = ${all}, mail_blocks = ${all}, erased_level = 3, erased_at = ${now},
        traffic_light = 'red', updated_at = ${now}
        WHERE id IN ${due}`.execute(trx);
      n = Number(updated.numAffectedRows ?? 0);
      await sql`INSERT INTO erasure (person_id, level, reason, actor_type, erased_at)
        SELECT id, 3, 'retention_expiry', 'system', ${now} FROM bench_due`.execute(trx);
      await sql`INSERT INTO audit_event (occurred_at, actor_type, actor_id, action, entity_type, entity_id,
          person_id, changes, prev_hash, hash)
        SELECT ${now}, 'system', 'erasure', 'person.erased', 'person', id::text, id,
          jsonb_build_object('level', 3, 'reason', 'retention_expiry'), '',
          encode(sha256(convert_to('bench-baseline:' || id::text, 'UTF8')), 'hex')
        FROM bench_due`.execute(trx);
      await sql`INSERT INTO person_key (person_id, key, wrapped, shredded_at)
        SELECT id, NULL, true, ${now} FROM bench_due
        ON CONFLICT (person_id) DO UPDATE SET key = NULL, shredded_at = EXCLUDED.shredded_at`.execute(trx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return { ms: performance.now() - started, n };
}

class RolledBack extends Error {}

/**
 * `retention sweep <n> to level 3`: a real run from its start until its job is done, as back-to-back
 * cron calls run it (batches of 1000 persons, each its own transaction: the level-3 erasure, the
 * audit events, the run's counts), with the process's peak memory; against the plain-SQL floor.
 */
export async function benchRetentionSweep(
  db: Database,
  input: { count: number; now: Date },
  log: (line: string) => void,
): Promise<Row[]> {
  const prepared = await timeOnce(() => prepareRetentionDue(db, input));
  const today = controllerToday(input.now);
  const due = await countSweepable(db, { today, now: input.now, level: 3 });
  log(
    `\nretention: ${prepared.result.length} persons made due in ${formatMs(prepared.ms)}; ${due} due in all`,
  );
  const baseline = await plainSqlBaseline(db, { today, now: input.now });
  log(`retention baseline (plain SQL, rolled back): ${baseline.n} persons in ${formatMs(baseline.ms)}`);
  // The rolled-back baseline left a dead row or index entry for everything it wrote; production
  // has none of them, so the product does not pay for them (they cost it a third more time).
  const vacuum = await timeOnce(() =>
    sql`VACUUM (ANALYZE) person, person_email, person_phone, person_address, marketing_list_member,
      processing_record, consent_evidence, suppression_entry, erasure, audit_event, person_key`.execute(db),
  );
  log(`VACUUM after the baseline: ${formatMs(vacuum.ms)}`);

  const handlers = {
    [retentionSweepJob]: retentionSweepHandler({ suppressionSecret: "bench-suppression-secret" }),
  };
  let runs = 0;
  const sweep = await withPeakRss(() =>
    timeOnce(async () => {
      await startRetentionRun(db, { dryRun: false, now: input.now, actor: { type: "system", id: "bench" } });
      for (;;) {
        // As the cron route runs it: one runner per id partition, in parallel.
        const summaries = await Promise.all(
          Array.from({ length: retentionPartitions }, () =>
            runBulkJobs(db, handlers, {
              now: () => input.now,
              batchSize: retentionBatchSize,
              timeBudgetMs: 20_000,
            }),
          ),
        );
        runs++;
        if (summaries.some((s) => s.jobs.some((job) => job.state === "failed")))
          throw new Error("the retention job failed");
        if (!summaries.some((s) => s.more)) break;
      }
    }),
  );
  const { rows } = await sql<{ erased: number; events: number; failed: number }>`
    SELECT (SELECT count(*)::int FROM erasure WHERE reason = 'retention_expiry') AS erased,
      (SELECT count(*)::int FROM audit_event WHERE action = 'person.erased' AND actor_id = 'erasure') AS events,
      (SELECT coalesce(sum(failed), 0)::int FROM retention_run) AS failed`.execute(db);
  const done = rows[0]!;
  if (done.erased !== due || done.events !== due || done.failed !== 0)
    throw new Error(
      `the sweep erased ${done.erased} of ${due} (${done.events} events, ${done.failed} failed)`,
    );
  const ms = sweep.result.ms;
  const ratio = ms / baseline.ms;
  log(
    `retention sweep: ${done.erased} erased, ${done.events} audit events, ${runs} time-boxed rounds of ${retentionPartitions} runners; ` +
      `RSS ${mb(sweep.startRss)} at the start, peak ${mb(sweep.peakRss)}`,
  );
  return [
    {
      figure: `retention sweep ${due} to level 3`,
      stats: null,
      value: formatMs(ms),
      target: `< ${formatMs(TARGET_MS)}`,
      pass: ms < TARGET_MS,
    },
    {
      figure: `retention sweep ${due}: peak RSS`,
      stats: null,
      value: mb(sweep.peakRss),
      target: `start ${mb(sweep.startRss)}`,
      pass: null,
    },
    {
      figure: `retention sweep ${due}: baseline (plain SQL)`,
      stats: null,
      value: formatMs(baseline.ms),
      target: "",
      pass: null,
    },
    {
      figure: "retention sweep: ratio product/baseline",
      stats: null,
      value: `${ratio.toFixed(2)}×`,
      target: "",
      pass: null,
    },
  ];
}
