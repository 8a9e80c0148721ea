import { type Kysely, sql } from "kysely";

// Follow-ups and deadline reminders (issue 11 #7, #8). A follow-up belongs to exactly one request
// case, incident or person (NOT VALID: rows written before this rule are left as they are); it
// keeps who finished it, how often it was postponed and the last reason (each postponement with
// its reason is also an audit event). `case_reminder` holds every reminder the scheduled deadlines
// route sent, under a unique key: two runners inserting the same key send it once.
const statements = [
  "ALTER TABLE follow_up ADD COLUMN done_by text REFERENCES staff_user(id) ON DELETE SET NULL",
  "ALTER TABLE follow_up ADD COLUMN postponed_count integer NOT NULL DEFAULT 0",
  "ALTER TABLE follow_up ADD COLUMN last_postponed_at timestamptz",
  "ALTER TABLE follow_up ADD COLUMN last_postpone_reason text",
  "ALTER TABLE follow_up ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()",
  `ALTER TABLE follow_up ADD CONSTRAINT follow_up_about_one
    CHECK (num_nonnulls(request_id, incident_id, person_id) = 1) NOT VALID`,
  "CREATE INDEX follow_up_due_idx ON follow_up (due_on, id) WHERE done_at IS NULL",
  "CREATE INDEX follow_up_request_idx ON follow_up (request_id) WHERE request_id IS NOT NULL",
  "CREATE INDEX follow_up_incident_idx ON follow_up (incident_id) WHERE incident_id IS NOT NULL",
  "CREATE INDEX follow_up_person_idx ON follow_up (person_id) WHERE person_id IS NOT NULL",
  `CREATE TABLE case_reminder (
    key text PRIMARY KEY,
    kind text NOT NULL,
    request_id uuid REFERENCES data_subject_request(id) ON DELETE CASCADE,
    incident_id uuid REFERENCES incident(id) ON DELETE CASCADE,
    follow_up_id uuid REFERENCES follow_up(id) ON DELETE CASCADE,
    recipients integer NOT NULL DEFAULT 0,
    sent_at timestamptz NOT NULL,
    CHECK (num_nonnulls(request_id, incident_id, follow_up_id) = 1)
  )`,
  "CREATE INDEX case_reminder_request_idx ON case_reminder (request_id) WHERE request_id IS NOT NULL",
  "CREATE INDEX case_reminder_incident_idx ON case_reminder (incident_id) WHERE incident_id IS NOT NULL",
  "CREATE INDEX case_reminder_follow_up_idx ON case_reminder (follow_up_id) WHERE follow_up_id IS NOT NULL",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    "DROP TABLE case_reminder",
    "DROP INDEX follow_up_person_idx",
    "DROP INDEX follow_up_incident_idx",
    "DROP INDEX follow_up_request_idx",
    "DROP INDEX follow_up_due_idx",
    "ALTER TABLE follow_up DROP CONSTRAINT follow_up_about_one",
    "ALTER TABLE follow_up DROP COLUMN updated_at",
    "ALTER TABLE follow_up DROP COLUMN last_postpone_reason",
    "ALTER TABLE follow_up DROP COLUMN last_postponed_at",
    "ALTER TABLE follow_up DROP COLUMN postponed_count",
    "ALTER TABLE follow_up DROP COLUMN done_by",
  ])
    await sql.raw(statement).execute(db);
}
