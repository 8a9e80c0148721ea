import { type Kysely, sql } from "kysely";

// Level-3 erasure deletes a person's outbox mails, microsite links and documents set-based, many
// persons per statement (the retention sweep). Every deleted row makes PostgreSQL look up the rows
// that reference it (ON DELETE SET NULL / CASCADE); without an index each lookup scans the whole
// referencing table, so deleting n rows costs n full scans. These partial indexes cover exactly the
// referencing rows. The outbox is also searched for mails to the person's addresses (lower-cased).
const statements: string[] = [
  `CREATE INDEX consent_campaign_recipient_outbox_idx ON consent_campaign_recipient (outbox_message_id)
    WHERE outbox_message_id IS NOT NULL`,
  `CREATE INDEX consent_campaign_recipient_link_idx ON consent_campaign_recipient (link_id)
    WHERE link_id IS NOT NULL`,
  "CREATE INDEX microsite_session_link_idx ON microsite_session (link_id) WHERE link_id IS NOT NULL",
  "CREATE INDEX consent_evidence_document_idx ON consent_evidence (document_id) WHERE document_id IS NOT NULL",
  "CREATE INDEX case_link_document_idx ON case_link (document_id) WHERE document_id IS NOT NULL",
  "CREATE INDEX outbox_to_address_idx ON outbox_message (lower(to_address))",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    "outbox_to_address_idx",
    "case_link_document_idx",
    "consent_evidence_document_idx",
    "microsite_session_link_idx",
    "consent_campaign_recipient_link_idx",
    "consent_campaign_recipient_outbox_idx",
  ])
    await sql.raw(`DROP INDEX IF EXISTS ${index}`).execute(db);
}
