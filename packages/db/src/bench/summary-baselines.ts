import type { TrafficLight } from "@purposeful/domain";
import { CompiledQuery } from "kysely";
import type { Database } from "../create-database.ts";
import type { LightCounts } from "../repositories/traffic-lights.ts";

/*
 * Hand-written plain SQL that computes a list's live traffic-light counts, independently of
 * record-validity.ts, as baselines for summarizeListLights. $1 = list id, $2 = now.
 * A record counts as valid when its purpose is active, it has not run out, and it is either a
 * non-consent basis in state 'active' or a consent at a current-enough purpose version that is
 * confirmed (or granted where the record needed no double opt-in), and no objection to direct
 * marketing covers all of a direct-marketing purpose's channels.
 */
const VALID = `p.active
  AND NOT (p.direct_marketing AND cardinality(pe.dm_objection_channels) > 0
           AND CASE WHEN cardinality(p.channels) = 0
                 THEN pe.dm_objection_channels @> ARRAY['email','phone','post','sms','profiling']
                 ELSE p.channels <@ pe.dm_objection_channels END)
  AND (r.valid_until IS NULL OR r.valid_until > $2)
  AND CASE WHEN r.legal_basis = 'consent'
        THEN r.purpose_version >= p.min_valid_version
             AND (r.state = 'confirmed' OR (r.state = 'granted' AND NOT r.double_opt_in_required))
        ELSE r.state = 'active' END`;

const LIGHT = `CASE WHEN total > 0 AND valid = total THEN 'green' WHEN valid > 0 THEN 'yellow' ELSE 'red' END`;

const shapes: Record<string, string> = {
  // One index probe per member into processing_record (person_id, purpose_id).
  "lateral per member": `
    SELECT ${LIGHT} AS light, count(*)::int AS n
    FROM marketing_list_member m
    CROSS JOIN LATERAL (
      SELECT count(*) AS total, count(*) FILTER (WHERE ${VALID}) AS valid
      FROM processing_record r JOIN purpose p ON p.id = r.purpose_id JOIN person pe ON pe.id = r.person_id
      WHERE r.person_id = m.person_id
    ) c
    WHERE m.list_id = $1
    GROUP BY 1`,
  // Join everything, group by member.
  "group by member": `
    SELECT ${LIGHT} AS light, count(*)::int AS n FROM (
      SELECT m.person_id, count(r.id) AS total, count(r.id) FILTER (WHERE ${VALID}) AS valid
      FROM marketing_list_member m
      JOIN person pe ON pe.id = m.person_id
      LEFT JOIN processing_record r ON r.person_id = m.person_id
      LEFT JOIN purpose p ON p.id = r.purpose_id
      WHERE m.list_id = $1
      GROUP BY m.person_id
    ) x GROUP BY 1`,
  // Aggregate the members' records first (semi-join), then attach members without records.
  "aggregate then join": `
    WITH per_person AS (
      SELECT r.person_id, count(*) AS total, count(*) FILTER (WHERE ${VALID}) AS valid
      FROM processing_record r JOIN purpose p ON p.id = r.purpose_id JOIN person pe ON pe.id = r.person_id
      WHERE r.person_id IN (SELECT person_id FROM marketing_list_member WHERE list_id = $1)
      GROUP BY r.person_id
    )
    SELECT ${LIGHT} AS light, count(*)::int AS n FROM (
      SELECT coalesce(a.total, 0) AS total, coalesce(a.valid, 0) AS valid
      FROM marketing_list_member m LEFT JOIN per_person a ON a.person_id = m.person_id
      WHERE m.list_id = $1
    ) x GROUP BY 1`,
};

export interface BaselineSummary {
  name: string;
  run(db: Database, listId: string, now: Date): Promise<LightCounts>;
}

export const baselineSummaries: BaselineSummary[] = Object.entries(shapes).map(([name, text]) => ({
  name,
  async run(db, listId, now) {
    const result = await db.executeQuery<{ light: TrafficLight; n: number }>(
      CompiledQuery.raw(text, [listId, now]),
    );
    const counts: LightCounts = { green: 0, yellow: 0, red: 0, total: 0 };
    for (const row of result.rows) {
      counts[row.light] = row.n;
      counts.total += row.n;
    }
    return counts;
  },
}));
