import { isRetentionAction, type RetentionAction } from "@purposeful/domain";
import { sql } from "kysely";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { enqueueBulkJob } from "../jobs/bulk-jobs.ts";
import { getCompanySettings } from "../repositories/settings.ts";
import { controllerToday } from "./retention-sql.ts";

/** The kind of bulk job that sweeps the persons due for retention (see retention-sweep-job.ts). */
export const retentionSweepJob = "retention_sweep";

/** What a sweep job carries: its run, and what the run decided when it started. */
export interface RetentionSweepParams {
  runId: string;
  dryRun: boolean;
  action: RetentionAction;
  /** the controller's day the run judges retain-until dates against (YYYY-MM-DD) */
  today: string;
  /** when the run started (ISO), the instant its count judges validity at */
  startedAt: string;
}

export function retentionSweepParams(params: unknown): RetentionSweepParams {
  const p = params as Partial<RetentionSweepParams> | null;
  if (
    !p ||
    typeof p.runId !== "string" ||
    typeof p.dryRun !== "boolean" ||
    typeof p.action !== "string" ||
    !isRetentionAction(p.action) ||
    typeof p.today !== "string" ||
    typeof p.startedAt !== "string"
  )
    throw new Error("retention sweep job without valid params");
  return p as RetentionSweepParams;
}

// Serializes the start of runs, so two schedulers calling at once share one run.
const RUN_START_LOCK = 7_302_115_009;

export const retentionSystemActor: Actor = { type: "system", id: "retention" };

/**
 * Starts a retention run (a `retention_run` row and its `retention_sweep` job, with the company's
 * action and the controller's day), or joins one: a run of the same kind (dry or not) whose job is
 * still queued or running is shared. Safe to call concurrently (an advisory lock). Calling again
 * after a run finished starts a new one, which finds only who became due since.
 */
export async function startRetentionRun(
  db: Database,
  input: { dryRun: boolean; now: Date; actor: Actor },
): Promise<{ runId: string; jobId: string | null; reused: boolean }> {
  const run = async (trx: Database) => {
    await sql`SELECT pg_advisory_xact_lock(${RUN_START_LOCK})`.execute(trx);
    const today = controllerToday(input.now);
    const open = await trx
      .selectFrom("retentionRun as rr")
      .innerJoin("bulkJob as j", "j.id", "rr.jobId")
      .select(["rr.id", "rr.jobId"])
      .where("rr.dryRun", "=", input.dryRun)
      .where("rr.finishedAt", "is", null)
      .where("j.state", "in", ["queued", "running"])
      .orderBy("rr.startedAt", "desc")
      .executeTakeFirst();
    if (open) return { runId: open.id, jobId: open.jobId, reused: true };
    const { retentionAction: action } = await getCompanySettings(trx);
    const { id: runId } = await trx
      .insertInto("retentionRun")
      .values({ dryRun: input.dryRun, action, today, startedAt: input.now })
      .returning("id")
      .executeTakeFirstOrThrow();
    const params: RetentionSweepParams = {
      runId,
      dryRun: input.dryRun,
      action,
      today,
      startedAt: input.now.toISOString(),
    };
    const job = await enqueueBulkJob(trx, {
      kind: retentionSweepJob,
      subjectId: runId,
      params,
      actor: input.actor,
      at: input.now,
    });
    await trx.updateTable("retentionRun").set({ jobId: job.id }).where("id", "=", runId).execute();
    // A dry run changes nothing but its run row; a real one is on the audit trail from its start.
    if (!input.dryRun)
      await recordAudit(trx, {
        actor: input.actor,
        action: "retention.run_started",
        entityType: "retention_run",
        entityId: runId,
        changes: { dryRun: input.dryRun, action, today },
        at: input.now,
      });
    return { runId, jobId: job.id, reused: false };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

const runColumns = [
  "rr.id",
  "rr.dryRun",
  "rr.action",
  "rr.today",
  "rr.due",
  "rr.erased",
  "rr.queued",
  "rr.failed",
  "rr.heldDeleted",
  "rr.startedAt",
  "rr.finishedAt",
  "rr.summaryMailedAt",
  "j.state as jobState",
  "j.total",
  "j.processed",
  "j.error",
] as const;

/** One run with its counts and its job's state. */
export async function getRetentionRun(db: Database, runId: string) {
  return (
    (await db
      .selectFrom("retentionRun as rr")
      .leftJoin("bulkJob as j", "j.id", "rr.jobId")
      .select(runColumns)
      .where("rr.id", "=", runId)
      .executeTakeFirst()) ?? null
  );
}
export type RetentionRunView = NonNullable<Awaited<ReturnType<typeof getRetentionRun>>>;

/** The newest runs first, dry runs included. */
export async function listRetentionRuns(db: Database, limit = 20): Promise<RetentionRunView[]> {
  return db
    .selectFrom("retentionRun as rr")
    .leftJoin("bulkJob as j", "j.id", "rr.jobId")
    .select(runColumns)
    .orderBy("rr.startedAt", "desc")
    .orderBy("rr.id", "desc")
    .limit(limit)
    .execute();
}
