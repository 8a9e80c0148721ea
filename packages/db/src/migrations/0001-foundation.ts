import { type Kysely, sql } from "kysely";

// PGlite runs one statement per prepared call, so the DDL is a list of single statements.
const foundation: string[] = [
  // --- staff sign-in (better-auth with its admin plugin; ids are better-auth's strings) ---
  `CREATE TABLE staff_user (
    id text PRIMARY KEY,
    name text NOT NULL,
    email text NOT NULL UNIQUE,
    email_verified boolean NOT NULL DEFAULT false,
    image text,
    role text NOT NULL DEFAULT 'staff' CHECK (role IN ('staff','marketing','dpo','admin')),
    locale text NOT NULL DEFAULT 'de' CHECK (locale IN ('de','en')),
    banned boolean NOT NULL DEFAULT false,
    ban_reason text,
    ban_expires timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE staff_session (
    id text PRIMARY KEY,
    user_id text NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
    token text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    ip_address text,
    user_agent text,
    impersonated_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX staff_session_user_idx ON staff_session (user_id)",
  `CREATE TABLE staff_account (
    id text PRIMARY KEY,
    user_id text NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
    account_id text NOT NULL,
    provider_id text NOT NULL,
    access_token text,
    refresh_token text,
    id_token text,
    access_token_expires_at timestamptz,
    refresh_token_expires_at timestamptz,
    scope text,
    password text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX staff_account_user_idx ON staff_account (user_id)",
  `CREATE TABLE staff_verification (
    id text PRIMARY KEY,
    identifier text NOT NULL,
    value text NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX staff_verification_identifier_idx ON staff_verification (identifier)",

  // --- settings (company name, address, privacy contact, age of consent, calendar) ---
  "CREATE TABLE setting (key text PRIMARY KEY, value jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())",

  // --- CRM core ---
  `CREATE TABLE organization (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    legal_form text,
    vat_id text,
    website text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX organization_name_idx ON organization (lower(name) text_pattern_ops)",
  `CREATE TABLE person (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    salutation text,
    title text,
    first_name text NOT NULL,
    last_name text NOT NULL,
    preferred_language text NOT NULL DEFAULT 'de' CHECK (preferred_language IN ('de','en')),
    birthday date,
    organization_id uuid REFERENCES organization(id) ON DELETE SET NULL,
    job_title text,
    mail_blocks text[] NOT NULL DEFAULT '{}',
    restricted boolean NOT NULL DEFAULT false,
    restricted_at timestamptz,
    retain_until date,
    erased_level smallint NOT NULL DEFAULT 0 CHECK (erased_level BETWEEN 0 AND 3),
    erased_at timestamptz,
    traffic_light text NOT NULL DEFAULT 'red' CHECK (traffic_light IN ('green','yellow','red')),
    light_recheck_at timestamptz,
    created_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX person_name_idx ON person (last_name, first_name, id)",
  "CREATE INDEX person_light_name_idx ON person (traffic_light, last_name, first_name, id)",
  "CREATE INDEX person_created_idx ON person (created_at, id)",
  "CREATE INDEX person_light_created_idx ON person (traffic_light, created_at, id)",
  "CREATE INDEX person_last_name_search_idx ON person (lower(last_name) text_pattern_ops)",
  "CREATE INDEX person_first_name_search_idx ON person (lower(first_name) text_pattern_ops)",
  "CREATE INDEX person_organization_idx ON person (organization_id)",
  "CREATE INDEX person_light_recheck_idx ON person (light_recheck_at) WHERE light_recheck_at IS NOT NULL",
  "CREATE INDEX person_retain_until_idx ON person (retain_until) WHERE retain_until IS NOT NULL",
  `CREATE TABLE person_email (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    address text NOT NULL,
    kind text NOT NULL DEFAULT 'private' CHECK (kind IN ('private','work','other')),
    is_primary boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX person_email_person_idx ON person_email (person_id)",
  "CREATE INDEX person_email_address_idx ON person_email (lower(address) text_pattern_ops)",
  "CREATE UNIQUE INDEX person_email_one_primary_idx ON person_email (person_id) WHERE is_primary",
  `CREATE TABLE person_phone (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('landline','mobile','fax')),
    number text NOT NULL,
    is_primary boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX person_phone_person_idx ON person_phone (person_id)",
  `CREATE TABLE person_address (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('home','work','postal')),
    street text NOT NULL,
    postal_code text NOT NULL,
    city text NOT NULL,
    country text NOT NULL CHECK (length(country) = 2),
    is_primary boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX person_address_person_idx ON person_address (person_id)",
  `CREATE TABLE bank_account (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    iban text NOT NULL CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
    bic text,
    account_holder text NOT NULL,
    mandate_reference text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX bank_account_person_idx ON bank_account (person_id)",
  `CREATE TABLE activity (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid REFERENCES person(id) ON DELETE CASCADE,
    organization_id uuid REFERENCES organization(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('call','meeting','email','note','task')),
    direction text CHECK (direction IN ('inbound','outbound')),
    subject text NOT NULL,
    body text,
    occurred_at timestamptz NOT NULL,
    duration_seconds integer CHECK (duration_seconds >= 0),
    staff_user_id text REFERENCES staff_user(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (person_id IS NOT NULL OR organization_id IS NOT NULL)
  )`,
  "CREATE INDEX activity_person_idx ON activity (person_id, occurred_at DESC)",
  "CREATE INDEX activity_organization_idx ON activity (organization_id, occurred_at DESC)",
  `CREATE TABLE document (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid REFERENCES person(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('upload','email','signature','report','evidence')),
    file_name text NOT NULL,
    content_type text NOT NULL,
    size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 0 AND 10485760),
    content bytea NOT NULL,
    sha256 text NOT NULL,
    metadata jsonb NOT NULL DEFAULT '{}',
    created_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (octet_length(content) = size_bytes)
  )`,
  "CREATE INDEX document_person_idx ON document (person_id, created_at DESC)",
  `CREATE TABLE relationship (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    related_person_id uuid REFERENCES person(id) ON DELETE CASCADE,
    related_organization_id uuid REFERENCES organization(id) ON DELETE CASCADE,
    role text NOT NULL,
    note text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((related_person_id IS NULL) <> (related_organization_id IS NULL))
  )`,
  "CREATE INDEX relationship_person_idx ON relationship (person_id)",
  "CREATE INDEX relationship_related_person_idx ON relationship (related_person_id)",

  // --- purposes, versioned texts, processing records, evidence ---
  `CREATE TABLE purpose (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]*$'),
    default_legal_basis text NOT NULL CHECK (default_legal_basis IN ('consent','contract','legal_obligation','vital_interests','public_task','legitimate_interests')),
    channels text[] NOT NULL DEFAULT '{}',
    double_opt_in boolean NOT NULL DEFAULT false,
    retention_period text NOT NULL,
    data_categories text[] NOT NULL DEFAULT '{}',
    recipients text[] NOT NULL DEFAULT '{}',
    active boolean NOT NULL DEFAULT true,
    current_version integer NOT NULL DEFAULT 1,
    min_valid_version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE purpose_version (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    purpose_id uuid NOT NULL REFERENCES purpose(id) ON DELETE CASCADE,
    version integer NOT NULL CHECK (version >= 1),
    language text NOT NULL CHECK (language IN ('de','en')),
    name text NOT NULL,
    description text NOT NULL,
    material boolean NOT NULL DEFAULT false,
    created_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (purpose_id, version, language)
  )`,
  `CREATE TABLE processing_record (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    purpose_id uuid NOT NULL REFERENCES purpose(id),
    legal_basis text NOT NULL CHECK (legal_basis IN ('consent','contract','legal_obligation','vital_interests','public_task','legitimate_interests')),
    state text NOT NULL CHECK (state IN ('requested','granted','confirmed','withdrawn','declined','expired','active','ended','objected')),
    source text NOT NULL CHECK (source IN ('manual','microsite','signature','email','phone','fax','letter','in_person','import','api')),
    purpose_version integer,
    requested_at timestamptz,
    granted_at timestamptz,
    confirmed_at timestamptz,
    withdrawn_at timestamptz,
    declined_at timestamptz,
    ended_at timestamptz,
    objected_at timestamptz,
    valid_until timestamptz,
    recorded_by text,
    note text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (person_id, purpose_id)
  )`,
  "CREATE INDEX processing_record_purpose_idx ON processing_record (purpose_id, state, person_id)",
  `CREATE TABLE consent_evidence (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    processing_record_id uuid NOT NULL REFERENCES processing_record(id) ON DELETE CASCADE,
    document_id uuid REFERENCES document(id) ON DELETE SET NULL,
    kind text NOT NULL CHECK (kind IN ('document','email','signature','microsite','note')),
    description text,
    shown_texts jsonb,
    created_by text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX consent_evidence_record_idx ON consent_evidence (processing_record_id)",
];

const casework: string[] = [
  // --- audit trail: append-only, hash-chained; personal values encrypted per person ---
  `CREATE TABLE person_key (
    person_id uuid PRIMARY KEY,
    key bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE audit_event (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor_type text NOT NULL CHECK (actor_type IN ('staff','data_subject','system','api')),
    actor_id text,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text,
    person_id uuid,
    changes jsonb NOT NULL DEFAULT '{}',
    personal_enc bytea,
    evidence_document_id uuid,
    prev_hash text NOT NULL,
    hash text NOT NULL UNIQUE
  )`,
  "CREATE INDEX audit_event_person_idx ON audit_event (person_id, id DESC)",
  "CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC, id DESC)",
  "CREATE INDEX audit_event_actor_idx ON audit_event (actor_type, actor_id, id DESC)",
  "CREATE INDEX audit_event_action_idx ON audit_event (action, id DESC)",
  `CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'audit_event is append-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
   FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
  `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
   FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`,
  `CREATE TABLE suppression_entry (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email_hash text NOT NULL UNIQUE,
    reason text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,

  // --- data-subject requests, incidents, follow-ups ---
  `CREATE TABLE data_subject_request (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    type text NOT NULL CHECK (type IN ('access','rectification','erasure','restriction','portability','objection','consent_withdrawal')),
    channel text NOT NULL CHECK (channel IN ('email','letter','phone','microsite','in_person','fax')),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','waiting','closed')),
    received_at timestamptz NOT NULL,
    due_date date NOT NULL,
    extended_due_date date,
    extension_reason text,
    extension_notified_at timestamptz,
    identity_verified_at timestamptz,
    identity_method text,
    assignee_id text REFERENCES staff_user(id) ON DELETE SET NULL,
    requester_name text,
    requester_email text,
    description text,
    outcome text CHECK (outcome IN ('fulfilled','partially_fulfilled','refused','withdrawn')),
    outcome_reason text,
    escalated_at timestamptz,
    closed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (outcome IS DISTINCT FROM 'refused' OR outcome_reason IS NOT NULL)
  )`,
  "CREATE INDEX dsr_status_due_idx ON data_subject_request (status, due_date, id)",
  "CREATE INDEX dsr_assignee_idx ON data_subject_request (assignee_id, status)",
  `CREATE TABLE incident (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL,
    aware_at timestamptz NOT NULL,
    occurred_at timestamptz,
    nature text NOT NULL DEFAULT '',
    data_categories text[] NOT NULL DEFAULT '{}',
    subjects_approx integer,
    records_approx integer,
    consequences text,
    measures text,
    risk text NOT NULL DEFAULT 'risk' CHECK (risk IN ('none','risk','high')),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','notified','closed')),
    authority_notified_at timestamptz,
    delay_reason text,
    subjects_notified_at timestamptz,
    notification_exception text,
    dpo_contact text,
    assignee_id text REFERENCES staff_user(id) ON DELETE SET NULL,
    escalated_at timestamptz,
    closed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX incident_status_aware_idx ON incident (status, aware_at, id)",
  `CREATE TABLE case_step (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id uuid REFERENCES data_subject_request(id) ON DELETE CASCADE,
    incident_id uuid REFERENCES incident(id) ON DELETE CASCADE,
    key text NOT NULL,
    done_at timestamptz,
    done_by text,
    note text,
    CHECK ((request_id IS NULL) <> (incident_id IS NULL))
  )`,
  "CREATE UNIQUE INDEX case_step_request_key_idx ON case_step (request_id, key) WHERE request_id IS NOT NULL",
  "CREATE UNIQUE INDEX case_step_incident_key_idx ON case_step (incident_id, key) WHERE incident_id IS NOT NULL",
  `CREATE TABLE case_link (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id uuid REFERENCES data_subject_request(id) ON DELETE CASCADE,
    incident_id uuid REFERENCES incident(id) ON DELETE CASCADE,
    person_id uuid REFERENCES person(id) ON DELETE CASCADE,
    activity_id uuid REFERENCES activity(id) ON DELETE CASCADE,
    document_id uuid REFERENCES document(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((request_id IS NULL) <> (incident_id IS NULL)),
    CHECK (num_nonnulls(person_id, activity_id, document_id) = 1)
  )`,
  "CREATE INDEX case_link_request_idx ON case_link (request_id)",
  "CREATE INDEX case_link_incident_idx ON case_link (incident_id)",
  "CREATE INDEX case_link_person_idx ON case_link (person_id)",
  `CREATE TABLE follow_up (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL,
    note text,
    due_on date NOT NULL,
    assignee_id text REFERENCES staff_user(id) ON DELETE SET NULL,
    request_id uuid REFERENCES data_subject_request(id) ON DELETE CASCADE,
    incident_id uuid REFERENCES incident(id) ON DELETE CASCADE,
    person_id uuid REFERENCES person(id) ON DELETE CASCADE,
    done_at timestamptz,
    created_by text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX follow_up_open_idx ON follow_up (assignee_id, due_on) WHERE done_at IS NULL",

  // --- marketing lists, report templates, microsite links, outbox ---
  `CREATE TABLE marketing_list (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('static','filter')),
    filter jsonb,
    source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','import')),
    created_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (kind = 'static' OR filter IS NOT NULL)
  )`,
  `CREATE TABLE marketing_list_member (
    list_id uuid NOT NULL REFERENCES marketing_list(id) ON DELETE CASCADE,
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (list_id, person_id)
  )`,
  "CREATE INDEX marketing_list_member_person_idx ON marketing_list_member (person_id)",
  `CREATE TABLE report_template (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    sections text[] NOT NULL,
    intro jsonb NOT NULL DEFAULT '{}',
    outro jsonb NOT NULL DEFAULT '{}',
    include_internal boolean NOT NULL DEFAULT false,
    is_default boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE UNIQUE INDEX report_template_one_default_idx ON report_template (is_default) WHERE is_default",
  `CREATE TABLE microsite_link (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    purpose text NOT NULL CHECK (purpose IN ('settings','double_opt_in','unsubscribe')),
    purpose_ids uuid[] NOT NULL DEFAULT '{}',
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX microsite_link_person_idx ON microsite_link (person_id)",
  `CREATE TABLE outbox_message (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    idempotency_key text NOT NULL UNIQUE,
    person_id uuid REFERENCES person(id) ON DELETE SET NULL,
    to_address text NOT NULL,
    template text NOT NULL,
    language text NOT NULL CHECK (language IN ('de','en')),
    props jsonb NOT NULL DEFAULT '{}',
    subject text NOT NULL,
    html text NOT NULL,
    text text NOT NULL,
    headers jsonb NOT NULL DEFAULT '{}',
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','captured','dead')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error text,
    provider_message_id text,
    sent_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  "CREATE INDEX outbox_due_idx ON outbox_message (next_attempt_at) WHERE status = 'pending'",
  "CREATE INDEX outbox_created_idx ON outbox_message (created_at DESC, id)",
  "CREATE INDEX outbox_person_idx ON outbox_message (person_id)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...foundation, ...casework]) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    "outbox_message", "microsite_link", "report_template", "marketing_list_member", "marketing_list",
    "follow_up", "case_link", "case_step", "incident", "data_subject_request", "suppression_entry",
    "audit_event", "person_key", "consent_evidence", "processing_record", "purpose_version", "purpose",
    "relationship", "document", "activity", "bank_account", "person_address", "person_phone",
    "person_email", "person", "organization", "setting", "staff_verification", "staff_account",
    "staff_session", "staff_user",
  ];
  for (const table of tables) await sql.raw(`DROP TABLE IF EXISTS ${table} CASCADE`).execute(db);
  await sql.raw("DROP FUNCTION IF EXISTS audit_event_append_only()").execute(db);
}
