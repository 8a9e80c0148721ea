import { describe, expect, it } from "vitest";
import { defaultWorkingCalendar } from "./deadline.ts";
import {
  followUpReminders,
  incidentReminders,
  isValidReminderDays,
  type ReminderContext,
  requestReminders,
} from "./reminders.ts";

// November and December 2026 are CET (UTC+1) in Berlin.
const berlin = (local: string) => new Date(`${local}+01:00`);
const ctx = (now: Date, reminderDaysBeforeDue: number[] = [7, 2]): ReminderContext => ({
  now,
  calendar: defaultWorkingCalendar,
  reminderDaysBeforeDue,
});
const request = { id: "r1", dueDate: "2026-11-30", extended: false, closed: false, hasAssignee: true };
const keysAndRecipients = (reminders: { key: string; recipients: string[] }[]) =>
  reminders.map(({ key, recipients }) => [key, recipients]);

describe("request reminders (Art. 12(3))", () => {
  it("reminds the assignee exactly 7 days before the due day, not 8", () => {
    // Monday 30 November 2026 is the due day.
    expect(requestReminders(request, ctx(berlin("2026-11-22T23:59:00")))).toEqual([]);
    expect(keysAndRecipients(requestReminders(request, ctx(berlin("2026-11-23T00:00:00"))))).toEqual([
      ["request:r1:2026-11-30:before:7", ["assignee"]],
    ]);
  });

  it("a missed reminder comes late, only the most pressing one", () => {
    const [reminder] = requestReminders(request, ctx(berlin("2026-11-25T10:00:00")));
    expect(reminder).toMatchObject({ key: "request:r1:2026-11-30:before:7", daysLeft: 5 });
    // Two days left: the 2-day reminder, not the 7-day one as well.
    const keys = requestReminders(request, ctx(berlin("2026-11-28T10:00:00"))).map((r) => r.key);
    expect(keys).toContain("request:r1:2026-11-30:before:2");
    expect(keys).not.toContain("request:r1:2026-11-30:before:7");
  });

  it("tells the DPO on the working day before the due day: the Friday for a Monday", () => {
    const kinds = (local: string) => requestReminders(request, ctx(berlin(local))).map((r) => r.kind);
    expect(kinds("2026-11-26T16:00:00")).toEqual(["request_before_due"]);
    expect(keysAndRecipients(requestReminders(request, ctx(berlin("2026-11-27T08:00:00"))))).toEqual([
      ["request:r1:2026-11-30:before:7", ["assignee"]],
      ["request:r1:2026-11-30:due_tomorrow", ["dpo"]],
    ]);
  });

  it("the day before a mid-week due day: the 2-day reminder and the DPO", () => {
    const wednesday = { ...request, dueDate: "2026-12-02" };
    expect(keysAndRecipients(requestReminders(wednesday, ctx(berlin("2026-12-01T09:00:00"))))).toEqual([
      ["request:r1:2026-12-02:before:2", ["assignee"]],
      ["request:r1:2026-12-02:due_tomorrow", ["dpo"]],
    ]);
    expect(requestReminders(wednesday, ctx(berlin("2026-11-30T09:00:00"))).map((r) => r.kind)).toEqual([
      "request_before_due",
    ]);
  });

  it("the due day itself is not overdue; the next day goes to the DPO and the admins", () => {
    const dueDay = requestReminders(request, ctx(berlin("2026-11-30T23:59:59")));
    expect(dueDay.map((r) => r.kind)).not.toContain("request_overdue");
    expect(dueDay[0]).toMatchObject({ daysLeft: 0 });
    expect(keysAndRecipients(requestReminders(request, ctx(berlin("2026-12-01T00:00:00"))))).toEqual([
      ["request:r1:2026-11-30:overdue", ["dpo", "admin"]],
    ]);
  });

  it("counts the day in the controller's time zone, not in UTC", () => {
    // 23:30 UTC on 22 November is already 23 November in Berlin.
    expect(requestReminders(request, ctx(new Date("2026-11-22T23:30:00Z"))).map((r) => r.key)).toEqual([
      "request:r1:2026-11-30:before:7",
    ]);
  });

  it("without an assignee the DPO gets the assignee's reminders; a closed case gets none", () => {
    const unassigned = requestReminders(
      { ...request, hasAssignee: false },
      ctx(berlin("2026-11-23T09:00:00")),
    );
    expect(unassigned[0]?.recipients).toEqual(["dpo"]);
    for (const local of ["2026-11-23T09:00:00", "2026-11-29T09:00:00", "2026-12-05T09:00:00"])
      expect(requestReminders({ ...request, closed: true }, ctx(berlin(local)))).toEqual([]);
  });

  it("an extended deadline is reminded anew: the due day is part of the key", () => {
    const extended = { ...request, dueDate: "2027-01-29", extended: true };
    const [reminder] = requestReminders(extended, ctx(berlin("2027-01-22T09:00:00")));
    expect(reminder).toMatchObject({ key: "request:r1:2027-01-29:before:7", extended: true });
  });

  it("follows the configured days", () => {
    expect(requestReminders(request, ctx(berlin("2026-11-16T09:00:00"), [14, 3])).map((r) => r.key)).toEqual([
      "request:r1:2026-11-30:before:14",
    ]);
    expect(requestReminders(request, ctx(berlin("2026-11-23T09:00:00"), [3]))).toEqual([]);
  });
});

describe("incident reminders (Art. 33(1))", () => {
  const awareAt = new Date("2026-11-02T08:00:00Z");
  const incident = {
    id: "i1",
    awareAt,
    authorityNotifiedAt: null,
    risk: null,
    closed: false,
    hasAssignee: false,
  };
  const hoursIn = (hours: number, minutes = 0) =>
    ctx(new Date(awareAt.getTime() + (hours * 60 + minutes) * 60_000));

  it("reminds at 24, 48 and 66 hours after awareness", () => {
    expect(incidentReminders(incident, hoursIn(23, 59))).toEqual([]);
    expect(keysAndRecipients(incidentReminders(incident, hoursIn(24, 1)))).toEqual([
      ["incident:i1:24h", ["dpo"]],
    ]);
    expect(incidentReminders(incident, hoursIn(47, 59)).map((r) => r.key)).toEqual(["incident:i1:24h"]);
    expect(incidentReminders(incident, hoursIn(48)).map((r) => r.key)).toEqual(["incident:i1:48h"]);
    expect(incidentReminders(incident, hoursIn(66))[0]).toMatchObject({ key: "incident:i1:66h", hours: 66 });
  });

  it("also reminds the assignee; after 72 hours the DPO and the admins", () => {
    expect(incidentReminders({ ...incident, hasAssignee: true }, hoursIn(24))[0]?.recipients).toEqual([
      "dpo",
      "assignee",
    ]);
    expect(keysAndRecipients(incidentReminders(incident, hoursIn(72)))).toEqual([
      ["incident:i1:overdue", ["dpo", "admin"]],
    ]);
  });

  it("stops once the authority is notified: notified before 66 hours, no 66-hour reminder", () => {
    const notified = { ...incident, authorityNotifiedAt: new Date(awareAt.getTime() + 60 * 3_600_000) };
    expect(incidentReminders(notified, hoursIn(66, 1))).toEqual([]);
    expect(incidentReminders(notified, hoursIn(80))).toEqual([]);
  });

  it("reminds while the risk is not assessed or requires notification, not for risk none or closed", () => {
    expect(incidentReminders({ ...incident, risk: "high" }, hoursIn(30))).toHaveLength(1);
    expect(incidentReminders({ ...incident, risk: "risk" }, hoursIn(30))).toHaveLength(1);
    expect(incidentReminders({ ...incident, risk: "none" }, hoursIn(30))).toEqual([]);
    expect(incidentReminders({ ...incident, closed: true }, hoursIn(30))).toEqual([]);
  });
});

describe("follow-up reminders", () => {
  const followUp = { id: "f1", dueOn: "2026-11-30", done: false, hasAssignee: true };

  it("reminds the assignee once the due day is over, not on it", () => {
    expect(followUpReminders(followUp, ctx(berlin("2026-11-30T23:59:00")))).toEqual([]);
    expect(keysAndRecipients(followUpReminders(followUp, ctx(berlin("2026-12-01T00:00:30"))))).toEqual([
      ["follow_up:f1:2026-11-30:overdue", ["assignee"]],
    ]);
  });

  it("without an assignee the DPO; done ones never", () => {
    const later = ctx(berlin("2026-12-03T09:00:00"));
    expect(followUpReminders({ ...followUp, hasAssignee: false }, later)[0]?.recipients).toEqual(["dpo"]);
    expect(followUpReminders({ ...followUp, done: true }, later)).toEqual([]);
  });
});

describe("the reminder days setting", () => {
  it.each([
    [[7, 2], true],
    [[1], true],
    [[60, 30, 14, 7, 1], true],
    [[], false],
    [[0], false],
    [[-1], false],
    [[1.5], false],
    [[61], false],
    [[7, 7], false],
    [[6, 5, 4, 3, 2, 1], false],
  ])("%j is valid: %s", (days, valid) => {
    expect(isValidReminderDays(days)).toBe(valid);
  });
});
