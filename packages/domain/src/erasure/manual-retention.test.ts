import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { decideManualRetention, decideRetentionClass, parseRetentionDate } from "./manual-retention.ts";

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.reason : String(error);
  }
};

describe("a manual retention date (Art. 5(1)(e))", () => {
  it("takes an existing calendar date and a reason", () => {
    expect(decideManualRetention({ until: " 2028-02-29 ", reason: " claim pending " })).toEqual({
      until: "2028-02-29",
      reason: "claim pending",
    });
  });

  it("refuses a date in another format or one that does not exist", () => {
    for (const until of ["2027-02-29", "31.12.2027", "2027-1-5", "", "tomorrow", "2027-13-01"])
      expect(
        reasonOf(() => decideManualRetention({ until, reason: "x" })),
        until,
      ).toBe("invalid_retention_date");
    expect(reasonOf(() => parseRetentionDate("2027-00-10"))).toBe("invalid_retention_date");
  });

  it("refuses a missing reason", () => {
    expect(reasonOf(() => decideManualRetention({ until: "2027-01-01", reason: "  " }))).toBe(
      "retention_reason_required",
    );
  });
});

describe("a retention class of a document or bank account (HGB §257, AO §147)", () => {
  const created = new Date("2026-12-31T23:30:00Z"); // 1 January 2027 in Berlin

  it("counts from the creation day in the controller's time zone by default", () => {
    expect(decideRetentionClass({ retentionClass: "business_letters" }, created)).toEqual({
      retentionClass: "business_letters",
      retentionDate: "2027-01-01",
      hold: expect.objectContaining({ key: "business_letters", until: "2034-01-01" }),
    });
  });

  it("takes a given date, and no class means no hold", () => {
    const voucher = decideRetentionClass(
      { retentionClass: "accounting_vouchers", retentionDate: "2025-06-30" },
      created,
    );
    expect(voucher.hold?.until).toBe("2034-01-01");
    const books = decideRetentionClass(
      { retentionClass: "books_and_annual_accounts", retentionDate: "2025-12-31" },
      created,
    );
    expect(books.hold?.until).toBe("2036-01-01");
    expect(decideRetentionClass({ retentionClass: null, retentionDate: "2025-01-01" }, created)).toEqual({
      retentionClass: null,
      retentionDate: null,
      hold: null,
    });
  });

  it("refuses an unknown class and an invalid date", () => {
    expect(reasonOf(() => decideRetentionClass({ retentionClass: "receipts" }, created))).toBe(
      "retention_duty_not_found",
    );
    expect(
      reasonOf(() =>
        decideRetentionClass({ retentionClass: "business_letters", retentionDate: "2025-02-30" }, created),
      ),
    ).toBe("invalid_retention_date");
  });
});
