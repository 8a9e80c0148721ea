import { calendarDateAt, defaultTimeZone, formatCalendarDate, parseCalendarDate } from "../calendar-date.ts";
import { DomainError } from "../errors.ts";
import { isRetentionDutyKey, type LegalHold, legalHoldFor, type RetentionDutyKey } from "./retention.ts";

/** How long the reason for a manual retention date may be (free text, kept with the person). */
export const maxRetentionReasonLength = 2000;

/** A calendar date as YYYY-MM-DD that exists; anything else is `invalid_retention_date`. */
export function parseRetentionDate(value: string): string {
  const trimmed = value.trim();
  try {
    return formatCalendarDate(parseCalendarDate(trimmed));
  } catch {
    throw new DomainError("validation", "invalid_retention_date", trimmed.slice(0, 20));
  }
}

/**
 * Art. 5(1)(e) GDPR: staff may set a person's retain-until date by hand, longer or shorter than the one
 * computed from the records (e.g. a pending claim, or an agreed earlier deletion); the date replaces the
 * computed one (`effectiveRetainUntil`) and needs a reason, which the person's record keeps.
 */
export function decideManualRetention(input: { until: string; reason: string }): {
  until: string;
  reason: string;
} {
  const until = parseRetentionDate(input.until);
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > maxRetentionReasonLength)
    throw new DomainError("validation", "retention_reason_required");
  return { until, reason };
}

/**
 * HGB §257, AO §147: the retention class of a document or bank account and the date its period counts
 * from (by default the day it was stored, in the controller's time zone); no class means no hold.
 * Returns the values to store with the hold they give.
 */
export function decideRetentionClass(
  input: { retentionClass: string | null; retentionDate?: string | null },
  createdAt: Date,
  timeZone: string = defaultTimeZone,
): { retentionClass: RetentionDutyKey | null; retentionDate: string | null; hold: LegalHold | null } {
  if (input.retentionClass === null) return { retentionClass: null, retentionDate: null, hold: null };
  if (!isRetentionDutyKey(input.retentionClass))
    throw new DomainError("not_found", "retention_duty_not_found", input.retentionClass);
  const retentionDate = input.retentionDate
    ? parseRetentionDate(input.retentionDate)
    : formatCalendarDate(calendarDateAt(createdAt, timeZone));
  return {
    retentionClass: input.retentionClass,
    retentionDate,
    hold: legalHoldFor(input.retentionClass, retentionDate),
  };
}
