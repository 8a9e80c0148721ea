import { type Kysely, sql } from "kysely";

// Microsite sessions (a personal link exchanged for a short-lived cookie) and the per-address
// rate limit for token lookups. Only token hashes are stored; addresses only truncated (/24, /48).
const statements: string[] = [
  `CREATE TABLE microsite_session (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    link_id uuid REFERENCES microsite_link(id) ON DELETE CASCADE
  )`,
  "CREATE INDEX microsite_session_person_idx ON microsite_session (person_id)",
  "CREATE INDEX microsite_session_expires_idx ON microsite_session (expires_at)",
  `CREATE TABLE microsite_rate_limit (
    key text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    count integer NOT NULL
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("DROP TABLE IF EXISTS microsite_rate_limit").execute(db);
  await sql.raw("DROP TABLE IF EXISTS microsite_session").execute(db);
}
