import { type Kysely, sql } from "kysely";

// Requests from the microsite (issue 11 #5): the verification link a person asks for on the public
// request form. One table for known and unknown addresses alike, so both cost the same statements
// (the form must not reveal which it was): the address the link went to, the person it matched
// (null for an address we do not hold: anyone may ask "do you hold data about me?", Art. 15(1)),
// the page's language, the SHA-256 of the token only, and a short expiry. The row is deleted when
// the request is filed (single use) and expired rows are cleared on the next insert, so an unknown
// person's address is kept no longer than the link lives (Art. 5(1)(c), (e)). Removing the person
// or the address they used takes the link with it.
const statements = [
  `CREATE TABLE microsite_request_link (
    id uuid PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    email text NOT NULL,
    person_id uuid REFERENCES person(id) ON DELETE CASCADE,
    person_email_id uuid REFERENCES person_email(id) ON DELETE CASCADE,
    language text NOT NULL CHECK (language IN ('de', 'en')),
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK ((person_id IS NULL) = (person_email_id IS NULL))
  )`,
  "CREATE INDEX microsite_request_link_expires_idx ON microsite_request_link (expires_at)",
  "CREATE INDEX microsite_request_link_person_idx ON microsite_request_link (person_id) WHERE person_id IS NOT NULL",
  "CREATE INDEX microsite_request_link_email_idx ON microsite_request_link (person_email_id) WHERE person_email_id IS NOT NULL",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("DROP TABLE IF EXISTS microsite_request_link").execute(db);
}
