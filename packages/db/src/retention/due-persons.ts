import type { ErasureLevel } from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { effectiveRetainUntilSql, retentionDueSql } from "./retention-sql.ts";

export interface DueQuery {
  /** the controller's day (YYYY-MM-DD) */
  today: string;
  /** the instant a record's validity is judged at */
  now: Date;
  level: ErasureLevel;
}

/** A share of the person ids: from (inclusive) to (exclusive), null for open. */
export interface IdPartition {
  from: string | null;
  to: string | null;
}

/**
 * Who the sweep acts on: due for erasure at `level` and not queued for the DPO's review (once
 * queued, only the DPO decides: approve or postpone), within the partition's ids if one is given.
 */
const sweepableSql = (query: DueQuery & { partition?: IdPartition }) =>
  sql`${retentionDueSql(query)} AND pe.retention_review_at IS NULL
    ${query.partition?.from ? sql`AND pe.id >= ${query.partition.from}::uuid` : sql``}
    ${query.partition?.to ? sql`AND pe.id < ${query.partition.to}::uuid` : sql``}`;

/** A keyset position in the sweep's order: (effective retain-until, person id). */
function parseCursor(cursor: string | null): { until: string; id: string } | null {
  if (cursor === null) return null;
  const [until, id] = cursor.split("/");
  if (!until || !id) throw new Error(`bad retention cursor ${cursor}`);
  return { until, id };
}

/**
 * The next `limit` persons the sweep acts on after `cursor`, in the order of
 * person_retention_due_idx ((effective retain-until, id), a range scan of that index). `lock` holds
 * their rows for the caller's transaction; a person restricted or changed meanwhile is checked again.
 */
export async function sweepableBatch(
  db: Database,
  query: DueQuery & { cursor: string | null; limit: number; lock?: boolean; partition?: IdPartition },
): Promise<{ ids: string[]; cursor: string | null }> {
  const after = parseCursor(query.cursor);
  const { rows } = await sql<{ id: string; until: string }>`
    SELECT pe.id, ${effectiveRetainUntilSql}::text AS until
    FROM person pe
    WHERE ${sweepableSql(query)}
      ${after ? sql`AND (${effectiveRetainUntilSql}, pe.id) > (${after.until}::date, ${after.id}::uuid)` : sql``}
    ORDER BY ${effectiveRetainUntilSql}, pe.id
    LIMIT ${query.limit}
    ${query.lock ? sql`FOR UPDATE OF pe` : sql``}
  `.execute(db);
  const last = rows.at(-1);
  return { ids: rows.map((row) => row.id), cursor: last ? `${last.until}/${last.id}` : query.cursor };
}

/** How many persons the sweep would act on. */
export async function countSweepable(
  db: Database,
  query: DueQuery & { partition?: IdPartition },
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM person pe WHERE ${sweepableSql(query)}
  `.execute(db);
  return rows[0]?.n ?? 0;
}
