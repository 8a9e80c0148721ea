import { type Kysely, sql } from "kysely";

// The light refresh after a material purpose change walks the holders of one purpose by person id
// (a keyset cursor). The index (purpose_id, state, person_id) orders by state first, so each batch
// would read every record of the purpose; this one reads only the next batch.
const statements: string[] = [
  "CREATE INDEX processing_record_purpose_person_idx ON processing_record (purpose_id, person_id)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("DROP INDEX IF EXISTS processing_record_purpose_person_idx").execute(db);
}
