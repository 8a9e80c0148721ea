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
 * Aggregates over a person's records (`processing_record as r` joined to `purposeWithPeriodSql as
 * p`) that `retainUntilSql` combines: whether some basis runs open-ended, and the latest basis end
 * plus its purpose's period, counted in the controller's time zone. The basis end is the record's
 * generated column `basis_end` (`recordBasisEnd` in packages/domain; migration 0016), carried by
 * the covering index of (person_id, purpose_id). PostgreSQL's `(date + interval)` adds months
 * clamped to the month's end, then days, then the time part, as `addRetentionPeriod` does.
 * retain-until.int.test.ts proves the result equal to `computeRetainUntil`.
 */
export const retentionAggregatesSql = {
  openEnded: sql<boolean>`bool_or(r.basis_end IS NULL)`,
  latestUntil: sql<
    string | null
  >`max((r.basis_end AT TIME ZONE ${controllerTimeZone})::date + p.retention_interval)::date`,
};

/**
 * The purposes with their storage period parsed once (`retention_interval`), as a CTE body: the
 * text-to-interval cast per record cost more than the rest of the refresh.
 */
export const purposeWithPeriodSql = sql`SELECT purpose.*, retention_period::interval AS retention_interval FROM purpose`;

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
 * literals). The `OFFSET 0` keeps the NOT EXISTS a probe of each candidate's records through the
 * (person_id, purpose_id) index: as an anti-join, PostgreSQL estimated "no valid record anywhere"
 * when most persons are due and scanned every record for each batch of the sweep (88 ms of a
 * 1000-person batch at 100,000 persons). retention-due.int.test.ts proves it equal to the domain.
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
      OFFSET 0
    )
  )`;
}
