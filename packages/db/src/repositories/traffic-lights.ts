import type { Channel, TrafficLight } from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { purposeWithPeriodSql, retainUntilSql, retentionAggregatesSql } from "../retention/retention-sql.ts";
import { lightFromCountsSql, validRecordSql } from "./record-validity.ts";

export type LightCounts = { green: number; yellow: number; red: number; total: number };

/**
 * Recomputes the stored traffic light of the given persons, when it may next change on its own
 * (the earliest future valid-until) and their retain-until (`computeRetainUntil`: the latest end
 * of any basis plus that purpose's storage period, NULL while a basis runs open-ended, the
 * creation day plus the company's grace days without any record), in one statement. Call it in
 * the transaction that changed their records. Returns how many persons' stored values changed.
 */
export async function refreshTrafficLights(
  db: Database,
  personIds: readonly string[],
  now: Date,
): Promise<number> {
  if (personIds.length === 0) return 0;
  const result = await sql`
    WITH ${purposePeriodCte}
    UPDATE person SET
      traffic_light = l.light,
      light_recheck_at = l.recheck_at,
      retain_until = l.retain_until
    FROM (${storedLightsSql(personIds, now)}) l
    WHERE person.id = l.id
      AND (person.traffic_light IS DISTINCT FROM l.light
        OR person.light_recheck_at IS DISTINCT FROM l.recheck_at
        OR person.retain_until IS DISTINCT FROM l.retain_until)
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The CTE `purpose_period` that `storedLightsSql` reads: put it in the statement's WITH. */
export const purposePeriodCte = sql`purpose_period AS MATERIALIZED (${purposeWithPeriodSql})`;

/**
 * What `refreshTrafficLights` stores for the given persons, as rows (id, light, recheck_at,
 * retain_until) computed from their records at `now`: for a statement that writes the person rows
 * anyway (an erasure) and so stores them in the same write. `objectionChannels`: as if the persons
 * had objected to direct marketing on these channels, which that statement writes at the same time.
 * Needs `purposePeriodCte`.
 */
export function storedLightsSql(
  personIds: readonly string[],
  now: Date,
  options: { objectionChannels?: readonly Channel[] } = {},
) {
  const person = options.objectionChannels
    ? sql`(SELECT id, created_at, ${sql.val([...options.objectionChannels])}::text[] AS dm_objection_channels
        FROM person)`
    : sql`person`;
  return sql<{ id: string; light: TrafficLight; recheckAt: Date | null; retainUntil: string | null }>`
      SELECT pe.id,
        ${lightFromCountsSql(sql`coalesce(c.valid_count, 0)`, sql`coalesce(c.total_count, 0)`)} AS light,
        c.recheck_at,
        ${retainUntilSql({
          recordCount: sql`c.record_count`,
          openEnded: sql`c.open_ended`,
          latestUntil: sql`c.latest_until`,
          createdAt: sql`pe.created_at`,
        })} AS retain_until
      FROM unnest(${sql.val(personIds)}::uuid[]) AS x(id)
      JOIN ${person} pe ON pe.id = x.id
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE ${validRecordSql(now)}) AS valid_count,
               count(*) FILTER (WHERE p.active) AS total_count,
               min(r.valid_until) FILTER (WHERE ${validRecordSql(now)}) AS recheck_at,
               count(*) AS record_count,
               ${retentionAggregatesSql.openEnded} AS open_ended,
               ${retentionAggregatesSql.latestUntil} AS latest_until
        FROM processing_record r JOIN purpose_period p ON p.id = r.purpose_id
        WHERE r.person_id = pe.id
      ) c ON true`;
}

/** Persons whose light may have changed by the passage of time (a validity end reached). */
export async function refreshDueTrafficLights(db: Database, now: Date, batchSize = 1000): Promise<number> {
  const due = await db
    .selectFrom("person")
    .select("id")
    .where("lightRecheckAt", "<=", now)
    .orderBy("lightRecheckAt")
    .limit(batchSize)
    .execute();
  await refreshTrafficLights(
    db,
    due.map((row) => row.id),
    now,
  );
  return due.length;
}

/** Recomputes every person's light, in keyset batches (after an import or a material text change). */
export async function refreshAllTrafficLights(db: Database, now: Date, batchSize = 5000): Promise<void> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await db
      .selectFrom("person")
      .select("id")
      .where("id", ">", after)
      .orderBy("id")
      .limit(batchSize)
      .execute();
    if (batch.length === 0) return;
    await refreshTrafficLights(
      db,
      batch.map((row) => row.id),
      now,
    );
    after = batch[batch.length - 1]!.id;
  }
}

/**
 * Counts per light of a marketing list's members, computed live from their records at `now`
 * (not from the stored light), so a campaign check is exact at the moment it runs. One join and
 * one GROUP BY over the whole list: a per-member LATERAL measured 1.5x slower at 100k members.
 */
export async function summarizeListLights(db: Database, listId: string, now: Date): Promise<LightCounts> {
  const result = await sql<{ light: TrafficLight; n: number }>`
    SELECT l.light, count(*)::int AS n FROM (
      SELECT ${lightFromCountsSql(sql`count(r.id) FILTER (WHERE ${validRecordSql(now)})`, sql`count(r.id) FILTER (WHERE p.active)`)} AS light
      FROM marketing_list_member m
      JOIN person pe ON pe.id = m.person_id
      LEFT JOIN processing_record r ON r.person_id = m.person_id
      LEFT JOIN purpose p ON p.id = r.purpose_id
      WHERE m.list_id = ${listId}
      GROUP BY m.person_id
    ) l GROUP BY l.light
  `.execute(db);
  const counts: LightCounts = { green: 0, yellow: 0, red: 0, total: 0 };
  for (const row of result.rows) {
    counts[row.light] = row.n;
    counts.total += row.n;
  }
  return counts;
}

/**
 * Counts per light of the given persons (a selection in the list), live at `now` like
 * `summarizeListLights`, with the ids unnested in place of the list members. Unknown ids and
 * repeated ids are not counted.
 */
export async function summarizeLights(
  db: Database,
  personIds: readonly string[],
  now: Date,
): Promise<LightCounts> {
  const counts: LightCounts = { green: 0, yellow: 0, red: 0, total: 0 };
  if (personIds.length === 0) return counts;
  const result = await sql<{ light: TrafficLight; n: number }>`
    SELECT l.light, count(*)::int AS n FROM (
      SELECT ${lightFromCountsSql(sql`count(r.id) FILTER (WHERE ${validRecordSql(now)})`, sql`count(r.id) FILTER (WHERE p.active)`)} AS light
      FROM (SELECT DISTINCT x.id FROM unnest(${sql.val(personIds)}::uuid[]) AS x(id)) m
      JOIN person pe ON pe.id = m.id
      LEFT JOIN processing_record r ON r.person_id = m.id
      LEFT JOIN purpose p ON p.id = r.purpose_id
      GROUP BY m.id
    ) l GROUP BY l.light
  `.execute(db);
  for (const row of result.rows) {
    counts[row.light] = row.n;
    counts.total += row.n;
  }
  return counts;
}
