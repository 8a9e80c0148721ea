import { type Kysely, sql } from "kysely";

// `person.retain_until` is stored by `refreshTrafficLights` from now on (issue 9), but persons
// written before were never given one: NULL, so nobody would ever be due. Rather than copy the rule
// into a migration, every person's stored light is marked for recheck; the traffic-lights route
// (`refreshDueTrafficLights`) recomputes them in batches, retain-until included. Until then they
// stay not due, which keeps data rather than erasing it early.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE person SET light_recheck_at = now() WHERE light_recheck_at IS NULL OR light_recheck_at > now()`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  // Nothing to undo: a recheck recomputes what is already true.
}
