import { sql } from "kysely";
import { type AuditInput, recordAuditBatch } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";

interface DeletedItem {
  id: string;
  personId: string | null;
  heldUntil: string;
}

/**
 * Deletes the items a level-3 erasure kept restricted whose hold has ended (`held_until <= today`,
 * the controller's YYYY-MM-DD): consent evidence, documents and bank accounts, with one audit event
 * per item by the system. Runs in the caller's transaction (the retention job's).
 */
export async function deleteExpiredHolds(
  trx: Database,
  input: { today: string; now: Date },
): Promise<{ documents: number; bankAccounts: number; consentEvidence: number }> {
  const today = sql`${input.today}::date`;
  // Evidence first: it points at its document.
  const evidence = await sql<DeletedItem>`
    DELETE FROM consent_evidence ce USING processing_record r
    WHERE r.id = ce.processing_record_id AND ce.held_until <= ${today}
    RETURNING ce.id, r.person_id, ce.held_until`.execute(trx);
  const documents = await sql<DeletedItem>`
    DELETE FROM document WHERE held_until <= ${today} RETURNING id, person_id, held_until`.execute(trx);
  const bankAccounts = await sql<DeletedItem>`
    DELETE FROM bank_account WHERE held_until <= ${today} RETURNING id, person_id, held_until`.execute(trx);
  const events = (entityType: string, rows: DeletedItem[]): AuditInput[] =>
    rows.map((row) => ({
      actor: { type: "system", id: "retention" },
      action: "held_item.deleted",
      entityType,
      entityId: row.id,
      personId: row.personId,
      changes: { heldUntil: row.heldUntil },
      at: input.now,
    }));
  await recordAuditBatch(trx, [
    ...events("consent_evidence", evidence.rows),
    ...events("document", documents.rows),
    ...events("bank_account", bankAccounts.rows),
  ]);
  return {
    documents: documents.rows.length,
    bankAccounts: bankAccounts.rows.length,
    consentEvidence: evidence.rows.length,
  };
}
