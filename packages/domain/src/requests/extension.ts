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

/**
 * Art. 12(3) GDPR, sentence 3: the person is told of an extension, with its reasons, within one
 * month of receipt — by the original due date (the same period as the answer, Reg. 1182/71). A
 * notice for a case that was not extended has nothing to tell; one after that day is late and is
 * refused, so nobody believes a late notice repairs a missed duty.
 */
export function checkExtensionNotice(input: {
  receivedAt: Date;
  now: Date;
  extended: boolean;
  calendar?: WorkingCalendar;
}): { noticeDueBy: string } {
  const calendar = input.calendar ?? defaultWorkingCalendar;
  if (!input.extended) throw new DomainError("validation", "request_not_extended");
  const noticeDueBy = requestDueDate(input.receivedAt, { calendar });
  const today = calendarDateAt(input.now, calendar.timeZone);
  if (daysBetween(today, parseCalendarDate(noticeDueBy)) < 0)
    throw new DomainError("validation", "extension_notice_late");
  return { noticeDueBy };
}
