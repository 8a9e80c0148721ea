import { calendarDateAt, controllerTimeZone, formatCalendarDate } from "../calendar-date.ts";
import { addRetentionPeriod, type RetentionRecordFacts, recordBasisEnd } from "../erasure/retention.ts";

/**
 * Art. 15(1)(d) GDPR: how long one purpose's data is stored. When the basis has ended, the day it
 * will be erased (`computeRetainUntil`'s date for this record); while it runs, the criterion: as
 * long as the basis lasts, then the purpose's storage period (ISO 8601 duration). A manual date the
 * DPO set for the whole person overrides both (`effectiveRetainUntil`).
 */
export type StoragePeriod = { kind: "until"; date: string } | { kind: "while_basis_then"; period: string };

export function storagePeriodOf(
  record: RetentionRecordFacts,
  opts: { manualUntil?: string | null; timeZone?: string } = {},
): StoragePeriod {
  if (opts.manualUntil) return { kind: "until", date: opts.manualUntil };
  const end = recordBasisEnd(record);
  if (end === null) return { kind: "while_basis_then", period: record.retentionPeriod };
  const day = calendarDateAt(end, opts.timeZone ?? controllerTimeZone);
  return { kind: "until", date: formatCalendarDate(addRetentionPeriod(day, record.retentionPeriod)) };
}
