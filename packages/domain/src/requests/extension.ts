import { calendarDateAt, daysBetween, parseCalendarDate } from "../calendar-date.ts";
import { DomainError } from "../errors.ts";
import { defaultWorkingCalendar, requestDueDate, type WorkingCalendar } from "./deadline.ts";

export interface RequestExtension {
  /** received + 3 months, on a working day (Art. 12(3)) */
  extendedDueDate: string;
  /** the person must be told of the extension and its reasons by this day: the original due date */
  noticeDueBy: string;
}

/**
 * Art. 12(3) GDPR: the one-month period may be extended by two further months where necessary,
 * taking into account the complexity and number of the requests; the controller informs the person
 * of the extension, with the reasons, within one month of receipt. So an extension needs a reason,
 * happens once, and only while the first month runs.
 */
export function extendRequest(input: {
  receivedAt: Date;
  now: Date;
  reason: string;
  alreadyExtended: boolean;
  calendar?: WorkingCalendar;
}): RequestExtension {
  const calendar = input.calendar ?? defaultWorkingCalendar;
  if (input.alreadyExtended) throw new DomainError("conflict", "request_already_extended");
  if (input.reason.trim().length < 10) throw new DomainError("validation", "extension_reason_required");
  const noticeDueBy = requestDueDate(input.receivedAt, { calendar });
  const today = calendarDateAt(input.now, calendar.timeZone);
  if (daysBetween(today, parseCalendarDate(noticeDueBy)) < 0)
    throw new DomainError("validation", "extension_too_late");
  return { extendedDueDate: requestDueDate(input.receivedAt, { extended: true, calendar }), noticeDueBy };
}
