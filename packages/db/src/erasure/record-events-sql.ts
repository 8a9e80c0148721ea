import type { ErasureLevel, ErasureRecordEvent, RecordState } from "@purposeful/domain";
import { type RawBuilder, sql } from "kysely";

/**
 * `nextRecord(r, event, r.legal_basis).state` (packages/domain) as SQL over a record `r`, for the
 * three events an erasure applies: the new state, or NULL where the domain refuses the event.
 * record-events-sql.int.test.ts proves each equal to the domain for every basis × state.
 */
export const withdrawTransitionSql = sql<RecordState | null>`(CASE
  WHEN r.legal_basis = 'consent' AND r.state IN ('requested', 'granted', 'confirmed') THEN 'withdrawn'
  ELSE NULL END)`;

export const objectTransitionSql = sql<RecordState | null>`(CASE
  WHEN r.legal_basis IN ('legitimate_interests', 'public_task') AND r.state = 'active' THEN 'objected'
  ELSE NULL END)`;

export const endTransitionSql = sql<RecordState | null>`(CASE
  WHEN r.legal_basis <> 'consent' AND r.state = 'active' THEN 'ended'
  ELSE NULL END)`;

/**
 * `erasureRecordEvent` (packages/domain) as SQL over a record `r` and its purpose `p`: the event an
 * erasure at `level` applies, or NULL. Proven equal to the domain in record-events-sql.int.test.ts.
 */
export function erasureEventSql(level: ErasureLevel) {
  return sql<ErasureRecordEvent | null>`(CASE
    WHEN ${withdrawTransitionSql} IS NOT NULL THEN 'withdraw'
    WHEN r.legal_basis = 'legitimate_interests' AND p.direct_marketing AND ${objectTransitionSql} IS NOT NULL
      THEN 'object'
    WHEN ${sql.lit(level)} >= 3 AND ${endTransitionSql} IS NOT NULL THEN 'end'
    ELSE NULL END)`;
}

/** The state after the erasure's event `ev` (an `erasureEventSql` value) on `r`. */
export function erasureStateSql(ev: RawBuilder<ErasureRecordEvent | null>) {
  return sql<RecordState>`(CASE ${ev}
  WHEN 'withdraw' THEN ${withdrawTransitionSql}
  WHEN 'object' THEN ${objectTransitionSql}
  WHEN 'end' THEN ${endTransitionSql}
  ELSE r.state END)`;
}
