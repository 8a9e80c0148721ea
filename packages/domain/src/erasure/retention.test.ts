import { describe, expect, it } from "vitest";
import { parseCalendarDate } from "../calendar-date.ts";
import {
  addRetentionPeriod,
  checkPostponement,
  computeRetainUntil,
  consentEvidenceHold,
  holdApplies,
  isRetentionDue,
  isValidRetentionGraceDays,
  type RetentionDueFacts,
  type RetentionRecordFacts,
  recordBasisEnd,
  retentionActionLevel,
} from "./retention.ts";

const add = (date: string, period: string) => {
  const d = addRetentionPeriod(parseCalendarDate(date), period);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
};

const record = (overrides: Partial<RetentionRecordFacts> = {}): RetentionRecordFacts => ({
  legalBasis: "consent",
  state: "withdrawn",
  doubleOptInRequired: false,
  requestedAt: null,
  grantedAt: new Date("2023-01-10T10:00:00Z"),
  withdrawnAt: new Date("2024-03-01T10:00:00Z"),
  declinedAt: null,
  endedAt: null,
  objectedAt: null,
  validUntil: null,
  updatedAt: new Date("2024-03-01T10:00:00Z"),
  retentionPeriod: "P2Y",
  ...overrides,
});

describe("addRetentionPeriod (Art. 5(1)(e))", () => {
  it("adds calendar months clamped to the month's end, then days, like PostgreSQL", () => {
    expect(add("2024-02-29", "P1Y")).toBe("2025-02-28");
    expect(add("2024-01-31", "P1M")).toBe("2024-02-29");
    expect(add("2024-01-31", "P1M1D")).toBe("2024-03-01");
    expect(add("2024-12-31", "P2W")).toBe("2025-01-14");
    expect(add("2024-12-31", "PT36H")).toBe("2025-01-01");
    expect(add("2024-12-31", "P1DT23H")).toBe("2025-01-01");
  });
});

describe("recordBasisEnd", () => {
  it("counts a request and an unconfirmed double opt-in from when they were made", () => {
    const at = new Date("2025-05-05T08:00:00Z");
    expect(recordBasisEnd(record({ state: "requested", requestedAt: at }))).toEqual(at);
    expect(recordBasisEnd(record({ state: "granted", grantedAt: at, doubleOptInRequired: true }))).toEqual(
      at,
    );
  });

  it("is open while a basis runs without an end, and its validity end otherwise", () => {
    expect(recordBasisEnd(record({ state: "confirmed" }))).toBeNull();
    expect(recordBasisEnd(record({ state: "active", legalBasis: "contract" }))).toBeNull();
    const until = new Date("2027-01-01T00:00:00Z");
    expect(recordBasisEnd(record({ state: "granted", validUntil: until }))).toEqual(until);
  });

  it("is the state's own time for final states", () => {
    const at = new Date("2025-01-01T00:00:00Z");
    expect(recordBasisEnd(record({ state: "ended", legalBasis: "contract", endedAt: at }))).toEqual(at);
    expect(
      recordBasisEnd(record({ state: "objected", legalBasis: "legitimate_interests", objectedAt: at })),
    ).toEqual(at);
    expect(recordBasisEnd(record({ state: "declined", declinedAt: at }))).toEqual(at);
  });
});

describe("computeRetainUntil", () => {
  const createdAt = new Date("2024-01-01T00:00:00Z");
  it("is the latest end of any basis plus that purpose's period, in the controller's time zone", () => {
    const records = [
      record({ withdrawnAt: new Date("2024-03-01T10:00:00Z"), retentionPeriod: "P2Y" }),
      // 31 Dec 23:30 UTC is already 1 Jan in Berlin
      record({
        legalBasis: "contract",
        state: "ended",
        endedAt: new Date("2024-12-31T23:30:00Z"),
        retentionPeriod: "P1Y",
      }),
    ];
    expect(computeRetainUntil({ createdAt, records })).toBe("2026-03-01");
    expect(computeRetainUntil({ createdAt, records: [records[1] as RetentionRecordFacts] })).toBe(
      "2026-01-01",
    );
  });

  it("is open (null) while any basis runs without an end", () => {
    expect(computeRetainUntil({ createdAt, records: [record(), record({ state: "confirmed" })] })).toBeNull();
  });

  it("gives a contact without any purpose the grace period from its creation", () => {
    expect(computeRetainUntil({ createdAt, records: [] })).toBe("2024-01-31");
    expect(computeRetainUntil({ createdAt, records: [] }, { graceDays: 7 })).toBe("2024-01-08");
  });

  it("accepts grace days from one to 365 (Art. 5(1)(e))", () => {
    expect([0, 1, 30, 365, 366, 1.5, -1].map(isValidRetentionGraceDays)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("isRetentionDue (Art. 5(1)(e), 17(1)(a))", () => {
  const due = (overrides: Partial<RetentionDueFacts> = {}): RetentionDueFacts => ({
    erasedLevel: 0,
    restricted: false,
    hasValidBasis: false,
    retainUntil: "2026-06-15",
    manualRetainUntil: null,
    ...overrides,
  });

  it("is due from the retain-until day on, not before", () => {
    expect(isRetentionDue(due(), "2026-06-14", 3)).toBe(false);
    expect(isRetentionDue(due(), "2026-06-15", 3)).toBe(true);
  });

  it("never while a basis is valid, the person is restricted, or the period is open", () => {
    expect(isRetentionDue(due({ hasValidBasis: true }), "2030-01-01", 3)).toBe(false);
    expect(isRetentionDue(due({ restricted: true }), "2030-01-01", 3)).toBe(false);
    expect(isRetentionDue(due({ retainUntil: null }), "2030-01-01", 3)).toBe(false);
  });

  it("uses a manual date earlier or later than the computed one", () => {
    expect(
      isRetentionDue(due({ retainUntil: "2030-01-01", manualRetainUntil: "2026-06-01" }), "2026-06-15", 3),
    ).toBe(true);
    expect(isRetentionDue(due({ manualRetainUntil: "2027-01-01" }), "2026-06-15", 3)).toBe(false);
    expect(isRetentionDue(due({ retainUntil: null, manualRetainUntil: "2026-06-01" }), "2026-06-15", 3)).toBe(
      true,
    );
  });

  it("is not due again once erased at the target level", () => {
    expect(isRetentionDue(due({ erasedLevel: 2 }), "2026-06-15", 2)).toBe(false);
    expect(isRetentionDue(due({ erasedLevel: 2 }), "2026-06-15", 3)).toBe(true);
    expect(retentionActionLevel("review")).toBe(3);
    expect(retentionActionLevel("erase_level_1")).toBe(1);
  });
});

describe("consent evidence (§§195, 199 BGB; §7a UWG)", () => {
  it("is kept to the end of the third year after the year the consent ended", () => {
    expect(consentEvidenceHold(new Date("2026-06-15T10:00:00Z"), { phone: false }).until).toBe("2030-01-01");
    // 31 Dec 23:30 UTC is 1 Jan in Berlin: the next year counts
    expect(consentEvidenceHold(new Date("2026-12-31T23:30:00Z"), { phone: false }).until).toBe("2031-01-01");
  });

  it("for telephone advertising five years after it ended", () => {
    expect(consentEvidenceHold(new Date("2026-06-15T10:00:00Z"), { phone: true })).toEqual({
      key: "phone_consent_evidence",
      source: "§7a UWG; §195, §199(1) BGB",
      until: "2031-06-15",
    });
  });

  it("ends on its until day", () => {
    const hold = consentEvidenceHold(new Date("2026-06-15T10:00:00Z"), { phone: false });
    expect(holdApplies(hold, "2029-12-31")).toBe(true);
    expect(holdApplies(hold, "2030-01-01")).toBe(false);
  });
});

describe("checkPostponement (Art. 5(1)(e))", () => {
  it("accepts a day after today only", () => {
    expect(() => checkPostponement("2026-06-16", "2026-06-15")).not.toThrow();
    for (const day of ["2026-06-15", "2026-06-14"])
      expect(() => checkPostponement(day, "2026-06-15")).toThrow(/retention_postpone_not_future/);
  });
});
