import { type RawBuilder, sql } from "kysely";
import type { Database } from "../create-database.ts";
import type { BulkJobHandler, ClaimedBulkJob } from "../jobs/bulk-jobs.ts";
import { storeCaseStep } from "./case-support.ts";
import { auditIncidentOnce } from "./incident-report.ts";

/** The bulk job that tells the people affected by a breach (Art. 34); its subject is the incident. */
export const breachNoticeJob = "breach_notice";
/** The template of the Art. 34 notice; rendered by the dispatcher, not when queued. */
export const breachNoticeTemplate = "breach-notice";

/**
 * The one key of a person's notice about an incident: a repeated batch, a restarted job or a second
 * job after a failed one queues nothing twice (`ON CONFLICT DO NOTHING`).
 */
export const breachNoticeKeySql = (incidentId: RawBuilder<unknown> | string, personId: RawBuilder<unknown>) =>
  sql<string>`'breach-notice:' || ${incidentId}::text || ':' || ${personId}::text`;

/**
 * `breachNoticeReach` of packages/domain in SQL, over `pe` (person) and `em` (the primary
 * person_email, LEFT JOINed): level-3 erasure first, then the address; proven equal to the domain
 * rule in breach-notice-job.int.test.ts.
 */
export const breachNoticeReachSql = sql<"email" | "no_email" | "erased">`CASE
  WHEN pe.erased_level >= 3 THEN 'erased' WHEN em.id IS NULL THEN 'no_email' ELSE 'email' END`;

const linkedAfter = (db: Database, incidentId: string, cursor: string | null, limit: number) =>
  db
    .selectFrom("caseLink")
    .select("personId")
    .distinct()
    .where("incidentId", "=", incidentId)
    .where("personId", "is not", null)
    .$if(cursor !== null, (q) => q.where("personId", ">", cursor!))
    .orderBy("personId")
    .limit(limit)
    .execute();

/**
 * When the last batch is through: the incident records when its people were notified, the
 * `notify_data_subjects` step is done with the job as its result, and each linked person's history
 * gets the counts (no addresses). In the last batch's transaction, so it happens exactly once.
 */
async function finishNotice(trx: Database, job: ClaimedBulkJob, now: Date) {
  const incidentId = job.subjectId!;
  const step = await trx
    .selectFrom("caseStep")
    .select("id")
    .where("incidentId", "=", incidentId)
    .where("key", "=", "notify_data_subjects")
    .executeTakeFirst();
  // The DPO skipped the step meanwhile (Art. 34(3)): the mails went, the skip stands.
  if (step) return;
  const { actorId } = await trx
    .selectFrom("bulkJob")
    .select("actorId")
    .where("id", "=", job.id)
    .executeTakeFirstOrThrow();
  const counts = await sql<{ linked: string; queued: string }>`
    SELECT count(*) AS linked, count(om.id) AS queued
    FROM (SELECT DISTINCT person_id FROM case_link WHERE incident_id = ${incidentId} AND person_id IS NOT NULL) cl
    LEFT JOIN outbox_message om ON om.idempotency_key = ${breachNoticeKeySql(incidentId, sql`cl.person_id`)}`
    .execute(trx)
    .then((result) => result.rows[0]!);
  const queued = Number(counts.queued);
  const notReachable = Number(counts.linked) - queued;
  const by = { staffUserId: actorId!, at: now };
  await trx
    .updateTable("incident")
    .set({ subjectsNotifiedAt: now, updatedAt: now })
    .where("id", "=", incidentId)
    .execute();
  await storeCaseStep(
    trx,
    { incidentId },
    {
      key: "notify_data_subjects",
      skipReason: null,
      note: null,
      result: { bulkJobId: job.id, queued: String(queued), notReachable: String(notReachable) },
    },
    by,
  );
  await auditIncidentOnce(trx, incidentId, "incident.subjects_notified", { queued, notReachable }, by);
}

/**
 * The batch of an Art. 34 notification, set-based in the runner's transaction (a crash loses the
 * whole batch or nothing): the next linked persons by id, one unrendered outbox mail each for those
 * `breachNoticeReachSql` reaches, to their primary address in their language (`INSERT … SELECT`,
 * keyed per incident × person, so a repeat is a no-op); the others are counted as not reachable.
 */
export const breachNoticeHandler: BulkJobHandler = {
  async count(db, job) {
    const row = await db
      .selectFrom("caseLink")
      .select((eb) => eb.fn.count<string>("personId").distinct().as("n"))
      .where("incidentId", "=", job.subjectId!)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async batch(trx, job, { cursor, limit, now }) {
    const incidentId = job.subjectId!;
    const ids = (await linkedAfter(trx, incidentId, cursor, limit)).map((row) => row.personId!);
    const done = ids.length < limit;
    let result = { queued: 0, alreadyQueued: 0, notReachable: 0 };
    if (ids.length > 0) {
      const { rows } = await sql<{ reachable: string; queued: string }>`
        WITH v AS MATERIALIZED (
          SELECT pe.id AS person_id, pe.preferred_language, em.address, ${breachNoticeReachSql} AS reach
          FROM person pe
          LEFT JOIN person_email em ON em.person_id = pe.id AND em.is_primary
          WHERE pe.id = ANY(${sql.val(ids)}::uuid[])),
        queued AS (
          INSERT INTO outbox_message (idempotency_key, person_id, to_address, template, language, props,
            headers, status, next_attempt_at, created_at)
          SELECT ${breachNoticeKeySql(incidentId, sql`v.person_id`)}, v.person_id, v.address,
            ${breachNoticeTemplate}, v.preferred_language, jsonb_build_object('incidentId', ${incidentId}::text),
            '{}'::jsonb, 'pending', ${now}, ${now}
          FROM v WHERE v.reach = 'email'
          ON CONFLICT (idempotency_key) DO NOTHING
          RETURNING id)
        SELECT (SELECT count(*) FROM v WHERE reach = 'email') AS reachable,
          (SELECT count(*) FROM queued) AS queued`.execute(trx);
      const reachable = Number(rows[0]!.reachable);
      const queued = Number(rows[0]!.queued);
      result = { queued, alreadyQueued: reachable - queued, notReachable: ids.length - reachable };
    }
    if (done) await finishNotice(trx, job, now);
    return { processed: ids.length, cursor: ids.at(-1) ?? cursor, done, result };
  },
};
