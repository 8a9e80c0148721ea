import { type Kysely, sql } from "kysely";

// The consent core's legal and security fixes (issue "Trustworthy consent"):
// - purposes declare whether they are direct marketing (Art. 21(2),(3)) and which legal bases they allow;
// - a record keeps whether double opt-in was required when it was granted (not the purpose's flag today);
// - a person-level objection to direct marketing, per channel (Art. 21(2),(3); UWG §7(3) no. 3);
// - evidence of parental consent names its holder (Art. 8(1));
// - personal links know the e-mail address they were sent to, so removing it revokes them;
// - bulk jobs (batched, resumable work with progress), e.g. the light refresh after a material change;
// - audit person keys are wrapped by a key-encryption key and leave a tombstone when shredded;
//   signed checkpoints of the chain's head are kept outside the audit table;
// - staff: one-time passwords must be changed; kiosk-scoped sessions for the signature tablet.
const statements: string[] = [
  "ALTER TABLE purpose ADD COLUMN direct_marketing boolean NOT NULL DEFAULT false",
  "ALTER TABLE purpose ADD COLUMN allowed_legal_bases text[] NOT NULL DEFAULT '{}'",
  "UPDATE purpose SET allowed_legal_bases = ARRAY[default_legal_basis]",
  `ALTER TABLE purpose ADD CONSTRAINT purpose_default_basis_allowed
     CHECK (cardinality(allowed_legal_bases) = 0 OR default_legal_basis = ANY (allowed_legal_bases))`,

  "ALTER TABLE processing_record ADD COLUMN double_opt_in_required boolean NOT NULL DEFAULT false",
  `UPDATE processing_record r SET double_opt_in_required = p.double_opt_in
     FROM purpose p WHERE p.id = r.purpose_id AND r.legal_basis = 'consent'`,

  "ALTER TABLE person ADD COLUMN dm_objection_channels text[] NOT NULL DEFAULT '{}'",
  "ALTER TABLE person ADD COLUMN dm_objected_at timestamptz",

  "ALTER TABLE consent_evidence DROP CONSTRAINT consent_evidence_kind_check",
  `ALTER TABLE consent_evidence ADD CONSTRAINT consent_evidence_kind_check
     CHECK (kind IN ('document','email','signature','microsite','note','parental_consent'))`,
  "ALTER TABLE consent_evidence ADD COLUMN parental_consent_holder text",
  `ALTER TABLE consent_evidence ADD CONSTRAINT consent_evidence_parental_holder
     CHECK (kind <> 'parental_consent' OR (parental_consent_holder IS NOT NULL AND document_id IS NOT NULL))`,

  "ALTER TABLE microsite_link ADD COLUMN person_email_id uuid",
  "CREATE INDEX microsite_link_email_idx ON microsite_link (person_email_id) WHERE person_email_id IS NOT NULL",

  `CREATE TABLE bulk_job (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL,
    subject_id uuid,
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','running','done','failed','cancelled')),
    params jsonb NOT NULL DEFAULT '{}',
    total integer,
    processed integer NOT NULL DEFAULT 0,
    cursor text,
    result jsonb,
    error text,
    attempts integer NOT NULL DEFAULT 0,
    lease_until timestamptz,
    actor_type text NOT NULL CHECK (actor_type IN ('staff','data_subject','system','api')),
    actor_id text,
    created_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX bulk_job_open_idx ON bulk_job (created_at, id) WHERE state IN ('queued','running')",
  "CREATE INDEX bulk_job_subject_idx ON bulk_job (kind, subject_id, created_at DESC)",

  "ALTER TABLE person_key ALTER COLUMN key DROP NOT NULL",
  "ALTER TABLE person_key ADD COLUMN wrapped boolean NOT NULL DEFAULT false",
  "ALTER TABLE person_key ADD COLUMN shredded_at timestamptz",
  "ALTER TABLE person_key ADD CONSTRAINT person_key_shredded CHECK ((key IS NULL) = (shredded_at IS NOT NULL))",
  `CREATE TABLE audit_checkpoint (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    last_event_id bigint NOT NULL,
    last_hash text NOT NULL,
    event_count bigint NOT NULL,
    signature text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    mailed_at timestamptz
  )`,

  "ALTER TABLE staff_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false",
  "ALTER TABLE staff_session ADD COLUMN kiosk boolean NOT NULL DEFAULT false",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const reverse = [
    "ALTER TABLE staff_session DROP COLUMN IF EXISTS kiosk",
    "ALTER TABLE staff_user DROP COLUMN IF EXISTS must_change_password",
    "DROP TABLE IF EXISTS audit_checkpoint",
    "ALTER TABLE person_key DROP CONSTRAINT IF EXISTS person_key_shredded",
    "ALTER TABLE person_key DROP COLUMN IF EXISTS shredded_at",
    "ALTER TABLE person_key DROP COLUMN IF EXISTS wrapped",
    "DROP TABLE IF EXISTS bulk_job",
    "ALTER TABLE microsite_link DROP COLUMN IF EXISTS person_email_id",
    "ALTER TABLE consent_evidence DROP CONSTRAINT IF EXISTS consent_evidence_parental_holder",
    "ALTER TABLE consent_evidence DROP COLUMN IF EXISTS parental_consent_holder",
    "ALTER TABLE person DROP COLUMN IF EXISTS dm_objected_at",
    "ALTER TABLE person DROP COLUMN IF EXISTS dm_objection_channels",
    "ALTER TABLE processing_record DROP COLUMN IF EXISTS double_opt_in_required",
    "ALTER TABLE purpose DROP CONSTRAINT IF EXISTS purpose_default_basis_allowed",
    "ALTER TABLE purpose DROP COLUMN IF EXISTS allowed_legal_bases",
    "ALTER TABLE purpose DROP COLUMN IF EXISTS direct_marketing",
  ];
  for (const statement of reverse) await sql.raw(statement).execute(db);
}
