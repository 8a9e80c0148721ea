import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";

type OutboxStatus = "pending" | "sending" | "sent" | "captured" | "dead" | "cancelled";

/** What the outbox table shows of a message; the detail view adds bodies and headers. */
const summaryColumns = [
  "id",
  "createdAt",
  "toAddress",
  "template",
  "language",
  "subject",
  "status",
  "attempts",
  "lastError",
  "nextAttemptAt",
  "sentAt",
] as const;

/** Newest first by keyset (created_at DESC, id), optionally one status; no bodies. */
export async function listOutboxMessages(
  db: Database,
  input: { status?: OutboxStatus; afterId?: string | null; limit: number },
) {
  let query = db
    .selectFrom("outboxMessage")
    .select(summaryColumns)
    .orderBy("createdAt", "desc")
    .orderBy("id")
    .limit(input.limit + 1);
  if (input.status) query = query.where("status", "=", input.status);
  const afterId = input.afterId;
  if (afterId) {
    // Compared in the database, so the cursor keeps the column's full (microsecond) precision.
    query = query.where((eb) => {
      const after = eb.selectFrom("outboxMessage").select("createdAt").where("id", "=", afterId);
      return eb.or([
        eb("createdAt", "<", after),
        eb.and([eb("createdAt", "=", after), eb("id", ">", afterId)]),
      ]);
    });
  }
  const rows = await query.execute();
  const page = rows.slice(0, input.limit);
  return { rows: page, nextAfterId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

/** One message as stored (bodies with link placeholders, headers, the provider's last error), or undefined. */
export async function getOutboxMessage(db: Database, id: string) {
  return db
    .selectFrom("outboxMessage")
    .select([...summaryColumns, "providerMessageId", "idempotencyKey", "html", "text", "headers"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * Gives a dead message another full round of attempts, audited; call in a transaction. It keeps its
 * idempotency key, so a mail the provider did accept (within its 24 h key window) is still not
 * delivered twice. Refuses (writing nothing) an unknown message or one that is not dead.
 */
export async function retryDeadOutboxMessage(
  trx: Database,
  input: { id: string; actor: Actor; at: Date },
): Promise<{ ok: true; id: string } | { ok: false; reason: "not_found" | "not_dead" }> {
  const message = await trx
    .selectFrom("outboxMessage")
    .select(["id", "status", "attempts", "personId"])
    .where("id", "=", input.id)
    .forUpdate()
    .executeTakeFirst();
  if (!message) return { ok: false, reason: "not_found" };
  if (message.status !== "dead") return { ok: false, reason: "not_dead" };
  await trx
    .updateTable("outboxMessage")
    .set({ status: "pending", attempts: 0, nextAttemptAt: input.at, dispatchBatch: null })
    .where("id", "=", message.id)
    .execute();
  await recordAudit(trx, {
    actor: input.actor,
    action: "outbox.retried",
    entityType: "outbox_message",
    entityId: message.id,
    personId: message.personId,
    changes: { from: "dead", to: "pending", attempts: message.attempts },
    at: input.at,
  });
  return { ok: true, id: message.id };
}
