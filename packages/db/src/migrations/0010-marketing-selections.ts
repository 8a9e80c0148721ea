import { type Kysely, sql } from "kysely";

// Marketing selections (issue "Marketing selections"):
// - persons are consumers or business contacts (UWG §7(2)): business where an organization is linked;
// - purposes may advertise the controller's own similar goods (UWG §7(3) no. 2);
// - a record keeps whether the person was told of the right to object at collection (§7(3) no. 4);
// - every list check is kept with its settings and counts (campaign history).
const statements: string[] = [
  `ALTER TABLE person ADD COLUMN party_type text NOT NULL DEFAULT 'consumer'
     CHECK (party_type IN ('consumer','business'))`,
  "UPDATE person SET party_type = 'business' WHERE organization_id IS NOT NULL",
  "ALTER TABLE purpose ADD COLUMN own_similar_goods boolean NOT NULL DEFAULT false",
  "ALTER TABLE processing_record ADD COLUMN told_right_to_object boolean NOT NULL DEFAULT false",
  `CREATE TABLE campaign_check (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    list_id uuid NOT NULL REFERENCES marketing_list(id) ON DELETE CASCADE,
    purpose_ids uuid[] NOT NULL,
    channel text NOT NULL CHECK (channel IN ('email','phone','post','sms','profiling')),
    checked_at timestamptz NOT NULL,
    actor_id text,
    total integer NOT NULL,
    admissible integer NOT NULL,
    by_reason jsonb NOT NULL DEFAULT '{}'
  )`,
  "CREATE INDEX campaign_check_list_idx ON campaign_check (list_id, checked_at DESC)",
  "CREATE INDEX marketing_list_created_idx ON marketing_list (created_at DESC, id)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const reverse = [
    "DROP INDEX IF EXISTS marketing_list_created_idx",
    "DROP TABLE IF EXISTS campaign_check",
    "ALTER TABLE processing_record DROP COLUMN IF EXISTS told_right_to_object",
    "ALTER TABLE purpose DROP COLUMN IF EXISTS own_similar_goods",
    "ALTER TABLE person DROP COLUMN IF EXISTS party_type",
  ];
  for (const statement of reverse) await sql.raw(statement).execute(db);
}
