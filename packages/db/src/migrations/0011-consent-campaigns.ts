import { type Kysely, sql } from "kysely";

// Mass consent requests (issue "Marketing selections", points 5–7):
// - a campaign asks a list's members for chosen consent purposes, run as a bulk job;
// - one row per member with the route (e-mail or letter) or the reason they were not asked; the
//   request key (list × person × purpose set) is unique, so nobody is asked twice for the same thing;
// - outbox rows of a campaign are queued unrendered (subject, html, text NULL) and rendered by the
//   dispatcher right before sending; a mail whose person may no longer be contacted is `cancelled`.
const statements: string[] = [
  `CREATE TABLE consent_campaign (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    list_id uuid NOT NULL REFERENCES marketing_list(id) ON DELETE CASCADE,
    check_id uuid REFERENCES campaign_check(id) ON DELETE SET NULL,
    purpose_ids uuid[] NOT NULL CHECK (cardinality(purpose_ids) > 0),
    asked_purpose_ids uuid[] NOT NULL CHECK (cardinality(asked_purpose_ids) > 0),
    channel text NOT NULL CHECK (channel IN ('email','phone','post','sms','profiling')),
    purpose_set_key text NOT NULL,
    include_refusals boolean NOT NULL DEFAULT false,
    job_id uuid REFERENCES bulk_job(id) ON DELETE SET NULL,
    actor_id text NOT NULL,
    created_at timestamptz NOT NULL
  )`,
  "CREATE INDEX consent_campaign_list_idx ON consent_campaign (list_id, created_at DESC)",
  `CREATE TABLE consent_campaign_recipient (
    campaign_id uuid NOT NULL REFERENCES consent_campaign(id) ON DELETE CASCADE,
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    route text CHECK (route IN ('email','letter')),
    reason text,
    request_key text,
    link_id uuid REFERENCES microsite_link(id) ON DELETE SET NULL,
    outbox_message_id uuid REFERENCES outbox_message(id) ON DELETE SET NULL,
    PRIMARY KEY (campaign_id, person_id),
    CHECK ((route IS NULL) <> (reason IS NULL)),
    CHECK ((route IS NULL) = (request_key IS NULL))
  )`,
  "CREATE UNIQUE INDEX consent_campaign_recipient_key_idx ON consent_campaign_recipient (request_key) WHERE request_key IS NOT NULL",
  "CREATE INDEX consent_campaign_recipient_person_idx ON consent_campaign_recipient (person_id)",
  "CREATE INDEX consent_campaign_recipient_route_idx ON consent_campaign_recipient (campaign_id, route, person_id)",
  "ALTER TABLE outbox_message ALTER COLUMN subject DROP NOT NULL",
  "ALTER TABLE outbox_message ALTER COLUMN html DROP NOT NULL",
  "ALTER TABLE outbox_message ALTER COLUMN text DROP NOT NULL",
  "ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_rendered CHECK ((subject IS NULL) = (html IS NULL) AND (html IS NULL) = (text IS NULL))",
  "ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_status_check",
  `ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_status_check
     CHECK (status IN ('pending','sending','sent','captured','dead','cancelled'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const reverse = [
    "DELETE FROM outbox_message WHERE html IS NULL OR status = 'cancelled'",
    "ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_status_check",
    `ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_status_check
       CHECK (status IN ('pending','sending','sent','captured','dead'))`,
    "ALTER TABLE outbox_message DROP CONSTRAINT IF EXISTS outbox_message_rendered",
    "ALTER TABLE outbox_message ALTER COLUMN text SET NOT NULL",
    "ALTER TABLE outbox_message ALTER COLUMN html SET NOT NULL",
    "ALTER TABLE outbox_message ALTER COLUMN subject SET NOT NULL",
    "DROP TABLE IF EXISTS consent_campaign_recipient",
    "DROP TABLE IF EXISTS consent_campaign",
  ];
  for (const statement of reverse) await sql.raw(statement).execute(db);
}
