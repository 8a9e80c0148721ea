import Holidays from "date-holidays";
import {
  addDays,
  addMonthsClamped,
  type CalendarDate,
  calendarDateAt,
  dayOfWeek,
  daysBetween,
  defaultTimeZone,
  formatCalendarDate,
  parseCalendarDate,
} from "../calendar-date.ts";
import { DomainError } from "../errors.ts";

export const requestTypes = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "portability",
  "objection",
  "consent_withdrawal",
] as const;
export type RequestType = (typeof requestTypes)[number];

export const requestTypeArticle: Record<RequestType, string> = {
  access: "Art. 15",
  rectification: "Art. 16",
  erasure: "Art. 17",
  restriction: "Art. 18",
  portability: "Art. 20",
  objection: "Art. 21",
  consent_withdrawal: "Art. 7(3)",
};

/** How a request reached the controller (`data_subject_request.channel`). */
export const requestChannels = ["email", "letter", "phone", "microsite", "in_person", "fax"] as const;
export type RequestChannel = (typeof requestChannels)[number];

/**
 * How the requester's identity was verified before anything is disclosed or erased (Art. 12(6)):
 * they confirmed a link sent to an address we hold, staff saw an ID document, or staff know them.
 */
export const identityMethods = ["email_link", "id_document", "known_contact"] as const;
export type IdentityMethod = (typeof identityMethods)[number];

/** Where the controller works: its time zone decides the receipt day, its holidays the working days. */
export interface WorkingCalendar {
  timeZone: string;
  /** ISO 3166-1 country code, e.g. "DE" */
  country: string;
  /** state or region as date-holidays knows it, e.g. "BY" for Bavaria */
  region?: string;
}

export const defaultWorkingCalendar: WorkingCalendar = { timeZone: defaultTimeZone, country: "DE" };

const holidaySets = new Map<string, Set<string>>();

/** Public holidays only: bank, school and observance days are working days for a controller. */
function publicHolidays(calendar: WorkingCalendar, year: number): Set<string> {
  const key = `${calendar.country}/${calendar.region ?? ""}/${year}`;
  let set = holidaySets.get(key);
  if (!set) {
    const holidays = new Holidays();
    const knownCountry = calendar.country in holidays.getCountries();
    const knownRegion = !calendar.region || calendar.region in (holidays.getStates(calendar.country) ?? {});
    if (!knownCountry || !knownRegion) throw new DomainError("validation", "invalid_holiday_calendar", key);
    if (calendar.region) holidays.init(calendar.country, calendar.region, { types: ["public"] });
    else holidays.init(calendar.country, { types: ["public"] });
    set = new Set(
      holidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === "public")
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaySets.set(key, set);
  }
  return set;
}

export function isWorkingDay(
  date: CalendarDate,
  calendar: WorkingCalendar = defaultWorkingCalendar,
): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidays(calendar, date.year).has(formatCalendarDate(date));
}

// Reg. 1182/71 Art. 3(4): a period ending on a Saturday, Sunday or public holiday ends on the next working day.
export function nextWorkingDay(
  date: CalendarDate,
  calendar: WorkingCalendar = defaultWorkingCalendar,
): CalendarDate {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/**
 * The last day to answer a data-subject request, as "YYYY-MM-DD" in the controller's time zone.
 * The answer is in time if given by the end of that day.
 */
export function requestDueDate(
  receivedAt: Date,
  opts: { extended?: boolean; calendar?: WorkingCalendar } = {},
): string {
  const calendar = opts.calendar ?? defaultWorkingCalendar;
  // Reg. 1182/71 Art. 3(1): the day of receipt is the day in the controller's place, not in UTC.
  const received = calendarDateAt(receivedAt, calendar.timeZone);
  // Art. 12(3) GDPR: one month from receipt; extended by two further months, i.e. three months from receipt.
  const months = opts.extended ? 3 : 1;
  // Reg. 1182/71 Art. 3(2)(c): same date in the last month, else that month's last day.
  const due = addMonthsClamped(received, months);
  return formatCalendarDate(nextWorkingDay(due, calendar));
}

export interface RequestDeadlineStatus {
  /** calendar days from today (controller's time zone) to the due date; 0 on the due day, negative when overdue */
  daysLeft: number;
  /** the due day is over */
  overdue: boolean;
}

export function requestDeadlineStatus(
  due: string,
  now: Date,
  calendar: WorkingCalendar = defaultWorkingCalendar,
): RequestDeadlineStatus {
  const daysLeft = daysBetween(calendarDateAt(now, calendar.timeZone), parseCalendarDate(due));
  return { daysLeft, overdue: daysLeft < 0 };
}
