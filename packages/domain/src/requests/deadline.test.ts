import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { requestDeadlineStatus, requestDueDate } from "./deadline.ts";

const berlin = (local: string) => new Date(`${local}+01:00`);

describe("requestDueDate", () => {
  it.each([
    ["2025-01-31T10:00:00", "2025-02-28", "31 Jan ends on the last day of February"],
    ["2028-01-31T10:00:00", "2028-02-29", "in a leap year on 29 Feb"],
    ["2025-03-31T10:00:00", "2025-04-30", "31 Mar ends on 30 Apr"],
    ["2025-04-30T10:00:00", "2025-05-30", "30 Apr ends on 30 May, not 31"],
    ["2025-08-31T10:00:00", "2025-09-30", "31 Aug ends on 30 Sep"],
    ["2025-02-28T10:00:00", "2025-03-28", "end of February ends on the same date, not the month end"],
  ])("received %s -> %s (%s)", (received, due) => {
    expect(requestDueDate(berlin(received))).toBe(due);
  });

  it("moves a due date on a Saturday to Monday", () => {
    // 28 Feb 2026 is a Saturday
    expect(requestDueDate(berlin("2026-01-31T10:00:00"))).toBe("2026-03-02");
  });

  it("moves a due date on a Sunday to Monday", () => {
    // 28 Feb 2027 is a Sunday
    expect(requestDueDate(berlin("2027-01-31T10:00:00"))).toBe("2027-03-01");
  });

  it("skips Christmas and the weekend after it", () => {
    // 25 Dec 2026 is a Friday, 26 Dec a Saturday and a holiday
    expect(requestDueDate(berlin("2026-11-25T10:00:00"))).toBe("2026-12-28");
  });

  it("skips Good Friday, the weekend and Easter Monday 2027", () => {
    expect(requestDueDate(berlin("2027-02-26T10:00:00"))).toBe("2027-03-30");
  });

  it("skips 1 May", () => {
    expect(requestDueDate(berlin("2025-04-01T10:00:00"))).toBe("2025-05-02");
  });

  it("uses the regional holidays of the calendar", () => {
    const received = berlin("2025-12-06T10:00:00");
    expect(requestDueDate(received)).toBe("2026-01-06");
    const bavaria = { timeZone: "Europe/Berlin", country: "DE", region: "BY" };
    expect(requestDueDate(received, { calendar: bavaria })).toBe("2026-01-07");
  });

  it("takes the receipt day in the controller's time zone", () => {
    // 23:30 UTC on 31 Jan is 00:30 on 1 Feb in Berlin; 1 Mar 2025 is a Saturday
    expect(requestDueDate(new Date("2025-01-31T23:30:00Z"))).toBe("2025-03-03");
    expect(requestDueDate(new Date("2025-01-31T22:30:00Z"))).toBe("2025-02-28");
    // summer time: 22:30 UTC on 30 Jun is 00:30 on 1 Jul in Berlin
    expect(requestDueDate(new Date("2025-06-30T22:30:00Z"))).toBe("2025-08-01");
    const utc = { timeZone: "UTC", country: "DE" };
    expect(requestDueDate(new Date("2025-01-31T23:30:00Z"), { calendar: utc })).toBe("2025-02-28");
  });

  describe("extended by two further months", () => {
    it("is three months from receipt, not the shifted one-month date plus two", () => {
      expect(requestDueDate(berlin("2025-01-31T10:00:00"), { extended: true })).toBe("2025-04-30");
    });

    it.each([
      ["2024-11-30T10:00:00", "2025-02-28"],
      ["2027-11-30T10:00:00", "2028-02-29"],
      // 28 Feb 2027 is a Sunday
      ["2026-11-30T10:00:00", "2027-03-01"],
    ])("received %s -> %s", (received, due) => {
      expect(requestDueDate(berlin(received), { extended: true })).toBe(due);
    });
  });

  it("rejects an unknown holiday calendar", () => {
    const calendar = { timeZone: "Europe/Berlin", country: "DE", region: "XX" };
    expect(() => requestDueDate(new Date(), { calendar })).toThrow(DomainError);
    expect(() => requestDueDate(new Date(), { calendar: { timeZone: "Mars/Base", country: "DE" } })).toThrow(
      DomainError,
    );
  });
});

describe("requestDeadlineStatus", () => {
  it("counts calendar days in the controller's time zone", () => {
    expect(requestDeadlineStatus("2025-02-28", new Date("2025-02-26T12:00:00Z"))).toEqual({
      daysLeft: 2,
      overdue: false,
    });
  });

  it("is not overdue until the due day is over in Berlin", () => {
    expect(requestDeadlineStatus("2025-02-28", new Date("2025-02-28T22:59:00Z"))).toEqual({
      daysLeft: 0,
      overdue: false,
    });
    expect(requestDeadlineStatus("2025-02-28", new Date("2025-02-28T23:01:00Z"))).toEqual({
      daysLeft: -1,
      overdue: true,
    });
  });
});
