import { createHash } from "node:crypto";
import type { Selectable } from "kysely";
import type { Database } from "../create-database.ts";
import type { OutboxMessage } from "../tables/generated.ts";

/**
 * The dispatcher's side of the outbox. A claimed row is `sending` with a lease in
 * `next_attempt_at`: if its dispatcher dies, the lease expires and another one claims it again, so
 * nothing is stuck. `attempts` counts claims and doubles as a fencing token: a dispatcher whose
 * lease expired cannot overwrite the outcome recorded by the one that took over.
 */
export type ClaimedMessage = Selectable<OutboxMessage>;

export interface ClaimOptions {
  now: Date;
  limit: number;
  leaseSeconds: number;
}

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/**
 * 30 s × 2^(attempts−1), capped at 1 h, plus up to 10 % jitter derived from `seed`: deterministic,
 * so that the members of one provider batch (same seed) fall due together.
 */
export function retryDelayMs(attempts: number, seed: string): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
  const fraction = createHash("sha256").update(`${seed}:${attempts}`).digest().readUInt32BE(0) / 2 ** 32;
  return Math.round(base * (1 + fraction / 10));
}

/**
 * Claims up to `limit` due messages in one statement: pending ones whose time has come and
 * `sending` ones whose lease expired. `FOR UPDATE SKIP LOCKED` means concurrent dispatchers never
 * claim the same row; the claim counts as an attempt.
 */
export async function claimDueMessages(db: Database, options: ClaimOptions): Promise<ClaimedMessage[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseSeconds * 1000);
  return db
    .updateTable("outboxMessage")
    .set((eb) => ({ status: "sending", attempts: eb("attempts", "+", 1), nextAttemptAt: leaseUntil }))
    .where("id", "in", (eb) =>
      eb
        .selectFrom("outboxMessage")
        .select("id")
        .where((w) =>
          w.or([
            w("status", "=", "pending"),
            w.and([w("status", "=", "sending"), w("nextAttemptAt", "<=", options.now)]),
          ]),
        )
        .where("nextAttemptAt", "<=", options.now)
        .orderBy("nextAttemptAt")
        .limit(options.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/**
 * Claims the other claimable members of a pinned batch (see `pinBatch`), due or not, so that the
 * batch can be offered again exactly as before.
 */
export async function claimBatchMembers(
  db: Database,
  batchKey: string,
  options: Omit<ClaimOptions, "limit">,
): Promise<ClaimedMessage[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseSeconds * 1000);
  return db
    .updateTable("outboxMessage")
    .set((eb) => ({ status: "sending", attempts: eb("attempts", "+", 1), nextAttemptAt: leaseUntil }))
    .where("id", "in", (eb) =>
      eb
        .selectFrom("outboxMessage")
        .select("id")
        .where("dispatchBatch", "=", batchKey)
        .where((w) =>
          w.or([
            w("status", "=", "pending"),
            w.and([w("status", "=", "sending"), w("nextAttemptAt", "<=", options.now)]),
          ]),
        )
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/** Every member of a pinned batch with its status. */
export async function listBatchMembers(
  db: Database,
  batchKey: string,
): Promise<{ id: string; status: ClaimedMessage["status"] }[]> {
  return db
    .selectFrom("outboxMessage")
    .select(["id", "status"])
    .where("dispatchBatch", "=", batchKey)
    .orderBy("id")
    .execute();
}

/**
 * Pins claimed messages to the idempotency key of the batch request about to be made. Written
 * before the request, so that after a crash, a timeout or a 5xx the same batch is offered again
 * with the same key (which the provider deduplicates) instead of the messages one by one.
 */
export async function pinBatch(db: Database, ids: string[], batchKey: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("outboxMessage")
    .set({ dispatchBatch: batchKey })
    .where("id", "in", ids)
    .where("status", "=", "sending")
    .execute();
}

/** Drops the pin once the provider has certainly not accepted the batch (a 4xx answer). */
export async function unpinBatch(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("outboxMessage").set({ dispatchBatch: null }).where("id", "in", ids).execute();
}

/** Hands claims back without counting the attempt, e.g. when their batch is incomplete for now. */
export async function releaseClaims(
  db: Database,
  claims: Pick<ClaimedMessage, "id" | "attempts">[],
  now: Date,
): Promise<void> {
  for (const claim of claims)
    await db
      .updateTable("outboxMessage")
      .set({ status: "pending", attempts: claim.attempts - 1, nextAttemptAt: now })
      .where("id", "=", claim.id)
      .where("status", "=", "sending")
      .where("attempts", "=", claim.attempts)
      .execute();
}

/**
 * Records the provider's acceptance. Acceptance is the truth whatever the row says meanwhile, so
 * only an already `sent` (or `captured`) row is left alone.
 */
export async function markSent(
  db: Database,
  id: string,
  providerMessageId: string | null,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("outboxMessage")
    .set({ status: "sent", providerMessageId, sentAt: now, dispatchBatch: null })
    .where("id", "=", id)
    .where("status", "in", ["pending", "sending", "dead"])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The members of one accepted batch, together (a batch is accepted or refused as a whole). */
export async function markBatchSent(
  db: Database,
  sent: { id: string; providerMessageId: string | null }[],
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const item of sent) await markSent(trx, item.id, item.providerMessageId, now);
  });
}

/** Without a transport, claimed mails are kept as `captured` for the outbox page, never dropped. */
export async function markCaptured(db: Database, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable("outboxMessage")
    .set({ status: "captured", sentAt: now })
    .where("id", "in", ids)
    .where("status", "=", "sending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface FailOptions {
  maxAttempts: number;
  /** The `attempts` value of the claim: the update applies only if nobody claimed the row since. */
  attempt?: number;
}

/**
 * A failed attempt: back to `pending` after an exponential backoff, or `dead` once `maxAttempts`
 * claims have failed; `last_error` keeps the provider's answer. Returns the new status, or null if
 * the row was no longer this dispatcher's to decide.
 */
export async function markFailed(
  db: Database,
  id: string,
  error: string,
  now: Date,
  options: FailOptions,
): Promise<"pending" | "dead" | null> {
  const attempts =
    options.attempt ??
    (await db.selectFrom("outboxMessage").select("attempts").where("id", "=", id).executeTakeFirst())
      ?.attempts;
  if (attempts === undefined) return null;
  const [status] = await markBatchFailed(db, [{ id, attempts }], error, now, { ...options, seed: id });
  return status ?? null;
}

/**
 * Fails the members of one batch together: one backoff and one verdict (by their highest attempt
 * count) for all, in one transaction, so a pinned batch can always be offered again as a whole.
 */
export async function markBatchFailed(
  db: Database,
  claims: Pick<ClaimedMessage, "id" | "attempts">[],
  error: string,
  now: Date,
  options: { maxAttempts: number; seed: string },
): Promise<("pending" | "dead" | null)[]> {
  if (claims.length === 0) return [];
  const attempts = Math.max(...claims.map((claim) => claim.attempts));
  const status = attempts >= options.maxAttempts ? "dead" : "pending";
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts, options.seed));
  const lastError = error.slice(0, 2000);
  return db.transaction().execute(async (trx) => {
    const outcome: ("pending" | "dead" | null)[] = [];
    for (const claim of claims) {
      const result = await trx
        .updateTable("outboxMessage")
        .set({ status, nextAttemptAt, lastError })
        .where("id", "=", claim.id)
        .where("status", "=", "sending")
        .where("attempts", "=", claim.attempts)
        .executeTakeFirst();
      outcome.push(result.numUpdatedRows > 0n ? status : null);
    }
    return outcome;
  });
}

/**
 * Stores the rendering of a mail that was queued unrendered (a mass consent request), while this
 * dispatcher holds its claim: from now on it is sent, retried and shown exactly as rendered.
 */
export async function storeRendering(
  db: Database,
  claim: Pick<ClaimedMessage, "id" | "attempts">,
  mail: { subject: string; html: string; text: string; headers: Record<string, string> },
): Promise<boolean> {
  const result = await db
    .updateTable("outboxMessage")
    .set({ subject: mail.subject, html: mail.html, text: mail.text, headers: JSON.stringify(mail.headers) })
    .where("id", "=", claim.id)
    .where("status", "=", "sending")
    .where("attempts", "=", claim.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * A queued mail that must not go out any more (the person was erased, restricted, objected or
 * blocked the channel since it was queued): `cancelled`, with the domain's reason kept.
 */
export async function markCancelled(
  db: Database,
  claim: Pick<ClaimedMessage, "id" | "attempts">,
  reason: string,
): Promise<boolean> {
  const result = await db
    .updateTable("outboxMessage")
    .set({ status: "cancelled", lastError: reason.slice(0, 2000) })
    .where("id", "=", claim.id)
    .where("status", "=", "sending")
    .where("attempts", "=", claim.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
