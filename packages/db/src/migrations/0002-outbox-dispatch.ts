import { type Kysely, sql } from "kysely";

// The outbox dispatcher (packages/db/src/outbox/dispatch-queue.ts):
// - `dispatch_batch` pins the messages of a provider batch request whose outcome is unknown (sent
//   before a crash, a timeout, a 5xx) to the idempotency key of that request, so that they are
//   only ever retried as the identical batch, which the provider deduplicates;
// - the claim reads due `pending` rows and expired `sending` leases, each through a partial index;
// - the portal's outbox page filters by status and pages by (created_at DESC, id).
const statements = [
  "ALTER TABLE outbox_message ADD COLUMN dispatch_batch text",
  "CREATE INDEX outbox_lease_idx ON outbox_message (next_attempt_at) WHERE status = 'sending'",
  "CREATE INDEX outbox_dispatch_batch_idx ON outbox_message (dispatch_batch) WHERE dispatch_batch IS NOT NULL",
  "CREATE INDEX outbox_status_created_idx ON outbox_message (status, created_at DESC, id)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("DROP INDEX IF EXISTS outbox_status_created_idx").execute(db);
  await sql.raw("DROP INDEX IF EXISTS outbox_dispatch_batch_idx").execute(db);
  await sql.raw("DROP INDEX IF EXISTS outbox_lease_idx").execute(db);
  await sql.raw("ALTER TABLE outbox_message DROP COLUMN IF EXISTS dispatch_batch").execute(db);
}
