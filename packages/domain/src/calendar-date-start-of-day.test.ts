import { describe, expect, it } from "vitest";
import { endOfDayExclusive, parseCalendarDate, startOfDay } from "./calendar-date.ts";

describe("startOfDay", () => {
  it("is local midnight in winter and summer time", () => {
    expect(startOfDay(parseCalendarDate("2027-01-31")).toISOString()).toBe("2027-01-30T23:00:00.000Z");
    expect(startOfDay(parseCalendarDate("2027-07-01")).toISOString()).toBe("2027-06-30T22:00:00.000Z");
  });

  it("handles the days of the DST changes", () => {
    expect(startOfDay(parseCalendarDate("2027-03-28")).toISOString()).toBe("2027-03-27T23:00:00.000Z");
    expect(startOfDay(parseCalendarDate("2027-10-31")).toISOString()).toBe("2027-10-30T22:00:00.000Z");
  });

  it("works west of UTC too", () => {
    expect(startOfDay(parseCalendarDate("2027-01-31"), "America/New_York").toISOString()).toBe(
      "2027-01-31T05:00:00.000Z",
    );
  });

  it("ends a 'valid through' day at the start of the next", () => {
    expect(endOfDayExclusive("2027-03-27").toISOString()).toBe("2027-03-27T23:00:00.000Z");
    expect(endOfDayExclusive("2027-12-31").toISOString()).toBe("2027-12-31T23:00:00.000Z");
  });
});
