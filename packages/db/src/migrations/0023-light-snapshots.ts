import { type Kysely, sql } from "kysely";

// The distribution of traffic lights once a day (issue 11 #9): the dashboard shows its trend. Taken
// by the traffic-light job on its first run of a day (in the controller's time zone); counts only,
// no person.
const statements = [
  `CREATE TABLE traffic_light_snapshot (
    day date PRIMARY KEY,
    green integer NOT NULL,
    yellow integer NOT NULL,
    red integer NOT NULL,
    taken_at timestamptz NOT NULL
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("DROP TABLE traffic_light_snapshot").execute(db);
}
