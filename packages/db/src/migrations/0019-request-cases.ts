import { type Kysely, sql } from "kysely";

// Request cases (issue 11): a case gets a number people can quote ("DSR-2026-0007", unique per
// year, for receipts and mails), the verified identity says who verified it, and a step is done or
// skipped with the reason (a skip needs one, `checkStepCompletion`) by whom, with a link to what it
// produced (a report, an erasure, a mail) in `result`.
const statements = [
  "CREATE SEQUENCE data_subject_request_number_seq",
  "ALTER TABLE data_subject_request ADD COLUMN number integer NOT NULL DEFAULT nextval('data_subject_request_number_seq')",
  "ALTER SEQUENCE data_subject_request_number_seq OWNED BY data_subject_request.number",
  "CREATE UNIQUE INDEX dsr_number_idx ON data_subject_request (number)",
  "ALTER TABLE data_subject_request ADD COLUMN identity_verified_by text REFERENCES staff_user(id) ON DELETE SET NULL",
  "ALTER TABLE data_subject_request ADD COLUMN created_by text REFERENCES staff_user(id) ON DELETE SET NULL",
  "ALTER TABLE case_step ADD COLUMN skipped_reason text",
  "ALTER TABLE case_step ADD COLUMN result jsonb",
  "ALTER TABLE case_step ADD CONSTRAINT case_step_skip_done CHECK (skipped_reason IS NULL OR done_at IS NOT NULL)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    "ALTER TABLE case_step DROP CONSTRAINT case_step_skip_done",
    "ALTER TABLE case_step DROP COLUMN result",
    "ALTER TABLE case_step DROP COLUMN skipped_reason",
    "ALTER TABLE data_subject_request DROP COLUMN created_by",
    "ALTER TABLE data_subject_request DROP COLUMN identity_verified_by",
    "ALTER TABLE data_subject_request DROP COLUMN number",
  ])
    await sql.raw(statement).execute(db);
}
