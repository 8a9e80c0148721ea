import { describe, expect, it } from "vitest";
import { authorityNotificationDeadline, incidentDeadlineStatus, requiredNotifications } from "./deadline.ts";

const berlinLocal = (instant: Date) =>
  instant.toLocaleString("sv-SE", { timeZone: "Europe/Berlin" }).replace(" ", "T");

describe("authorityNotificationDeadline", () => {
  it("is 72 elapsed hours across the spring DST change (11:00 local on 30 March)", () => {
    const awareAt = new Date("2026-03-27T10:00:00+01:00");
    const deadline = authorityNotificationDeadline(awareAt);
    expect(deadline.toISOString()).toBe("2026-03-30T09:00:00.000Z");
    expect(berlinLocal(deadline)).toBe("2026-03-30T11:00:00");
  });

  it("is 72 elapsed hours across the autumn DST change (09:00 local)", () => {
    const deadline = authorityNotificationDeadline(new Date("2026-10-23T10:00:00+02:00"));
    expect(berlinLocal(deadline)).toBe("2026-10-26T09:00:00");
  });

  it("is not extended by a weekend", () => {
    const deadline = authorityNotificationDeadline(new Date("2026-05-01T16:00:00Z"));
    expect(deadline.toISOString()).toBe("2026-05-04T16:00:00.000Z");
  });
});

describe("incidentDeadlineStatus", () => {
  const awareAt = new Date("2026-03-27T09:00:00Z");

  it("counts whole hours left, rounded down", () => {
    const status = incidentDeadlineStatus(awareAt, null, new Date("2026-03-27T09:30:00Z"));
    expect(status).toMatchObject({ hoursLeft: 71, overdue: false, late: false });
  });

  it("is not overdue at the deadline itself", () => {
    expect(incidentDeadlineStatus(awareAt, null, new Date("2026-03-30T09:00:00Z"))).toMatchObject({
      hoursLeft: 0,
      overdue: false,
    });
  });

  it("is overdue after the deadline without notification", () => {
    expect(incidentDeadlineStatus(awareAt, null, new Date("2026-03-30T12:00:00Z"))).toMatchObject({
      hoursLeft: -3,
      overdue: true,
      late: false,
    });
  });

  it("is late, not overdue, when notified after the deadline", () => {
    const notifiedAt = new Date("2026-03-30T10:00:00Z");
    expect(incidentDeadlineStatus(awareAt, notifiedAt, new Date("2026-04-01T00:00:00Z"))).toMatchObject({
      overdue: false,
      late: true,
    });
  });

  it("is neither when notified in time", () => {
    const notifiedAt = new Date("2026-03-29T10:00:00Z");
    expect(incidentDeadlineStatus(awareAt, notifiedAt, new Date("2026-04-01T00:00:00Z"))).toMatchObject({
      overdue: false,
      late: false,
    });
  });
});

describe("requiredNotifications", () => {
  it.each([
    ["none", { authority: false, dataSubjects: false }],
    ["risk", { authority: true, dataSubjects: false }],
    ["high", { authority: true, dataSubjects: true }],
  ] as const)("%s", (risk, expected) => {
    expect(requiredNotifications(risk)).toEqual(expected);
  });
});
