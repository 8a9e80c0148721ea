import { type Kysely, sql } from "kysely";

// Incident cases (issue 11 #6): a number to quote ("INC-2026-0003"), who discovered it and who
// recorded it, and the risk assessment as a decision with its reasons and time: before it, the risk
// is unknown (the column's default "risk" only keeps old rows valid), and which notifications
// Art. 33 and 34 require follows from it.
const statements = [
  "CREATE SEQUENCE incident_number_seq",
  "ALTER TABLE incident ADD COLUMN number integer NOT NULL DEFAULT nextval('incident_number_seq')",
  "ALTER SEQUENCE incident_number_seq OWNED BY incident.number",
  "CREATE UNIQUE INDEX incident_number_idx ON incident (number)",
  "ALTER TABLE incident ADD COLUMN discovered_by text",
  "ALTER TABLE incident ADD COLUMN created_by text REFERENCES staff_user(id) ON DELETE SET NULL",
  "ALTER TABLE incident ADD COLUMN risk_assessed_at timestamptz",
  "ALTER TABLE incident ADD COLUMN risk_reasons text",
  "ALTER TABLE incident ADD CONSTRAINT incident_risk_reasons CHECK (risk_assessed_at IS NULL OR risk_reasons IS NOT NULL)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    "ALTER TABLE incident DROP CONSTRAINT incident_risk_reasons",
    "ALTER TABLE incident DROP COLUMN risk_reasons",
    "ALTER TABLE incident DROP COLUMN risk_assessed_at",
    "ALTER TABLE incident DROP COLUMN created_by",
    "ALTER TABLE incident DROP COLUMN discovered_by",
    "ALTER TABLE incident DROP COLUMN number",
  ])
    await sql.raw(statement).execute(db);
}
