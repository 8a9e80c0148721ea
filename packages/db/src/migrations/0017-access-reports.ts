import { type Kysely, sql } from "kysely";

// Access reports (Art. 15) and the register's missing facts (Art. 30(1)), issue 10:
// - a purpose names the categories of data subjects (Art. 30(1)(c)), its third-country transfers
//   with their ground (Art. 15(2), 30(1)(e), 44–49: [{country, recipient, safeguard}]) and whether it
//   profiles or decides automatically (Art. 15(1)(h), 22);
// - a report template says which sections are in, which activity and document kinds are internal
//   (left out with a line saying so, Art. 15(4)), whether documents are attached, and a letterhead;
//   the intro and closing texts per language were there already. `include_internal` gives way to
//   the kinds;
// - `access_report` is one report: requested by staff for the DPO's approval, generated (a PDF kept
//   as a document of the person, with the template and language it used), sent (by a download link,
//   or attached when the DPO chose that), downloaded;
// - a microsite link may be a report's download link (`report_download`, with the report it opens).
// Written out, not imported: a migration must not change when the domain's list does.
const sections = [
  "controller",
  "purposes",
  "data_categories",
  "recipients",
  "third_country_transfers",
  "storage_period",
  "rights",
  "data_source",
  "automated_decisions",
  "master_data",
  "communication_data",
  "bank_accounts",
  "activities",
  "documents",
  "relationships",
  "processing_records",
  "consent_receipts",
  "audit_history",
  "microsite_visits",
]
  .map((s) => `'${s}'`)
  .join(",");
const defaultIntro = {
  de: "Sie haben Auskunft über die Daten verlangt, die wir über Sie verarbeiten (Art. 15 DSGVO). Dieser Bericht enthält alle Angaben nach Art. 15 Abs. 1 und 2 DSGVO und eine Kopie Ihrer Daten (Art. 15 Abs. 3 DSGVO).",
  en: "You asked which data we process about you (Art. 15 GDPR). This report contains all the information under Art. 15(1) and (2) GDPR and a copy of your data (Art. 15(3) GDPR).",
};
const defaultOutro = {
  de: "Wenn Sie Fragen haben oder Angaben berichtigen lassen möchten, wenden Sie sich bitte an unseren Datenschutz.",
  en: "If you have questions or want data corrected, please contact our data protection team.",
};

const statements: string[] = [
  "ALTER TABLE purpose ADD COLUMN data_subject_categories text[] NOT NULL DEFAULT '{}'",
  "ALTER TABLE purpose ADD COLUMN third_country_transfers jsonb NOT NULL DEFAULT '[]'",
  "ALTER TABLE purpose ADD COLUMN profiling boolean NOT NULL DEFAULT false",

  "ALTER TABLE report_template DROP COLUMN include_internal",
  "ALTER TABLE report_template ADD COLUMN internal_activity_kinds text[] NOT NULL DEFAULT '{note,task}'",
  "ALTER TABLE report_template ADD COLUMN internal_document_kinds text[] NOT NULL DEFAULT '{}'",
  "ALTER TABLE report_template ADD COLUMN attach_documents boolean NOT NULL DEFAULT false",
  "ALTER TABLE report_template ADD COLUMN letterhead text NOT NULL DEFAULT ''",
  "ALTER TABLE report_template ADD COLUMN updated_by text",
  // Templates made before named sections the reports never used: every section, as the default has.
  `UPDATE report_template SET sections = ARRAY[${sections}]`,
  // The default template the product ships with (packages/domain `defaultReportTemplate`).
  `INSERT INTO report_template (name, sections, intro, outro, is_default)
    SELECT 'Standard', ARRAY[${sections}], '${JSON.stringify(defaultIntro)}', '${JSON.stringify(defaultOutro)}', true
    WHERE NOT EXISTS (SELECT 1 FROM report_template WHERE is_default)`,

  `CREATE TABLE access_report (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    request_id uuid REFERENCES data_subject_request(id) ON DELETE SET NULL,
    template_id uuid REFERENCES report_template(id) ON DELETE SET NULL,
    language text NOT NULL CHECK (language IN ('de','en')),
    status text NOT NULL CHECK (status IN ('requested','generated','sent')),
    requested_by text,
    requested_at timestamptz,
    generated_by text,
    generated_at timestamptz,
    document_id uuid REFERENCES document(id) ON DELETE SET NULL,
    delivery text CHECK (delivery IN ('link','attachment')),
    sent_by text,
    sent_at timestamptz,
    sent_to_email_id uuid REFERENCES person_email(id) ON DELETE SET NULL,
    downloaded_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (status = 'requested' OR generated_at IS NOT NULL),
    CHECK (status <> 'sent' OR (sent_at IS NOT NULL AND delivery IS NOT NULL))
  )`,
  "CREATE INDEX access_report_person_idx ON access_report (person_id, created_at DESC)",
  "CREATE INDEX access_report_requested_idx ON access_report (requested_at) WHERE status = 'requested'",
  "CREATE INDEX access_report_document_idx ON access_report (document_id) WHERE document_id IS NOT NULL",

  "ALTER TABLE microsite_link DROP CONSTRAINT microsite_link_purpose_check",
  `ALTER TABLE microsite_link ADD CONSTRAINT microsite_link_purpose_check
    CHECK (purpose IN ('settings','double_opt_in','unsubscribe','report_download'))`,
  "ALTER TABLE microsite_link ADD COLUMN access_report_id uuid REFERENCES access_report(id) ON DELETE CASCADE",
  `ALTER TABLE microsite_link ADD CONSTRAINT microsite_link_report
    CHECK ((purpose = 'report_download') = (access_report_id IS NOT NULL))`,
  "CREATE INDEX microsite_link_report_idx ON microsite_link (access_report_id) WHERE access_report_id IS NOT NULL",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    "DELETE FROM microsite_link WHERE purpose = 'report_download'",
    "ALTER TABLE microsite_link DROP CONSTRAINT microsite_link_report",
    "ALTER TABLE microsite_link DROP COLUMN access_report_id",
    "ALTER TABLE microsite_link DROP CONSTRAINT microsite_link_purpose_check",
    `ALTER TABLE microsite_link ADD CONSTRAINT microsite_link_purpose_check
      CHECK (purpose IN ('settings','double_opt_in','unsubscribe'))`,
    "DROP TABLE access_report",
    "ALTER TABLE report_template DROP COLUMN updated_by",
    "ALTER TABLE report_template DROP COLUMN letterhead",
    "ALTER TABLE report_template DROP COLUMN attach_documents",
    "ALTER TABLE report_template DROP COLUMN internal_document_kinds",
    "ALTER TABLE report_template DROP COLUMN internal_activity_kinds",
    "ALTER TABLE report_template ADD COLUMN include_internal boolean NOT NULL DEFAULT false",
    "ALTER TABLE purpose DROP COLUMN profiling",
    "ALTER TABLE purpose DROP COLUMN third_country_transfers",
    "ALTER TABLE purpose DROP COLUMN data_subject_categories",
  ])
    await sql.raw(statement).execute(db);
}
