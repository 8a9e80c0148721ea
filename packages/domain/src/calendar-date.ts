import { DomainError } from "./errors.ts";

/** A calendar day without time or zone, as the law counts periods. Months are 1-based. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The controller's time zone: deadlines, "valid through" days and every date shown are counted in it. */
export const controllerTimeZone = "Europe/Berlin";
export const defaultTimeZone = controllerTimeZone;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    } catch {
      throw new DomainError("validation", "invalid_time_zone", timeZone);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day an instant falls on in a time zone (23:30 UTC on 31 Jan is 1 Feb in Berlin). */
export function calendarDateAt(instant: Date, timeZone: string = defaultTimeZone): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new DomainError("validation", "invalid_date");
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day") };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseCalendarDate(value: string): CalendarDate {
  const match = isoDatePattern.exec(value);
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
  if (
    !date ||
    date.month < 1 ||
    date.month > 12 ||
    date.day < 1 ||
    date.day > daysInMonth(date.year, date.month)
  ) {
    throw new DomainError("validation", "invalid_date", value);
  }
  return date;
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function toEpochDay({ year, month, day }: CalendarDate): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function fromEpochDay(epochDay: number): CalendarDate {
  const date = new Date(epochDay * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole calendar days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

// Reg. 1182/71 Art. 3(2)(c): a month period ends on the same date; if that month lacks it, on its last day.
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const monthIndex = date.month - 1 + months;
  const year = date.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** The instant a calendar day begins in a time zone (midnight local time, whatever the DST offset). */
export function startOfDay(date: CalendarDate, timeZone: string = defaultTimeZone): Date {
  const utcMidnight = Date.UTC(date.year, date.month - 1, date.day);
  // Walk from UTC midnight to local midnight: at most ±14 h, and the offset is stable across a day
  // except at DST changes, which happen at night but never at midnight in the zones we serve.
  let guess = utcMidnight;
  for (let i = 0; i < 3; i++) {
    const local = calendarDateAt(new Date(guess), timeZone);
    const hours = Number(
      new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(
        new Date(guess),
      ),
    );
    const minutes = Number(
      new Intl.DateTimeFormat("en-GB", { timeZone, minute: "2-digit" }).format(new Date(guess)),
    );
    const dayShift = compareCalendarDates(local, date) * 24 * 60;
    const offsetMinutes = dayShift + hours * 60 + minutes;
    if (offsetMinutes === 0) return new Date(guess);
    guess -= offsetMinutes * 60_000;
  }
  return new Date(guess);
}

/** A "valid through this day" date as the exclusive instant it ends: the start of the next day. */
export function endOfDayExclusive(value: string, timeZone: string = defaultTimeZone): Date {
  return startOfDay(addDays(parseCalendarDate(value), 1), timeZone);
}
