import { type Kysely, sql } from "kysely";

// Erasure in three levels, restriction, suppression on every way in, retention (issue 9):
// - a person's retain-until is computed from their records and stored (`retain_until`, NULL while a
//   basis runs open-ended); staff may set a manual date with a reason, which then applies;
// - restriction (Art. 18) records its reason; a due person may be queued for the DPO's review;
// - documents and bank accounts carry a retention class (HGB §257, AO §147) and the date it counts
//   from; `held_until` marks an item kept restricted after a level-3 erasure until its hold ends
//   (visible to the DPO only, excluded from every use); consent evidence likewise (§§195, 199 BGB);
// - `erasure` is the result of each erasure: level, reason, the steps done, held items and the
//   Art. 19 recipients captured before anything was deleted, with the "notified" step;
// - `retention_run` records each run of the scheduled retention route (dry runs included).
const statements: string[] = [
  "ALTER TABLE person ADD COLUMN restriction_reason text",
  "ALTER TABLE person ADD COLUMN retention_manual_until date",
  "ALTER TABLE person ADD COLUMN retention_manual_reason text",
  "ALTER TABLE person ADD COLUMN retention_review_at timestamptz",
  `ALTER TABLE person ADD CONSTRAINT person_manual_retention_reason
    CHECK (retention_manual_until IS NULL OR retention_manual_reason IS NOT NULL)`,
  `CREATE INDEX person_retention_due_idx ON person ((coalesce(retention_manual_until, retain_until)), id)
    WHERE erased_level < 3 AND NOT restricted`,
  "CREATE INDEX person_retention_review_idx ON person (retention_review_at, id) WHERE retention_review_at IS NOT NULL",

  `ALTER TABLE document ADD COLUMN retention_class text
    CHECK (retention_class IN ('business_letters','accounting_vouchers','books_and_annual_accounts'))`,
  "ALTER TABLE document ADD COLUMN retention_date date",
  "ALTER TABLE document ADD COLUMN held_until date",
  "CREATE INDEX document_held_until_idx ON document (held_until) WHERE held_until IS NOT NULL",
  `ALTER TABLE bank_account ADD COLUMN retention_class text
    CHECK (retention_class IN ('business_letters','accounting_vouchers','books_and_annual_accounts'))`,
  "ALTER TABLE bank_account ADD COLUMN retention_date date",
  "ALTER TABLE bank_account ADD COLUMN held_until date",
  "CREATE INDEX bank_account_held_until_idx ON bank_account (held_until) WHERE held_until IS NOT NULL",
  "ALTER TABLE consent_evidence ADD COLUMN held_until date",
  "CREATE INDEX consent_evidence_held_until_idx ON consent_evidence (held_until) WHERE held_until IS NOT NULL",

  `CREATE TABLE erasure (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
    reason text NOT NULL CHECK (reason IN ('request','retention_expiry','objection','other')),
    note text,
    actor_type text NOT NULL CHECK (actor_type IN ('staff','system')),
    actor_id text,
    steps jsonb NOT NULL DEFAULT '[]',
    held jsonb NOT NULL DEFAULT '[]',
    recipients text[] NOT NULL DEFAULT '{}',
    recipients_notified_at timestamptz,
    recipients_notified_by text,
    retention_run_id uuid,
    erased_at timestamptz NOT NULL
  )`,
  "CREATE INDEX erasure_person_idx ON erasure (person_id, erased_at DESC)",
  "CREATE INDEX erasure_run_idx ON erasure (retention_run_id) WHERE retention_run_id IS NOT NULL",
  `CREATE TABLE retention_run (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    dry_run boolean NOT NULL,
    action text NOT NULL CHECK (action IN ('erase_level_3','erase_level_2','erase_level_1','review')),
    today date NOT NULL,
    job_id uuid REFERENCES bulk_job(id) ON DELETE SET NULL,
    due integer NOT NULL DEFAULT 0,
    erased integer NOT NULL DEFAULT 0,
    queued integer NOT NULL DEFAULT 0,
    failed integer NOT NULL DEFAULT 0,
    held_deleted integer NOT NULL DEFAULT 0,
    started_at timestamptz NOT NULL,
    finished_at timestamptz,
    summary_mailed_at timestamptz
  )`,
  "CREATE INDEX retention_run_started_idx ON retention_run (started_at DESC)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("DROP TABLE IF EXISTS retention_run").execute(db);
  await sql.raw("DROP TABLE IF EXISTS erasure").execute(db);
  for (const column of ["held_until"]) {
    await sql.raw(`ALTER TABLE consent_evidence DROP COLUMN IF EXISTS ${column}`).execute(db);
  }
  for (const table of ["document", "bank_account"]) {
    for (const column of ["retention_class", "retention_date", "held_until"]) {
      await sql.raw(`ALTER TABLE ${table} DROP COLUMN IF EXISTS ${column}`).execute(db);
    }
  }
  for (const column of [
    "restriction_reason",
    "retention_manual_until",
    "retention_manual_reason",
    "retention_review_at",
  ]) {
    await sql.raw(`ALTER TABLE person DROP COLUMN IF EXISTS ${column} CASCADE`).execute(db);
  }
}
