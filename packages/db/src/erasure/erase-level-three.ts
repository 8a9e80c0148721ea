import { DomainError, type HoldCandidate } from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { suppressionHash } from "../lists/suppression.ts";
import { idsSql, personDocumentsSql } from "./erasure-facts.ts";

/** What an anonymized free text becomes: neutral, the same for everybody. */
export const ANONYMIZED_TEXT = "—";

/**
 * Level 3 (Art. 17(1) GDPR) for the persons `ids`, after their records were ended: every personal
 * datum is deleted or anonymized, except the `held` items (Art. 17(3)(b),(e)), which stay restricted
 * (Art. 18, §35(3) BDSG) with `held_until` set. A fixed number of statements for any number of
 * persons. The caller anonymizes the person rows and records, audits, shreds the keys and refreshes
 * the lights.
 */
export async function eraseLevelThree(
  trx: Database,
  input: { ids: readonly string[]; held: readonly HoldCandidate[]; now: Date; secret: string },
): Promise<void> {
  const { ids, now } = input;
  if (!input.secret) throw new Error("the suppression secret is missing");
  const persons = idsSql(ids);
  const emails = await sql<{ address: string }>`
    SELECT address FROM person_email WHERE person_id IN (SELECT unnest(${persons}))`.execute(trx);
  const addresses = [...new Set(emails.rows.map((row) => row.address.toLowerCase()))];
  // The keyed hash is all that remains, so a re-import can be recognised without the address.
  const hashes = [...new Set(emails.rows.map((row) => suppressionHash(input.secret, row.address)))];
  await sql`
    INSERT INTO suppression_entry (email_hash, reason, created_at)
    SELECT h, 'erasure', ${now} FROM unnest(${sql.val(hashes)}::text[]) AS h
    ON CONFLICT (email_hash) DO NOTHING`.execute(trx);

  // The campaign rows stay (no personal values); unlinking them first spares the foreign keys one
  // update per deleted mail and per deleted link.
  await sql`
    UPDATE consent_campaign_recipient SET link_id = NULL, outbox_message_id = NULL
    WHERE person_id IN (SELECT unnest(${persons})) AND (link_id IS NOT NULL OR outbox_message_id IS NOT NULL)`.execute(
    trx,
  );
  await sql`DELETE FROM outbox_message WHERE person_id IN (SELECT unnest(${persons}))`.execute(trx);
  await sql`DELETE FROM outbox_message WHERE lower(to_address) IN (SELECT unnest(${sql.val(addresses)}::text[]))`.execute(
    trx,
  );
  for (const table of ["person_email", "person_phone", "person_address"])
    await sql`DELETE FROM ${sql.table(table)} WHERE person_id IN (SELECT unnest(${persons}))`.execute(trx);

  const heldOf = (table: HoldCandidate["table"]) => {
    const items = input.held.filter((item) => item.table === table);
    return {
      ids: sql`${sql.val(items.map((item) => item.id))}::uuid[]`,
      rows: sql`unnest(${sql.val(items.map((item) => item.id))}::uuid[],
        ${sql.val(items.map((item) => item.hold.until))}::date[]) AS h(id, until)`,
    };
  };
  const accounts = heldOf("bankAccount");
  await sql`UPDATE bank_account b SET held_until = h.until FROM ${accounts.rows} WHERE b.id = h.id`.execute(
    trx,
  );
  await sql`DELETE FROM bank_account WHERE person_id IN (SELECT unnest(${persons})) AND NOT (id = ANY(${accounts.ids}))`.execute(
    trx,
  );
  const evidence = heldOf("consentEvidence");
  await sql`UPDATE consent_evidence ce SET held_until = h.until FROM ${evidence.rows} WHERE ce.id = h.id`.execute(
    trx,
  );
  // By the index of the records' ids: a join let PostgreSQL scan all evidence for every batch.
  await sql`
    DELETE FROM consent_evidence
    WHERE processing_record_id = ANY(ARRAY(
        SELECT r.id FROM processing_record r WHERE r.person_id IN (SELECT unnest(${persons}))))
      AND NOT (id = ANY(${evidence.ids}))`.execute(trx);
  const documents = heldOf("document");
  await sql`UPDATE document d SET held_until = h.until FROM ${documents.rows} WHERE d.id = h.id`.execute(trx);
  await sql`
    DELETE FROM document WHERE id IN (SELECT id FROM (${personDocumentsSql(ids)}) pd)
      AND NOT (id = ANY(${documents.ids}))`.execute(trx);

  await sql`
    UPDATE activity SET subject = ${ANONYMIZED_TEXT}, body = NULL
    WHERE person_id IN (SELECT unnest(${persons}))`.execute(trx);
  await sql`DELETE FROM relationship WHERE person_id IN (SELECT unnest(${persons}))`.execute(trx);
  await sql`DELETE FROM relationship WHERE related_person_id IN (SELECT unnest(${persons}))`.execute(trx);
  await sql`DELETE FROM microsite_session WHERE person_id IN (SELECT unnest(${persons}))`.execute(trx);
  await sql`DELETE FROM microsite_link WHERE person_id IN (SELECT unnest(${persons}))`.execute(trx);
  await sql`DELETE FROM marketing_list_member WHERE person_id IN (SELECT unnest(${persons}))`.execute(trx);
  await anonymizeCasework(trx, ids, addresses);
}

/**
 * Casework about the person keeps its facts (type, dates, outcome: the controller's proof that it
 * handled the request, Art. 5(2)) but loses the person's name, address and free text — once the
 * case is closed; an open case keeps the requester's contact until then (`keepsRequesterContact`),
 * and closing it clears them (`clearErasedRequester`).
 */
async function anonymizeCasework(trx: Database, ids: readonly string[], addresses: readonly string[]) {
  const persons = idsSql(ids);
  await sql`
    UPDATE data_subject_request SET requester_name = NULL, requester_email = NULL, description = NULL
    WHERE ${closedCaseSql}
      AND (id IN (SELECT request_id FROM case_link WHERE person_id IN (SELECT unnest(${persons})) AND request_id IS NOT NULL)
        OR lower(requester_email) IN (SELECT unnest(${sql.val(addresses)}::text[])))`.execute(trx);
  await sql`
    UPDATE case_step SET note = NULL WHERE note IS NOT NULL
      AND request_id IN (SELECT request_id FROM case_link WHERE person_id IN (SELECT unnest(${persons})))
      AND request_id IN (SELECT id FROM data_subject_request WHERE ${closedCaseSql})`.execute(trx);
  await sql`
    UPDATE follow_up SET title = ${ANONYMIZED_TEXT}, note = NULL, last_postpone_reason = NULL WHERE person_id IN (SELECT unnest(${persons}))`.execute(
    trx,
  );
}

/** `keepsRequesterContact` as SQL over `data_subject_request.status`: true where it does not. */
export const closedCaseSql = sql<boolean>`status = 'closed'`;

/**
 * Closing a request case of a person erased at level 3 clears what the erasure left for the answer
 * (`keepsRequesterContact`): the requester's name, address and text, the steps' notes, and the
 * case's mails — refused while one of them still waits in the outbox, so the answer goes out first.
 */
export async function clearErasedRequester(trx: Database, requestId: string): Promise<void> {
  const erased = await sql<{ one: number }>`
    SELECT 1 AS one FROM case_link l JOIN person p ON p.id = l.person_id
    WHERE l.request_id = ${requestId} AND p.erased_level >= 3 LIMIT 1`.execute(trx);
  if (erased.rows.length === 0) return;
  const waiting = await sql<{ one: number }>`
    SELECT 1 AS one FROM outbox_message
    WHERE props->>'requestId' = ${requestId} AND status IN ('pending', 'sending') LIMIT 1`.execute(trx);
  if (waiting.rows.length > 0) throw new DomainError("conflict", "request_answer_waiting");
  await sql`DELETE FROM outbox_message WHERE props->>'requestId' = ${requestId}`.execute(trx);
  await sql`
    UPDATE data_subject_request SET requester_name = NULL, requester_email = NULL, description = NULL
    WHERE id = ${requestId}`.execute(trx);
  await sql`UPDATE case_step SET note = NULL WHERE request_id = ${requestId} AND note IS NOT NULL`.execute(
    trx,
  );
}
