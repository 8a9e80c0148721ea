import { sql } from "kysely";
import type { Actor } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";

export type BulkJobState = "queued" | "running" | "done" | "failed" | "cancelled";
export type BulkJobResult = Record<string, number>;

/** A job this runner holds; `leaseUntil` is also its fencing token (see `runBatch`). */
export interface ClaimedBulkJob {
  id: string;
  kind: string;
  subjectId: string | null;
  params: unknown;
  total: number | null;
  attempts: number;
  leaseUntil: Date;
}

export interface BulkJobBatch {
  /** Items handled in this batch. */
  processed: number;
  /** Where the next batch starts (a keyset cursor); null when done. */
  cursor: string | null;
  done: boolean;
  /** Counters added up over the batches into the job's `result`. */
  result?: BulkJobResult;
}

/** What a kind of bulk job does: count its items once, then work through them batch by batch. */
export interface BulkJobHandler {
  count(db: Database, job: ClaimedBulkJob): Promise<number>;
  /** One batch after `cursor`, in the caller's transaction; must be idempotent. */
  batch(
    trx: Database,
    job: ClaimedBulkJob,
    input: { cursor: string | null; limit: number; now: Date },
  ): Promise<BulkJobBatch>;
}
export type BulkJobHandlers = Record<string, BulkJobHandler>;

/** A job given up after this many failed or abandoned runs. */
export const maxBulkJobAttempts = 5;

/**
 * Queues a bulk job in the caller's transaction (it starts only once that commits). A job of the
 * same kind and subject that is still queued is reused: it has not started, so it will see the
 * latest state anyway. A running one is not: it may already have passed items the change affects.
 */
export async function enqueueBulkJob(
  trx: Database,
  input: { kind: string; subjectId: string | null; params?: object; actor: Actor; at: Date },
): Promise<{ id: string; reused: boolean }> {
  let waiting = trx
    .selectFrom("bulkJob")
    .select("id")
    .where("kind", "=", input.kind)
    .where("state", "=", "queued");
  waiting =
    input.subjectId === null
      ? waiting.where("subjectId", "is", null)
      : waiting.where("subjectId", "=", input.subjectId);
  const existing = await waiting.forUpdate().executeTakeFirst();
  if (existing) return { id: existing.id, reused: true };
  const job = await trx
    .insertInto("bulkJob")
    .values({
      kind: input.kind,
      subjectId: input.subjectId,
      params: JSON.stringify(input.params ?? {}),
      actorType: input.actor.type,
      actorId: input.actor.id,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: job.id, reused: false };
}

const jobColumns = [
  "id",
  "kind",
  "subjectId",
  "state",
  "total",
  "processed",
  "result",
  "error",
  "attempts",
  "createdAt",
  "startedAt",
  "finishedAt",
  "updatedAt",
] as const;

/** The newest job of a kind about a subject (e.g. the light refresh of one purpose), or null. */
export async function latestBulkJob(db: Database, kind: string, subjectId: string) {
  const job = await db
    .selectFrom("bulkJob")
    .select(jobColumns)
    .where("kind", "=", kind)
    .where("subjectId", "=", subjectId)
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return job ? { ...job, result: (job.result ?? {}) as BulkJobResult } : null;
}
export type BulkJobView = NonNullable<Awaited<ReturnType<typeof latestBulkJob>>>;

/**
 * Claims the oldest due job: queued, or running without a live lease (released at the end of a
 * time box, or abandoned by a runner that died). `FOR UPDATE SKIP LOCKED` means concurrent runners
 * never claim the same job; taking over an expired lease counts as an attempt.
 */
export async function claimBulkJob(
  db: Database,
  options: { now: Date; leaseMs: number; kinds: readonly string[]; skip?: readonly string[] },
): Promise<ClaimedBulkJob | null> {
  if (options.kinds.length === 0) return null;
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const row = await db
    .updateTable("bulkJob")
    .set({
      state: "running",
      leaseUntil,
      attempts: sql`attempts + CASE WHEN lease_until IS NULL THEN 0 ELSE 1 END`,
      startedAt: sql`coalesce(started_at, ${options.now})`,
      updatedAt: options.now,
    })
    .where("id", "=", (eb) =>
      eb
        .selectFrom("bulkJob")
        .select("id")
        .where("state", "in", ["queued", "running"])
        .where("kind", "in", options.kinds)
        .$if((options.skip ?? []).length > 0, (q) => q.where("id", "not in", options.skip!))
        .where((w) => w.or([w("leaseUntil", "is", null), w("leaseUntil", "<=", options.now)]))
        .orderBy("createdAt")
        .orderBy("id")
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(["id", "kind", "subjectId", "params", "total", "attempts"])
    .executeTakeFirst();
  return row ? { ...row, leaseUntil } : null;
}

/**
 * Releases a job the runner still holds (it stays claimable), optionally ending it or noting an
 * error: written only while the lease is the runner's.
 */
export async function releaseBulkJob(
  db: Database,
  job: ClaimedBulkJob,
  fields: { state?: BulkJobState; error?: string | null; attempts?: number; total?: number },
  now: Date,
) {
  const ended = fields.state === "done" || fields.state === "failed";
  await db
    .updateTable("bulkJob")
    .set({ ...fields, leaseUntil: null, updatedAt: now, ...(ended ? { finishedAt: now } : {}) })
    .where("id", "=", job.id)
    .where("leaseUntil", "=", job.leaseUntil)
    .execute();
}

/**
 * Runs one batch in a transaction of its own: locks the job row, checks the lease is still this
 * runner's (a runner that stalled past its lease finds another's lease and stops: no batch is
 * done twice), processes the batch, then advances cursor and progress and renews the lease in
 * the same commit. A crash before the commit loses nothing but the batch's work, which the next
 * runner redoes from the stored cursor.
 */
export async function runBulkJobBatch(
  db: Database,
  handler: BulkJobHandler,
  job: ClaimedBulkJob,
  options: { now: Date; leaseMs: number; batchSize: number },
): Promise<{ outcome: "more" | "done" | "lost"; processed: number }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("bulkJob")
      .select(["state", "cursor", "processed", "result", "leaseUntil"])
      .where("id", "=", job.id)
      .forUpdate()
      .executeTakeFirst();
    if (row?.state !== "running" || row.leaseUntil?.getTime() !== job.leaseUntil.getTime())
      return { outcome: "lost", processed: 0 };
    const batch = await handler.batch(trx, job, {
      cursor: row.cursor,
      limit: options.batchSize,
      now: options.now,
    });
    const result: BulkJobResult = { ...((row.result ?? {}) as BulkJobResult) };
    for (const [key, value] of Object.entries(batch.result ?? {})) result[key] = (result[key] ?? 0) + value;
    const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
    await trx
      .updateTable("bulkJob")
      .set({
        processed: row.processed + batch.processed,
        cursor: batch.cursor,
        result: JSON.stringify(result),
        error: null,
        updatedAt: options.now,
        ...(batch.done ? { state: "done", leaseUntil: null, finishedAt: options.now } : { leaseUntil }),
      })
      .where("id", "=", job.id)
      .execute();
    job.leaseUntil = leaseUntil;
    return { outcome: batch.done ? "done" : "more", processed: batch.processed };
  });
}
