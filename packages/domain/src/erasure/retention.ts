import {
  addDays,
  addMonthsClamped,
  type CalendarDate,
  calendarDateAt,
  compareCalendarDates,
  defaultTimeZone,
  formatCalendarDate,
  parseCalendarDate,
} from "../calendar-date.ts";
import type { RecordState } from "../consent/processing-record.ts";
import { DomainError } from "../errors.ts";
import type { LegalBasis } from "../legal-basis.ts";
import type { ErasureLevel } from "./levels.ts";

export const retentionDutyKeys = [
  "business_letters",
  "accounting_vouchers",
  "books_and_annual_accounts",
] as const;
export type RetentionDutyKey = (typeof retentionDutyKeys)[number];

export function isRetentionDutyKey(value: string): value is RetentionDutyKey {
  return (retentionDutyKeys as readonly string[]).includes(value);
}

export interface RetentionDuty {
  key: RetentionDutyKey;
  years: number;
  source: string;
  description: string;
}

// HGB §257(4), AO §147(3): six, eight (vouchers, since 1 Jan 2025 per BEG IV) and ten years.
export const retentionDuties: readonly RetentionDuty[] = [
  {
    key: "business_letters",
    years: 6,
    source: "HGB §257(1) no. 2–3, (4); AO §147(1) no. 2–3, (3)",
    description: "Business letters received and copies of those sent",
  },
  {
    key: "accounting_vouchers",
    years: 8,
    source: "HGB §257(1) no. 4, (4); AO §147(1) no. 4, (3) (eight years since 2025)",
    description: "Accounting vouchers (invoices, receipts)",
  },
  {
    key: "books_and_annual_accounts",
    years: 10,
    source: "HGB §257(1) no. 1, (4); AO §147(1) no. 1, (3)",
    description: "Books, inventories, opening balance sheets, annual accounts, management reports",
  },
];

/** Why an item must outlive an erasure: a retention duty, or the proof of a past consent. */
export const holdKeys = [...retentionDutyKeys, "consent_evidence", "phone_consent_evidence"] as const;
export type HoldKey = (typeof holdKeys)[number];

// §195, §199(1) BGB: claims about a consent can be raised for three years from the end of the year.
export const consentEvidenceRetention = { years: 3, source: "§195, §199(1) BGB" } as const;
// §7a(2) UWG: a consent to telephone advertising is kept as proof for five years after its last use.
export const phoneConsentEvidenceRetention = { years: 5, source: "§7a UWG; §195, §199(1) BGB" } as const;

export function retentionDuty(key: RetentionDutyKey): RetentionDuty {
  const duty = retentionDuties.find((d) => d.key === key);
  if (!duty) throw new DomainError("not_found", "retention_duty_not_found", key);
  return duty;
}

/**
 * Art. 17(3)(b),(e) GDPR: an item that must be kept although its person is erased. `until` is the
 * first day it may be deleted (YYYY-MM-DD; the hold applies while today < until).
 */
export interface LegalHold {
  key: HoldKey;
  /** the law, language-neutral (the apps translate the key) */
  source: string;
  until: string;
}

/**
 * The first day on which a document dated `documentDate` (YYYY-MM-DD) may be erased, i.e. the `until`
 * of its legal hold (a hold blocks while today < until).
 */
export function retentionHoldUntil(years: number, documentDate: string): string {
  const { year } = parseCalendarDate(documentDate);
  // HGB §257(5), AO §147(4): the period starts at the end of the calendar year the document belongs to.
  return formatCalendarDate({ year: year + years + 1, month: 1, day: 1 });
}

/** The legal hold of a document or bank account of a retention class, dated `documentDate`. */
export function legalHoldFor(key: RetentionDutyKey, documentDate: string): LegalHold {
  const duty = retentionDuty(key);
  return { key, source: duty.source, until: retentionHoldUntil(duty.years, documentDate) };
}

/**
 * How long the evidence of a consent is kept after the consent ended (withdrawn, declined, objected
 * or ended by an erasure) at `endedAt`: to the end of the third year after the year it ended
 * (§§195, 199(1) BGB), for consents to telephone advertising five years after it ended, its last
 * possible use (§7a(2) UWG), which is always later.
 */
export function consentEvidenceHold(endedAt: Date, opts: { phone: boolean; timeZone?: string }): LegalHold {
  const ended = calendarDateAt(endedAt, opts.timeZone ?? defaultTimeZone);
  if (opts.phone) {
    return {
      key: "phone_consent_evidence",
      source: phoneConsentEvidenceRetention.source,
      until: formatCalendarDate(addMonthsClamped(ended, phoneConsentEvidenceRetention.years * 12)),
    };
  }
  return {
    key: "consent_evidence",
    source: consentEvidenceRetention.source,
    until: formatCalendarDate({ year: ended.year + consentEvidenceRetention.years + 1, month: 1, day: 1 }),
  };
}

/** A hold still applies on `today` (YYYY-MM-DD) while today < until; on its until day it is over. */
export function holdApplies(hold: Pick<LegalHold, "until">, today: string): boolean {
  return compareCalendarDates(parseCalendarDate(hold.until), parseCalendarDate(today)) > 0;
}

const periodPattern =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * A date plus a storage period (ISO 8601 duration, as the purposes declare it): years and months as
 * calendar months clamped to the month's end (29 Feb + P1Y = 28 Feb), then weeks and days, then whole
 * days of the time part. This is also PostgreSQL's `(date + interval)::date`.
 */
export function addRetentionPeriod(date: CalendarDate, period: string): CalendarDate {
  const match = periodPattern.exec(period);
  if (!match) throw new DomainError("validation", "invalid_purpose", `retention period ${period}`);
  const n = (i: number) => Number(match[i] ?? 0);
  const months = n(1) * 12 + n(2);
  const seconds = n(5) * 3600 + n(6) * 60 + n(7);
  return addDays(addMonthsClamped(date, months), n(3) * 7 + n(4) + Math.floor(seconds / 86_400));
}

/** The facts of one processing record that decide when its basis ended. */
export interface RetentionRecordFacts {
  legalBasis: LegalBasis;
  state: RecordState;
  doubleOptInRequired: boolean;
  requestedAt: Date | null;
  grantedAt: Date | null;
  withdrawnAt: Date | null;
  declinedAt: Date | null;
  endedAt: Date | null;
  objectedAt: Date | null;
  validUntil: Date | null;
  updatedAt: Date;
  /** the purpose's storage period after its basis ends (ISO 8601 duration) */
  retentionPeriod: string;
}

/**
 * When a record's basis ended, or null while it runs. A request is not a basis (Art. 6(1)(a)) and an
 * unconfirmed double opt-in is not yet one, so they count from when they were made; a running
 * basis ends at its validity end, if it has one.
 */
export function recordBasisEnd(record: RetentionRecordFacts): Date | null {
  switch (record.state) {
    case "requested":
      return record.requestedAt ?? record.updatedAt;
    case "granted":
      return record.doubleOptInRequired ? (record.grantedAt ?? record.updatedAt) : record.validUntil;
    case "confirmed":
    case "active":
      return record.validUntil;
    case "withdrawn":
      return record.withdrawnAt ?? record.updatedAt;
    case "declined":
      return record.declinedAt ?? record.updatedAt;
    case "ended":
      return record.endedAt ?? record.updatedAt;
    case "objected":
      return record.objectedAt ?? record.updatedAt;
    case "expired":
      return record.validUntil ?? record.updatedAt;
  }
}

/** A contact without any purpose is kept this many days for one to be recorded (Art. 5(1)(e)). */
export const defaultRetentionGraceDays = 30;
export const minRetentionGraceDays = 1;
export const maxRetentionGraceDays = 365;

/**
 * Art. 5(1)(e) GDPR: a contact kept without any purpose must not be kept "just in case": at most a
 * year to record one, and at least a day, so a contact is never due on the day it was created.
 */
export function isValidRetentionGraceDays(days: number): boolean {
  return Number.isInteger(days) && days >= minRetentionGraceDays && days <= maxRetentionGraceDays;
}

/**
 * Art. 5(1)(e), 17(1)(a) GDPR: the day until which a person's data may be kept (YYYY-MM-DD): the
 * latest end of any of their bases plus that purpose's storage period, counted in the controller's
 * time zone. Null while some basis still runs without an end. Without any record, the creation day
 * plus the grace period.
 */
export function computeRetainUntil(
  person: { createdAt: Date; records: readonly RetentionRecordFacts[] },
  opts: { graceDays?: number; timeZone?: string } = {},
): string | null {
  const timeZone = opts.timeZone ?? defaultTimeZone;
  if (person.records.length === 0) {
    const created = calendarDateAt(person.createdAt, timeZone);
    return formatCalendarDate(addDays(created, opts.graceDays ?? defaultRetentionGraceDays));
  }
  let latest: CalendarDate | null = null;
  for (const record of person.records) {
    const end = recordBasisEnd(record);
    if (end === null) return null;
    const until = addRetentionPeriod(calendarDateAt(end, timeZone), record.retentionPeriod);
    if (!latest || compareCalendarDates(until, latest) > 0) latest = until;
  }
  return latest ? formatCalendarDate(latest) : null;
}

/**
 * A postponed erasure (the DPO's decision on a queued person) must lie after `today`, or the person
 * would be due again at once (Art. 5(1)(e)).
 */
export function checkPostponement(until: string, today: string): void {
  if (compareCalendarDates(parseCalendarDate(until), parseCalendarDate(today)) <= 0)
    throw new DomainError("validation", "retention_postpone_not_future", until);
}

/** A date staff set by hand (longer or shorter) replaces the computed one. */
export function effectiveRetainUntil(computed: string | null, manual: string | null): string | null {
  return manual ?? computed;
}

export interface RetentionDueFacts {
  erasedLevel: 0 | ErasureLevel;
  /** Art. 18(1)(b),(c) GDPR: a restricted person's data is kept, not erased */
  restricted: boolean;
  /** some record is a lawful basis right now (assessRecord) */
  hasValidBasis: boolean;
  retainUntil: string | null;
  manualRetainUntil: string | null;
}

/**
 * Art. 5(1)(e), 17(1)(a) GDPR: a person is due for the retention action (erasure at `targetLevel`)
 * when no basis covers them any more and their storage period (computed or set by hand) has passed
 * — unless they are restricted (Art. 18) or already erased at that level.
 */
export function isRetentionDue(facts: RetentionDueFacts, today: string, targetLevel: ErasureLevel): boolean {
  if (facts.erasedLevel >= targetLevel) return false;
  if (facts.restricted) return false;
  if (facts.hasValidBasis) return false;
  const until = effectiveRetainUntil(facts.retainUntil, facts.manualRetainUntil);
  if (until === null) return false;
  return compareCalendarDates(parseCalendarDate(until), parseCalendarDate(today)) <= 0;
}

/** What the scheduled retention route does with a due person, per company (level 3 by default). */
export const retentionActions = ["erase_level_3", "erase_level_2", "erase_level_1", "review"] as const;
export type RetentionAction = (typeof retentionActions)[number];
export const defaultRetentionAction: RetentionAction = "erase_level_3";

export function isRetentionAction(value: string): value is RetentionAction {
  return (retentionActions as readonly string[]).includes(value);
}

/** The level a retention action erases to; a review is decided later at level 3 by default. */
export function retentionActionLevel(action: RetentionAction): ErasureLevel {
  return action === "erase_level_1" ? 1 : action === "erase_level_2" ? 2 : 3;
}
