import { isRetentionAction, type RetentionAction } from "@purposeful/domain";
import { sql } from "kysely";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
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
  /** The share of person ids this job sweeps: from (inclusive) to (exclusive); null is open. */
  partition: { from: string | null; to: string | null };
}

/**
 * A run's sweep is split into this many jobs by person id, so that runners in parallel (the cron
 * route starts as many) erase different persons at once; the chain lock of the audit trail is the
 * only part they take turns at.
 */
export const retentionPartitions = 2;

/** `count` equal ranges of the uuid space, by its first hex digit (count divides 16). */
export function idPartitions(count: number): RetentionSweepParams["partition"][] {
  if (!Number.isInteger(count) || count < 1 || 16 % count !== 0)
    throw new Error(`bad partition count ${count}`);
  const bound = (i: number) =>
    i === 0 || i === count ? null : `${((16 / count) * i).toString(16)}0000000-0000-0000-0000-000000000000`;
  return Array.from({ length: count }, (_, i) => ({ from: bound(i), to: bound(i + 1) }));
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
    typeof p.startedAt !== "string" ||
    typeof p.partition !== "object" ||
    p.partition === null
  )
    throw new Error("retention sweep job without valid params");
  return p as RetentionSweepParams;
}

// Serializes the start of runs, so two schedulers calling at once share one run.
const RUN_START_LOCK = 7_302_115_009;

export const retentionSystemActor: Actor = { type: "system", id: "retention" };

/**
 * Starts a retention run (a `retention_run` row and its `retention_sweep` jobs, one per id partition,
 * with the company's action and the controller's day), or joins one: a run of the same kind (dry or
 * not) with a job still queued or running is shared. Safe to call concurrently (an advisory lock).
 * Calling again after a run finished starts a new one, which finds only who became due since.
 */
export async function startRetentionRun(
  db: Database,
  input: { dryRun: boolean; now: Date; actor: Actor; partitions?: number },
): Promise<{ runId: string; reused: boolean }> {
  const run = async (trx: Database) => {
    await sql`SELECT pg_advisory_xact_lock(${RUN_START_LOCK})`.execute(trx);
    const today = controllerToday(input.now);
    const open = await trx
      .selectFrom("retentionRun as rr")
      .select("rr.id")
      .where("rr.dryRun", "=", input.dryRun)
      .where("rr.finishedAt", "is", null)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("bulkJob as j")
            .select("j.id")
            .where("j.kind", "=", retentionSweepJob)
            .whereRef("j.subjectId", "=", "rr.id")
            .where("j.state", "in", ["queued", "running"]),
        ),
      )
      .orderBy("rr.startedAt", "desc")
      .executeTakeFirst();
    if (open) return { runId: open.id, reused: true };
    const { retentionAction: action } = await getCompanySettings(trx);
    const { id: runId } = await trx
      .insertInto("retentionRun")
      .values({ dryRun: input.dryRun, action, today, startedAt: input.now })
      .returning("id")
      .executeTakeFirstOrThrow();
    const jobs = await trx
      .insertInto("bulkJob")
      .values(
        idPartitions(input.partitions ?? retentionPartitions).map((partition) => {
          const params: RetentionSweepParams = {
            runId,
            dryRun: input.dryRun,
            action,
            today,
            startedAt: input.now.toISOString(),
            partition,
          };
          return {
            kind: retentionSweepJob,
            subjectId: runId,
            params: JSON.stringify(params),
            actorType: input.actor.type,
            actorId: input.actor.id,
            createdAt: input.now,
            updatedAt: input.now,
          };
        }),
      )
      .returning("id")
      .execute();
    await trx.updateTable("retentionRun").set({ jobId: jobs[0]!.id }).where("id", "=", runId).execute();
    // A dry run changes nothing but its run row; a real one is on the audit trail from its start.
    if (!input.dryRun)
      await recordAudit(trx, {
        actor: input.actor,
        action: "retention.run_started",
        entityType: "retention_run",
        entityId: runId,
        changes: { dryRun: input.dryRun, action, today, jobs: jobs.length },
        at: input.now,
      });
    return { runId, reused: false };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/**
 * Whether the run's other jobs are all done. Called by a job's last batch with the run row locked,
 * so of two partitions finishing at once exactly one sees the other done (READ COMMITTED: the
 * second reads after the first committed).
 */
export async function otherRunJobsDone(trx: Database, runId: string, jobId: string): Promise<boolean> {
  await trx.selectFrom("retentionRun").select("id").where("id", "=", runId).forUpdate().execute();
  const open = await trx
    .selectFrom("bulkJob")
    .select("id")
    .where("kind", "=", retentionSweepJob)
    .where("subjectId", "=", runId)
    .where("id", "<>", jobId)
    .where("state", "<>", "done")
    .executeTakeFirst();
  return open === undefined;
}

/** A run with its counts and the state of its jobs together (failed if one failed, done if all are). */
function runsQuery(db: Database) {
  return db
    .selectFrom("retentionRun as rr")
    .select([
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
    ])
    .select((eb) =>
      eb
        .selectFrom("bulkJob as j")
        .select(
          sql<"queued" | "running" | "done" | "failed">`CASE
            WHEN bool_or(j.state IN ('failed', 'cancelled')) THEN 'failed'
            WHEN bool_and(j.state = 'done') THEN 'done'
            WHEN bool_and(j.state = 'queued') THEN 'queued'
            ELSE 'running' END`.as("s"),
        )
        .where("j.kind", "=", retentionSweepJob)
        .whereRef("j.subjectId", "=", "rr.id")
        .as("jobState"),
    );
}

/** One run with its counts and its jobs' state. */
export async function getRetentionRun(db: Database, runId: string) {
  return (await runsQuery(db).where("rr.id", "=", runId).executeTakeFirst()) ?? null;
}
export type RetentionRunView = NonNullable<Awaited<ReturnType<typeof getRetentionRun>>>;

/** The newest runs first, dry runs included. */
export async function listRetentionRuns(db: Database, limit = 20): Promise<RetentionRunView[]> {
  return runsQuery(db).orderBy("rr.startedAt", "desc").orderBy("rr.id", "desc").limit(limit).execute();
}
