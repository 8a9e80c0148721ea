import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { assertConsentAge, checkAgeOfConsent, needsParentalConsent } from "./minors.ts";

describe("needsParentalConsent", () => {
  const now = new Date("2026-05-10T10:00:00Z");

  it("flags a person under 16 and not one who turns 16 today", () => {
    expect(needsParentalConsent("2010-05-11", now)).toBe(true);
    expect(needsParentalConsent("2010-05-10", now)).toBe(false);
    expect(needsParentalConsent("1980-01-01", now)).toBe(false);
  });

  it("uses the birthday in the controller's time zone", () => {
    // 22:30 UTC on 9 May is already 10 May in Berlin
    expect(needsParentalConsent("2010-05-10", new Date("2026-05-09T22:30:00Z"))).toBe(false);
    expect(needsParentalConsent("2010-05-10", new Date("2026-05-09T22:30:00Z"), 16, "UTC")).toBe(true);
  });

  it("lets a member state lower the age to 13", () => {
    expect(needsParentalConsent("2012-01-01", now, 13)).toBe(false);
    expect(needsParentalConsent("2012-01-01", now)).toBe(true);
  });

  it("makes someone born on 29 February of age on 1 March in a common year", () => {
    expect(needsParentalConsent("2012-02-29", new Date("2028-02-28T12:00:00Z"))).toBe(true);
    expect(needsParentalConsent("2012-02-29", new Date("2028-02-29T12:00:00Z"))).toBe(false);
    expect(needsParentalConsent("2011-02-28", new Date("2027-02-28T12:00:00Z"))).toBe(false);
    expect(needsParentalConsent("2008-02-29", new Date("2024-02-28T12:00:00Z"))).toBe(true);
    expect(needsParentalConsent("2009-02-28", new Date("2025-02-28T12:00:00Z"))).toBe(false);
  });

  it("cannot flag an unknown birthday", () => {
    expect(needsParentalConsent(null, now)).toBe(false);
  });

  it("rejects an invalid birthday or age", () => {
    expect(() => needsParentalConsent("2010-02-30", now)).toThrow(DomainError);
    expect(() => needsParentalConsent("10.05.2010", now)).toThrow(DomainError);
    expect(() => needsParentalConsent("2010-05-10", now, 12)).toThrow(DomainError);
    expect(() => needsParentalConsent("2010-05-10", now, 17)).toThrow(DomainError);
  });
});

describe("assertConsentAge (#6)", () => {
  const now = new Date("2026-06-15T12:00:00Z");
  it("refuses a consent from a 15-year-old without parental evidence", () => {
    expect(() => assertConsentAge({ birthday: "2011-01-01", parentalConsentHolder: null }, now)).toThrow(
      "parental_consent_required",
    );
    expect(() => assertConsentAge({ birthday: "2011-01-01", parentalConsentHolder: "  " }, now)).toThrow();
  });
  it("accepts it with evidence naming the holder of parental responsibility", () => {
    expect(() =>
      assertConsentAge({ birthday: "2011-01-01", parentalConsentHolder: "Erika Muster" }, now),
    ).not.toThrow();
  });
  it("uses the company's configured age of consent", () => {
    expect(() =>
      assertConsentAge({ birthday: "2012-01-01", parentalConsentHolder: null }, now, 14),
    ).not.toThrow();
    expect(() =>
      assertConsentAge({ birthday: "2012-01-01", parentalConsentHolder: null }, now, 16),
    ).toThrow();
  });
  it("checks adults and unknown birthdays as such", () => {
    expect(checkAgeOfConsent("1990-05-01", now)).toEqual({ status: "adult", ageOfConsent: 16 });
    expect(checkAgeOfConsent(null, now)).toEqual({ status: "unknown" });
    expect(checkAgeOfConsent("2011-01-01", now, 16)).toEqual({ status: "minor", ageOfConsent: 16 });
  });
});
