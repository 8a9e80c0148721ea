import { type ErasureLevel, retentionActionLevel } from "@purposeful/domain";
import { sql } from "kysely";
import { recordAuditBatch } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { erasePersonsBatch } from "../erasure/erase-persons.ts";
import { deleteExpiredHolds } from "../erasure/held-items.ts";
import type { BulkJobHandler } from "../jobs/bulk-jobs.ts";
import { countSweepable, sweepableBatch } from "./due-persons.ts";
import { otherRunJobsDone, retentionSweepParams, retentionSystemActor } from "./retention-runs.ts";
import { queueRetentionSummary } from "./retention-summary.ts";

/** Persons per batch at most, whatever the runner asks: a level-3 erasure is many statements. */
export const retentionBatchSize = 1000;

export interface RetentionCounts {
  due: number;
  erased: number;
  queued: number;
  failed: number;
  heldDeleted: number;
}

/**
 * The retention sweep as a bulk job: walks the persons due for the run's action (set-based, in the
 * order of person_retention_due_idx, locked for the batch) and, in each batch's transaction, queues
 * them for the DPO's review or erases them at the action's level through `erasePersonsBatch` (actor
 * "system", reason retention_expiry). A batch that fails is retried person by person, each in a
 * savepoint: a person that fails is rolled back completely and counted `failed`, the others go on.
 * A run is swept by one job per id partition (runners in parallel); the last batch of the last
 * job deletes the held items whose hold ended, finishes the run and queues the DPO's summary. A dry
 * run only counts, and changes nothing but its run row.
 */
export function retentionSweepHandler(secrets: { suppressionSecret: string }): BulkJobHandler {
  return {
    async count(db, job) {
      const p = retentionSweepParams(job.params);
      const level = retentionActionLevel(p.action);
      return countSweepable(db, {
        today: p.today,
        now: new Date(p.startedAt),
        level,
        partition: p.partition,
      });
    },

    async batch(trx, job, { cursor, limit, now }) {
      const p = retentionSweepParams(job.params);
      const level = retentionActionLevel(p.action);
      const size = Math.min(limit, retentionBatchSize);
      const batch = await sweepableBatch(trx, {
        today: p.today,
        now,
        level,
        cursor,
        limit: size,
        lock: !p.dryRun,
        partition: p.partition,
      });
      const ids = batch.ids;
      const counts: RetentionCounts = { due: ids.length, erased: 0, queued: 0, failed: 0, heldDeleted: 0 };
      if (p.dryRun) {
        if (p.action === "review") counts.queued = ids.length;
        else counts.erased = ids.length;
      } else if (p.action === "review") {
        counts.queued = await queueForReview(trx, ids, { runId: p.runId, now });
      } else {
        const outcome = await eraseDue(trx, ids, { level, runId: p.runId, now, ...secrets });
        counts.erased = outcome.erased;
        counts.failed = outcome.failed;
      }
      const done = ids.length < size;
      // The run ends with its last job: held items whose hold ended, the counts, the DPO's summary.
      const last = done && (await otherRunJobsDone(trx, p.runId, job.id));
      if (last) counts.heldDeleted = await endHolds(trx, { today: p.today, now, dryRun: p.dryRun });
      await sql`
        UPDATE retention_run SET due = due + ${counts.due}, erased = erased + ${counts.erased},
          queued = queued + ${counts.queued}, failed = failed + ${counts.failed},
          held_deleted = held_deleted + ${counts.heldDeleted},
          finished_at = ${last ? now : null}::timestamptz
        WHERE id = ${p.runId}`.execute(trx);
      if (last && !p.dryRun) await queueRetentionSummary(trx, p.runId, now);
      return { processed: ids.length, cursor: batch.cursor, done, result: { ...counts } };
    },
  };
}

/** Queues due persons for the DPO's review (once: a person already queued keeps the first date). */
async function queueForReview(
  trx: Database,
  ids: readonly string[],
  input: { runId: string; now: Date },
): Promise<number> {
  if (ids.length === 0) return 0;
  const { rows } = await sql<{ id: string }>`
    UPDATE person SET retention_review_at = ${input.now}
    WHERE id = ANY(${sql.val(ids)}::uuid[]) AND retention_review_at IS NULL
    RETURNING id`.execute(trx);
  await recordAuditBatch(
    trx,
    rows.map((row) => ({
      actor: retentionSystemActor,
      action: "person.retention_review_queued",
      entityType: "person",
      entityId: row.id,
      personId: row.id,
      changes: { retentionRunId: input.runId },
      at: input.now,
    })),
  );
  return rows.length;
}

/**
 * Erases the batch in one go; if that fails, person by person, each in a savepoint of the batch's
 * transaction, so one bad person rolls back alone and is counted (and audited, without the error's
 * text, which may quote their data) as failed.
 */
async function eraseDue(
  trx: Database,
  ids: readonly string[],
  input: { level: ErasureLevel; runId: string; now: Date; suppressionSecret: string },
): Promise<{ erased: number; failed: number }> {
  if (ids.length === 0) return { erased: 0, failed: 0 };
  const erase = (personIds: readonly string[]) =>
    erasePersonsBatch(trx, {
      personIds,
      level: input.level,
      reason: "retention_expiry",
      actor: { type: "system" },
      now: input.now,
      suppressionSecret: input.suppressionSecret,
      retentionRunId: input.runId,
    });
  const whole = await inSavepoint(trx, "retention_batch", () => erase(ids));
  if (whole.ok) return { erased: whole.value.erased.length, failed: 0 };
  let erased = 0;
  const failed: { id: string; code: string }[] = [];
  for (const id of ids) {
    const one = await inSavepoint(trx, "retention_person", () => erase([id]));
    if (one.ok) erased += one.value.erased.length;
    else failed.push({ id, code: errorCode(one.error) });
  }
  await recordAuditBatch(
    trx,
    failed.map(({ id, code }) => ({
      actor: retentionSystemActor,
      action: "person.retention_erasure_failed",
      entityType: "person",
      entityId: id,
      personId: id,
      changes: { retentionRunId: input.runId, level: input.level, error: code },
      at: input.now,
    })),
  );
  return { erased, failed: failed.length };
}

async function inSavepoint<T>(
  trx: Database,
  name: string,
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  await sql`SAVEPOINT ${sql.id(name)}`.execute(trx);
  try {
    const value = await run();
    await sql`RELEASE SAVEPOINT ${sql.id(name)}`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT ${sql.id(name)}`.execute(trx);
    return { ok: false, error };
  }
}

/** A PostgreSQL SQLSTATE or an error's class: enough to look into, nothing personal. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return `sqlstate_${code}`;
  if (error instanceof Error && "reason" in error && typeof error.reason === "string") return error.reason;
  return error instanceof Error ? error.name : "unknown";
}

/** Deletes the held items whose hold ended (counts them in a dry run). */
async function endHolds(
  trx: Database,
  input: { today: string; now: Date; dryRun: boolean },
): Promise<number> {
  if (!input.dryRun) {
    const deleted = await deleteExpiredHolds(trx, { today: input.today, now: input.now });
    return deleted.documents + deleted.bankAccounts + deleted.consentEvidence;
  }
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM consent_evidence WHERE held_until <= ${input.today}::date)
      + (SELECT count(*) FROM document WHERE held_until <= ${input.today}::date)
      + (SELECT count(*) FROM bank_account WHERE held_until <= ${input.today}::date) AS n`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}
