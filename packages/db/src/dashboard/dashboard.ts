import { retentionActionLevel } from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { getCompanySettings } from "../repositories/settings.ts";
import { controllerToday, retentionDueSql } from "../retention/retention-sql.ts";

/**
 * The figures of the portal's home page (issue 11 #9) that are not a case list: the traffic lights
 * now and once a day before (their trend), and how many persons retention has due. Counts only.
 */

export interface LightDistribution {
  green: number;
  yellow: number;
  red: number;
}

// Anonymized persons (level 3) are no one's contact any more: they would only swell "red".
const countLights = sql<LightDistribution>`
  SELECT count(*) FILTER (WHERE traffic_light = 'green')::int AS green,
    count(*) FILTER (WHERE traffic_light = 'yellow')::int AS yellow,
    count(*) FILTER (WHERE traffic_light = 'red')::int AS red
  FROM person WHERE erased_level < 3`;

export async function lightDistribution(db: Database): Promise<LightDistribution> {
  const { rows } = await countLights.execute(db);
  return rows[0] ?? { green: 0, yellow: 0, red: 0 };
}

/**
 * Keeps today's distribution (the controller's calendar day) once: the first call of a day counts,
 * later ones and concurrent ones change nothing. Returns whether it took the snapshot.
 */
export async function recordLightSnapshot(db: Database, now: Date): Promise<boolean> {
  const day = controllerToday(now);
  const taken = await db
    .selectFrom("trafficLightSnapshot")
    .select("day")
    .where("day", "=", day)
    .executeTakeFirst();
  if (taken) return false;
  const { numAffectedRows } = await sql`
    INSERT INTO traffic_light_snapshot (day, green, yellow, red, taken_at)
    SELECT ${day}::date, c.green, c.yellow, c.red, ${now} FROM (${countLights}) c
    ON CONFLICT (day) DO NOTHING`.execute(db);
  return Number(numAffectedRows ?? 0) > 0;
}

/** The last `days` snapshots, oldest first, with today's live counts as the last point. */
export async function lightTrend(
  db: Database,
  input: { now: Date; days: number },
): Promise<Array<LightDistribution & { day: string }>> {
  const today = controllerToday(input.now);
  const [rows, current] = await Promise.all([
    db
      .selectFrom("trafficLightSnapshot")
      .select(["day", "green", "yellow", "red"])
      .where("day", "<", today)
      .orderBy("day", "desc")
      .limit(input.days - 1)
      .execute(),
    lightDistribution(db),
  ]);
  return [...rows.reverse(), { day: today, ...current }];
}

/** How many persons the next retention run acts on, and how many wait for the DPO's review. */
export async function retentionDueCounts(
  db: Database,
  now: Date,
): Promise<{ dueNow: number; underReview: number }> {
  const { retentionAction } = await getCompanySettings(db);
  const level = retentionActionLevel(retentionAction);
  const { rows } = await sql<{ dueNow: number; underReview: number }>`
    SELECT
      count(*) FILTER (WHERE ${retentionDueSql({ today: controllerToday(now), now, level })}
        AND pe.retention_review_at IS NULL)::int AS "dueNow",
      count(*) FILTER (WHERE pe.retention_review_at IS NOT NULL AND pe.erased_level < 3)::int AS "underReview"
    FROM person pe`.execute(db);
  return rows[0] ?? { dueNow: 0, underReview: 0 };
}
