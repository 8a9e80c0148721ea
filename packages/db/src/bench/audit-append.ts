import { randomUUID } from "node:crypto";
import { type AuditInput, recordAuditBatch } from "../audit/record-audit.ts";
import { verifyAuditChain } from "../audit/verify-audit.ts";
import type { Database } from "../create-database.ts";
import type { Row } from "./bench-table.ts";
import { formatMs, timeOnce } from "./measure.ts";

export const AUDIT_EVENTS = 100_000;
const TARGET_MS = 5000;

/**
 * A bulk job's audit events (one per person, as a mass consent request writes them): 100,000
 * events for 100,000 persons who have no key yet, each with a personal value to encrypt — the
 * most work per event. One transaction, one `recordAuditBatch`, commit included.
 */
export async function measureAuditAppend(db: Database, now: Date, count = AUDIT_EVENTS): Promise<Row[]> {
  const inputs: AuditInput[] = Array.from({ length: count }, (_, i) => {
    const personId = randomUUID();
    return {
      actor: { type: "system", id: "bench" },
      action: "record.request",
      entityType: "processing_record",
      entityId: randomUUID(),
      personId,
      changes: { purposeKey: "newsletter", from: null, to: "requested", source: "email", i },
      personal: { after: { email: `person.${i}@example.com` } },
      at: new Date(now.getTime() + i),
    };
  });
  const append = await timeOnce(() => db.transaction().execute((trx) => recordAuditBatch(trx, inputs)));
  const verify = await timeOnce(() => verifyAuditChain(db));
  if (!verify.result.ok)
    throw new Error(`audit chain broken after the batch: ${JSON.stringify(verify.result)}`);
  return [
    {
      figure: `audit append ${count} events`,
      stats: null,
      value: formatMs(append.ms),
      target: `< ${formatMs(TARGET_MS)}`,
      pass: append.ms < TARGET_MS,
    },
    {
      figure: `audit verify ${verify.result.events} events`,
      stats: null,
      value: formatMs(verify.ms),
      target: "",
      pass: null,
    },
  ];
}
