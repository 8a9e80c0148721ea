import type { TrafficLight } from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import type { LightCounts } from "../repositories/traffic-lights.ts";

/** What the bench loaded, counted straight from the tables, to check the product's figures against. */
export async function countRows(db: Database): Promise<Record<string, number>> {
  const tables = [
    "organization",
    "person",
    "person_email",
    "purpose",
    "processing_record",
    "marketing_list_member",
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
    counts[table] = result.rows[0]?.n ?? 0;
  }
  return counts;
}

export async function storedLights(db: Database, listId?: string): Promise<LightCounts> {
  const query = listId
    ? sql<{ light: TrafficLight; n: number }>`
        SELECT p.traffic_light AS light, count(*)::int AS n FROM marketing_list_member m
        JOIN person p ON p.id = m.person_id WHERE m.list_id = ${listId} GROUP BY 1`
    : sql<{ light: TrafficLight; n: number }>`
        SELECT traffic_light AS light, count(*)::int AS n FROM person GROUP BY 1`;
  const counts: LightCounts = { green: 0, yellow: 0, red: 0, total: 0 };
  for (const row of (await query.execute(db)).rows) {
    counts[row.light] = row.n;
    counts.total += row.n;
  }
  return counts;
}

export const sameCounts = (a: LightCounts, b: LightCounts) =>
  a.green === b.green && a.yellow === b.yellow && a.red === b.red && a.total === b.total;
export const showCounts = (c: LightCounts) =>
  `green ${c.green}, yellow ${c.yellow}, red ${c.red} (total ${c.total})`;
