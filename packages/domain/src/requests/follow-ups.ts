import {
  addDays,
  calendarDateAt,
  daysBetween,
  defaultTimeZone,
  formatCalendarDate,
  parseCalendarDate,
} from "../calendar-date.ts";
import { DomainError } from "../errors.ts";
import { roleAtLeast, type StaffRole } from "../roles.ts";

/**
 * Follow-ups (Wiedervorlagen, issue 11 #7): a due date, an assignee and a note on a request case, an
 * incident or a person, so that no step of a case is forgotten (Art. 5(2), 24(1) GDPR: the
 * controller must be able to show that requests and breaches are handled). Dates are calendar days
 * in the controller's time zone.
 */

/** Today in the controller's time zone, "YYYY-MM-DD". */
export function controllerToday(now: Date, timeZone: string = defaultTimeZone): string {
  return formatCalendarDate(calendarDateAt(now, timeZone));
}

export interface FollowUpStatus {
  /** calendar days from today to the due day; 0 on the due day, negative once overdue */
  daysLeft: number;
  /** due today or earlier: counted in the header */
  due: boolean;
  overdue: boolean;
}

export function followUpStatus(dueOn: string, now: Date, timeZone: string = defaultTimeZone): FollowUpStatus {
  const daysLeft = daysBetween(calendarDateAt(now, timeZone), parseCalendarDate(dueOn));
  return { daysLeft, due: daysLeft <= 0, overdue: daysLeft < 0 };
}

/** A new follow-up is due today or later: one due in the past would be overdue before it exists. */
export function checkFollowUpDueDate(dueOn: string, now: Date, timeZone: string = defaultTimeZone): void {
  if (followUpStatus(dueOn, now, timeZone).daysLeft < 0)
    throw new DomainError("validation", "follow_up_due_in_past");
}

export const minPostponeReasonLength = 3;

/**
 * Postponing moves the due day to a later day than today and says why, so the history shows each
 * delay with its reason (Art. 5(2): accountability for how long a case waited).
 */
export function checkFollowUpPostpone(
  input: { newDueOn: string; reason: string },
  now: Date,
  timeZone: string = defaultTimeZone,
): { reason: string } {
  const reason = input.reason.trim();
  if (reason.length < minPostponeReasonLength)
    throw new DomainError("validation", "follow_up_postpone_reason_required");
  if (followUpStatus(input.newDueOn, now, timeZone).daysLeft < 1)
    throw new DomainError("validation", "follow_up_postpone_not_future");
  return { reason };
}

/** Its assignee and whoever created it change a follow-up; the DPO and admins any. */
export function mayChangeFollowUp(
  followUp: { assigneeId: string | null; createdBy: string | null },
  user: { id: string; role: StaffRole },
): boolean {
  return followUp.assigneeId === user.id || followUp.createdBy === user.id || roleAtLeast(user.role, "dpo");
}

/** The first day a postponed follow-up may be due: tomorrow. */
export function earliestPostponeDate(now: Date, timeZone: string = defaultTimeZone): string {
  return formatCalendarDate(addDays(calendarDateAt(now, timeZone), 1));
}
