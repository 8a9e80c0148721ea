import { type Kysely, sql } from "kysely";

// The list check (`checkList`, admissibilitySql) reads each member's record of each chosen purpose.
// At 1,000,000 persons the record heap (≈ 470 MB) no longer stays in memory, and fetching those rows
// in person order cost a random heap read per pair: half of the check of 100,000 members (1.3 s →
// 0.66 s without them). The unique key (person_id, purpose_id) now carries the facts the rule reads,
// so the check, its UWG §7(3) "customer from a sale" probe and the list's light summary run as
// index-only scans. Same key, same constraint name: one index instead of a second one next to it.
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

const statements: string[] = [
  "ALTER TABLE processing_record DROP CONSTRAINT processing_record_person_id_purpose_id_key",
  `ALTER TABLE processing_record ADD CONSTRAINT processing_record_person_id_purpose_id_key
     UNIQUE (person_id, purpose_id) INCLUDE (${ruleFacts.join(", ")})`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const reverse = [
    "ALTER TABLE processing_record DROP CONSTRAINT processing_record_person_id_purpose_id_key",
    `ALTER TABLE processing_record ADD CONSTRAINT processing_record_person_id_purpose_id_key
       UNIQUE (person_id, purpose_id)`,
  ];
  for (const statement of reverse) await sql.raw(statement).execute(db);
}
