import {
  addDays,
  type CalendarDate,
  calendarDateAt,
  daysBetween,
  formatCalendarDate,
  parseCalendarDate,
} from "../calendar-date.ts";
import { authorityNotificationHours, type RiskLevel, requiredNotifications } from "../incidents/deadline.ts";
import { isWorkingDay, type WorkingCalendar } from "./deadline.ts";
import { followUpStatus } from "./follow-ups.ts";

/**
 * Escalation (issue 11 #8): which reminders are due at `now` for an open request, incident or
 * follow-up, each with a stable key (the scheduled route sends each key once) and who gets it by
 * role. A reminder that was missed (the route did not run, or the case was recorded late) is sent
 * late, but only the most pressing one of its kind, so nobody gets a stack of stale reminders.
 */

/** Days before a request's due date on which its assignee is reminded (company setting). */
export const defaultReminderDaysBeforeDue: readonly number[] = [7, 2];
export const maxReminderDaysCount = 5;
export const maxReminderDaysBefore = 60;

/** Positive whole days, each at most 60, at most five of them, none twice. */
export function isValidReminderDays(days: readonly number[]): boolean {
  return (
    days.length >= 1 &&
    days.length <= maxReminderDaysCount &&
    new Set(days).size === days.length &&
    days.every((day) => Number.isInteger(day) && day >= 1 && day <= maxReminderDaysBefore)
  );
}

/** How far ahead of a due date a request can need a reminder: the SQL's pre-selection uses it. */
export function requestReminderHorizonDays(reminderDays: readonly number[]): number {
  // The last working day before a due date lies at most a week earlier (Easter: Thursday → Tuesday).
  return Math.max(7, ...reminderDays);
}

/** Incidents need no reminder before this many hours since awareness. */
export const firstIncidentReminderHours = 24;
/** Art. 33(1): reminders while the 72 hours run, the last one with six hours left. */
export const incidentReminderHours = [24, 48, 66] as const;

export type ReminderRecipient = "assignee" | "dpo" | "admin";
export type ReminderKind =
  | "request_before_due"
  | "request_due_tomorrow"
  | "request_overdue"
  | "incident_open"
  | "incident_overdue"
  | "follow_up_overdue";

export interface DueReminder {
  /** unique per reminder, e.g. `request:<id>:2026-11-30:before:7`, `incident:<id>:24h` */
  key: string;
  kind: ReminderKind;
  about: "request" | "incident" | "follow_up";
  id: string;
  recipients: ReminderRecipient[];
  /** the due day of a request or follow-up, "YYYY-MM-DD" */
  dueDate: string | null;
  /** days from today to the due day (negative once overdue) */
  daysLeft: number | null;
  /** an incident's hours since awareness the reminder stands for (24, 48, 66, 72) */
  hours: number | null;
  /** a request's deadline was extended (Art. 12(3)) */
  extended: boolean;
}

export interface ReminderContext {
  now: Date;
  calendar: WorkingCalendar;
  reminderDaysBeforeDue: readonly number[];
}

export interface RequestReminderFacts {
  id: string;
  /** the deadline in force: the extended one once extended */
  dueDate: string;
  extended: boolean;
  closed: boolean;
  /** an active staff user is assigned */
  hasAssignee: boolean;
}

function lastWorkingDayBefore(day: CalendarDate, calendar: WorkingCalendar): CalendarDate {
  let before = addDays(day, -1);
  while (!isWorkingDay(before, calendar)) before = addDays(before, -1);
  return before;
}

export function requestReminders(request: RequestReminderFacts, ctx: ReminderContext): DueReminder[] {
  if (request.closed) return [];
  const today = calendarDateAt(ctx.now, ctx.calendar.timeZone);
  const due = parseCalendarDate(request.dueDate);
  const daysLeft = daysBetween(today, due);
  const base = { about: "request" as const, id: request.id, dueDate: request.dueDate, daysLeft };
  const reminder = (suffix: string, kind: ReminderKind, recipients: ReminderRecipient[]): DueReminder => ({
    ...base,
    key: `request:${request.id}:${request.dueDate}:${suffix}`,
    kind,
    recipients,
    hours: null,
    extended: request.extended,
  });
  // Art. 12(3): the answer is in time until the end of the due day; from the next day it is late,
  // and the DPO and the admins are told (Art. 38(1), 39(1)(b): the DPO monitors compliance).
  if (daysLeft < 0) return [reminder("overdue", "request_overdue", ["dpo", "admin"])];
  const reminders: DueReminder[] = [];
  // The assignee (without one, the DPO) on the configured days before the due day.
  const before = [...ctx.reminderDaysBeforeDue].sort((a, b) => a - b).find((days) => daysLeft <= days);
  if (before !== undefined)
    reminders.push(
      reminder(`before:${before}`, "request_before_due", request.hasAssignee ? ["assignee"] : ["dpo"]),
    );
  // The DPO on the last working day before the due day (a Friday for a Monday), or later that weekend.
  if (daysBetween(lastWorkingDayBefore(due, ctx.calendar), today) >= 0)
    reminders.push(reminder("due_tomorrow", "request_due_tomorrow", ["dpo"]));
  return reminders;
}

export interface IncidentReminderFacts {
  id: string;
  awareAt: Date;
  authorityNotifiedAt: Date | null;
  /** null while the risk is not assessed */
  risk: RiskLevel | null;
  closed: boolean;
  hasAssignee: boolean;
}

const hourMs = 3_600_000;

export function incidentReminders(incident: IncidentReminderFacts, ctx: ReminderContext): DueReminder[] {
  if (incident.closed || incident.authorityNotifiedAt !== null) return [];
  // Art. 33(1): no notification is due when the breach is unlikely to result in a risk; until the
  // risk is assessed, it may be.
  if (incident.risk !== null && !requiredNotifications(incident.risk).authority) return [];
  const hoursSince = (ctx.now.getTime() - incident.awareAt.getTime()) / hourMs;
  const base = {
    about: "incident" as const,
    id: incident.id,
    dueDate: null,
    daysLeft: null,
    extended: false,
  };
  // Art. 33(1): 72 hours after awareness the notification is late; the DPO and the admins are told.
  if (hoursSince >= authorityNotificationHours)
    return [
      {
        ...base,
        key: `incident:${incident.id}:overdue`,
        kind: "incident_overdue",
        recipients: ["dpo", "admin"],
        hours: authorityNotificationHours,
      },
    ];
  const reached = incidentReminderHours.filter((hours) => hoursSince >= hours).at(-1);
  if (reached === undefined) return [];
  return [
    {
      ...base,
      key: `incident:${incident.id}:${reached}h`,
      kind: "incident_open",
      recipients: incident.hasAssignee ? ["dpo", "assignee"] : ["dpo"],
      hours: reached,
    },
  ];
}

export interface FollowUpReminderFacts {
  id: string;
  dueOn: string;
  done: boolean;
  hasAssignee: boolean;
}

export function followUpReminders(followUp: FollowUpReminderFacts, ctx: ReminderContext): DueReminder[] {
  if (followUp.done) return [];
  const { daysLeft, overdue } = followUpStatus(followUp.dueOn, ctx.now, ctx.calendar.timeZone);
  if (!overdue) return [];
  // The due day is part of the key: a follow-up postponed and overdue again is reminded again.
  return [
    {
      key: `follow_up:${followUp.id}:${followUp.dueOn}:overdue`,
      kind: "follow_up_overdue",
      about: "follow_up",
      id: followUp.id,
      recipients: followUp.hasAssignee ? ["assignee"] : ["dpo"],
      dueDate: followUp.dueOn,
      daysLeft,
      hours: null,
      extended: false,
    },
  ];
}

/** The day a request's pre-selection reaches: due dates up to it may need a reminder today. */
export function requestReminderHorizon(ctx: ReminderContext): string {
  const today = calendarDateAt(ctx.now, ctx.calendar.timeZone);
  return formatCalendarDate(addDays(today, requestReminderHorizonDays(ctx.reminderDaysBeforeDue)));
}
