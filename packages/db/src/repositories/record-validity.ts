import { allChannels, type TrafficLight } from "@purposeful/domain";
import { type RawBuilder, type SqlBool, sql } from "kysely";

/**
 * The validity rule of `assessRecord` (packages/domain) as one SQL predicate over
 * `processing_record as r` joined to `purpose as p` and the record's `person as pe`, so that bulk
 * checks stay set-based. record-validity.int.test.ts proves both agree on every combination of facts.
 */
export function validRecordSql(now: Date) {
  return sql<SqlBool>`(
    p.active
    AND NOT (p.direct_marketing AND ${objectionCoversPurposeSql})
    AND (r.valid_until IS NULL OR r.valid_until > ${now})
    AND (
      (r.legal_basis <> 'consent' AND r.state = 'active')
      OR (r.legal_basis = 'consent'
          AND coalesce(r.purpose_version, 0) >= p.min_valid_version
          AND (r.state = 'confirmed' OR (r.state = 'granted' AND NOT r.double_opt_in_required)))
    )
  )`;
}

/**
 * Light from counts over records of active purposes (a retired purpose does not keep anyone
 * yellow, as in `trafficLight`): every one valid → green, some → yellow, none or no purpose → red.
 */
export function lightFromCountsSql(validCount: RawBuilder<number>, totalCount: RawBuilder<number>) {
  return sql<TrafficLight>`CASE
    WHEN ${totalCount} > 0 AND ${validCount} = ${totalCount} THEN 'green'
    WHEN ${validCount} > 0 THEN 'yellow'
    ELSE 'red' END`;
}

/** `objectionCoversPurpose` (packages/domain) over `pe.dm_objection_channels` and `p.channels`. */
const objectionCoversPurposeSql = sql<SqlBool>`(
  cardinality(pe.dm_objection_channels) > 0
  AND CASE WHEN cardinality(p.channels) = 0
    THEN pe.dm_objection_channels @> ${sql.val([...allChannels])}::text[]
    ELSE p.channels <@ pe.dm_objection_channels END
)`;
