import { sql } from "kysely";
import type { Database } from "../create-database.ts";

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one hit for `key` in a fixed window and says whether it is still within the limit.
 * One UPSERT statement, so concurrent hits cannot both read a stale count. Keys carry only a
 * truncated address, e.g. "link:203.0.113.0" (see truncateIp).
 */
export async function hitRateLimit(
  db: Database,
  key: string,
  { limit, windowSeconds }: RateLimit,
  now: Date,
): Promise<boolean> {
  const windowOpen = new Date(now.getTime() - windowSeconds * 1000);
  const { rows } = await sql<{ count: number }>`
    INSERT INTO microsite_rate_limit AS r (key, window_start, count)
    VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN r.window_start <= ${windowOpen} THEN ${now} ELSE r.window_start END,
      count = CASE WHEN r.window_start <= ${windowOpen} THEN 1 ELSE r.count + 1 END
    RETURNING count`.execute(db);
  return Number(rows[0]?.count ?? Number.POSITIVE_INFINITY) <= limit;
}

/**
 * Housekeeping for the scheduled route: drops rate-limit rows of both apps (`microsite_rate_limit`,
 * better-auth's `staff_rate_limit`) whose window began more than `olderThanSeconds` ago — longer
 * than any window in use, so no live count is lost. Keys hold truncated or client addresses:
 * keeping them no longer than needed is data minimisation too (Art. 5(1)(c), (e) GDPR).
 */
export async function pruneRateLimits(
  db: Database,
  { olderThanSeconds, now }: { olderThanSeconds: number; now: Date },
): Promise<{ microsite: number; staff: number }> {
  const cutoff = new Date(now.getTime() - olderThanSeconds * 1000);
  const microsite = await db
    .deleteFrom("micrositeRateLimit")
    .where("windowStart", "<", cutoff)
    .executeTakeFirst();
  const staff = await db
    .deleteFrom("staffRateLimit")
    .where("lastRequest", "<", cutoff.getTime())
    .executeTakeFirst();
  return { microsite: Number(microsite.numDeletedRows), staff: Number(staff.numDeletedRows) };
}
