import { type Kysely, sql } from "kysely";

// Retain-until (issue 9) is stored by `refreshTrafficLights`, which reads every record of a person
// through the covering index processing_record (person_id, purpose_id) INCLUDE (…) (0012). The basis
// end it needs (`recordBasisEnd` in packages/domain: when a record's basis ended, NULL while it runs)
// depends on the state and on up to three timestamps; rather than put them all into that index, the
// record keeps it as a generated column, and the index includes that one. packages/db's
// retain-until.int.test.ts proves the stored retain-until equal to the domain's for every state.
//
// Persons written before were never given a retain-until: NULL, so nobody would ever be due. Their
// stored lights are marked for recheck instead; the traffic-lights route (`refreshDueTrafficLights`)
// recomputes them in batches, retain-until included. Until then they stay not due, which keeps data
// rather than erasing it early.
const basisEnd = `CASE state
  WHEN 'requested' THEN coalesce(requested_at, updated_at)
  WHEN 'granted' THEN CASE WHEN double_opt_in_required THEN coalesce(granted_at, updated_at) ELSE valid_until END
  WHEN 'confirmed' THEN valid_until
  WHEN 'active' THEN valid_until
  WHEN 'withdrawn' THEN coalesce(withdrawn_at, updated_at)
  WHEN 'declined' THEN coalesce(declined_at, updated_at)
  WHEN 'ended' THEN coalesce(ended_at, updated_at)
  WHEN 'objected' THEN coalesce(objected_at, updated_at)
  WHEN 'expired' THEN coalesce(valid_until, updated_at)
END`;

const ruleFacts = [
  "id",
  "legal_basis",
  "state",
  "source",
  "purpose_version",
  "valid_until",
  "double_opt_in_required",
  "told_right_to_object",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `ALTER TABLE processing_record ADD COLUMN basis_end timestamptz GENERATED ALWAYS AS (${basisEnd}) STORED`,
    )
    .execute(db);
  await sql
    .raw("ALTER TABLE processing_record DROP CONSTRAINT processing_record_person_id_purpose_id_key")
    .execute(db);
  await sql
    .raw(`ALTER TABLE processing_record ADD CONSTRAINT processing_record_person_id_purpose_id_key
      UNIQUE (person_id, purpose_id) INCLUDE (${[...ruleFacts, "basis_end"].join(", ")})`)
    .execute(db);
  await sql`UPDATE person SET light_recheck_at = now() WHERE light_recheck_at IS NULL OR light_recheck_at > now()`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw("ALTER TABLE processing_record DROP CONSTRAINT processing_record_person_id_purpose_id_key")
    .execute(db);
  await sql
    .raw(`ALTER TABLE processing_record ADD CONSTRAINT processing_record_person_id_purpose_id_key
      UNIQUE (person_id, purpose_id) INCLUDE (${ruleFacts.join(", ")})`)
    .execute(db);
  await sql.raw("ALTER TABLE processing_record DROP COLUMN IF EXISTS basis_end").execute(db);
}
