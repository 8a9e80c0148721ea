import {
  calendarDateAt,
  controllerTimeZone,
  defaultRetentionGraceDays,
  type ErasureLevel,
  formatCalendarDate,
  isErasureLevel,
} from "@purposeful/domain";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { validRecordSql } from "../repositories/record-validity.ts";

/** The controller's calendar day at `now` (YYYY-MM-DD): the `today` of retention. */
export function controllerToday(now: Date): string {
  return formatCalendarDate(calendarDateAt(now, controllerTimeZone));
}

/**
 * `recordBasisEnd` (packages/domain) over `processing_record as r`: when the record's basis ended,
 * NULL while it runs without an end. retain-until.int.test.ts proves it equal to the domain.
 */
const recordBasisEndSql = sql<Date | null>`CASE r.state
  WHEN 'requested' THEN coalesce(r.requested_at, r.updated_at)
  WHEN 'granted' THEN CASE WHEN r.double_opt_in_required THEN coalesce(r.granted_at, r.updated_at) ELSE r.valid_until END
  WHEN 'confirmed' THEN r.valid_until
  WHEN 'active' THEN r.valid_until
  WHEN 'withdrawn' THEN coalesce(r.withdrawn_at, r.updated_at)
  WHEN 'declined' THEN coalesce(r.declined_at, r.updated_at)
  WHEN 'ended' THEN coalesce(r.ended_at, r.updated_at)
  WHEN 'objected' THEN coalesce(r.objected_at, r.updated_at)
  WHEN 'expired' THEN coalesce(r.valid_until, r.updated_at)
END`;

/**
 * Aggregates over a person's records (`processing_record as r` joined to `purpose as p`) that
 * `retainUntilSql` combines: whether some basis runs open-ended, and the latest basis end plus
 * its purpose's period, counted in the controller's time zone. PostgreSQL's `(date + interval)`
 * adds months clamped to the month's end, then days, then the time part, as `addRetentionPeriod`.
 */
export const retentionAggregatesSql = {
  openEnded: sql<boolean>`bool_or(${recordBasisEndSql} IS NULL)`,
  latestUntil: sql<
    string | null
  >`max(((${recordBasisEndSql} AT TIME ZONE ${controllerTimeZone})::date + p.retention_period::interval)::date)`,
};

/** The company's grace days for persons without any record (setting `retentionGraceDays`). */
const graceDaysSql = sql<number>`coalesce(
  (SELECT (value->>'retentionGraceDays')::int FROM setting WHERE key = 'company'),
  ${sql.lit(defaultRetentionGraceDays)})`;

/**
 * `computeRetainUntil` (packages/domain) from the aggregates of one person's records: without any
 * record, the creation day (`createdAt`, in the controller's time zone) plus the grace days.
 */
export function retainUntilSql(input: {
  recordCount: RawBuilder<number>;
  openEnded: RawBuilder<boolean | null>;
  latestUntil: RawBuilder<string | null>;
  createdAt: RawBuilder<Date>;
}) {
  return sql<string | null>`CASE
    WHEN coalesce(${input.recordCount}, 0) = 0
      THEN (${input.createdAt} AT TIME ZONE ${controllerTimeZone})::date + ${graceDaysSql}
    WHEN ${input.openEnded} THEN NULL
    ELSE ${input.latestUntil} END`;
}

/** `effectiveRetainUntil`: the date staff set by hand, else the computed one (the index's key). */
export const effectiveRetainUntilSql = sql<
  string | null
>`coalesce(pe.retention_manual_until, pe.retain_until)`;

/**
 * `isRetentionDue` (packages/domain) over `person as pe` for erasure at `level` on the controller's
 * day `today`: not erased at that level, not restricted (Art. 18), no record a valid basis at `now`
 * (`validRecordSql`), and the manual date, else the computed retain-until, reached. Written so
 * that PostgreSQL can use person_retention_due_idx (the level and the index's predicate as
 * literals). retention-due.int.test.ts proves it equal to the domain.
 */
export function retentionDueSql(input: { today: string; now: Date; level: ErasureLevel }) {
  if (!isErasureLevel(input.level)) throw new Error(`not an erasure level: ${input.level}`);
  return sql<SqlBool>`(
    pe.erased_level < 3 AND NOT pe.restricted
    AND pe.erased_level < ${sql.lit(input.level)}
    AND ${effectiveRetainUntilSql} IS NOT NULL AND ${effectiveRetainUntilSql} <= ${input.today}::date
    AND NOT EXISTS (
      SELECT 1 FROM processing_record r JOIN purpose p ON p.id = r.purpose_id
      WHERE r.person_id = pe.id AND ${validRecordSql(input.now)}
    )
  )`;
}
