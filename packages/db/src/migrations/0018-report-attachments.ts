import { type Kysely, sql } from "kysely";

// Access reports with attachments (issue 10 #4, #6):
// - a report generated with a template that attaches documents remembers which documents it listed
//   and attaches (`attached_document_ids`, in the report's order); the download is then a ZIP of the
//   PDF and those documents, streamed one document at a time, never all contents in memory;
// - an outbox mail may carry one stored document as its attachment (the report PDF, when the DPO
//   chose the warned "attach by e-mail" delivery). The mail holds the document's id, not its bytes:
//   the dispatcher reads the content only for the mail it is sending. If the document is deleted
//   before the mail goes out (an erasure), the reference becomes NULL and the mail is not sent.
const statements = [
  "ALTER TABLE access_report ADD COLUMN attached_document_ids uuid[] NOT NULL DEFAULT '{}'",
  "ALTER TABLE outbox_message ADD COLUMN attachment_document_id uuid REFERENCES document(id) ON DELETE SET NULL",
  "ALTER TABLE outbox_message ADD COLUMN has_attachment boolean NOT NULL DEFAULT false",
  "CREATE INDEX outbox_attachment_idx ON outbox_message (attachment_document_id) WHERE attachment_document_id IS NOT NULL",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    "DROP INDEX outbox_attachment_idx",
    "ALTER TABLE outbox_message DROP COLUMN has_attachment",
    "ALTER TABLE outbox_message DROP COLUMN attachment_document_id",
    "ALTER TABLE access_report DROP COLUMN attached_document_ids",
  ])
    await sql.raw(statement).execute(db);
}
