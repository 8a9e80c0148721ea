import {
  addDays,
  calendarDateAt,
  compareCalendarDates,
  defaultTimeZone,
  parseCalendarDate,
} from "../calendar-date.ts";
import { DomainError } from "../errors.ts";

// Art. 8(1) GDPR: member states may lower the age of consent, but not below 13.
export const minAgeOfConsent = 13;
export const maxAgeOfConsent = 16;

/**
 * True when a person with this birthday (YYYY-MM-DD) is still below the age of consent on `now`, in
 * the controller's time zone. An unknown birthday cannot be flagged and returns false.
 */
export function needsParentalConsent(
  birthday: string | null,
  now: Date,
  ageOfConsent = maxAgeOfConsent,
  timeZone: string = defaultTimeZone,
): boolean {
  if (birthday === null) return false;
  if (!Number.isInteger(ageOfConsent) || ageOfConsent < minAgeOfConsent || ageOfConsent > maxAgeOfConsent) {
    throw new DomainError("validation", "invalid_age_of_consent", `${minAgeOfConsent}–${maxAgeOfConsent}`);
  }
  const born = parseCalendarDate(birthday);
  // Art. 8(1) GDPR: below the age of consent, the holder of parental responsibility must consent.
  // §187(2), §188(3) BGB: the age is reached at the start of the birthday; born on 29 Feb, on 1 March.
  const anniversaryMonthHasDay =
    !(born.month === 2 && born.day === 29) || isLeapYear(born.year + ageOfConsent);
  const comesOfAge = anniversaryMonthHasDay
    ? { year: born.year + ageOfConsent, month: born.month, day: born.day }
    : addDays({ year: born.year + ageOfConsent, month: 2, day: 28 }, 1);
  return compareCalendarDates(calendarDateAt(now, timeZone), comesOfAge) < 0;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export type AgeCheck =
  | { status: "unknown" }
  | { status: "adult"; ageOfConsent: number }
  | { status: "minor"; ageOfConsent: number };

/** The person page's age check: unknown birthday, of age, or below the configured age of consent. */
export function checkAgeOfConsent(
  birthday: string | null,
  now: Date,
  ageOfConsent = maxAgeOfConsent,
  timeZone: string = defaultTimeZone,
): AgeCheck {
  if (birthday === null) return { status: "unknown" };
  return needsParentalConsent(birthday, now, ageOfConsent, timeZone)
    ? { status: "minor", ageOfConsent }
    : { status: "adult", ageOfConsent };
}

/**
 * Art. 8(1) GDPR: a consent from a person below the age of consent is lawful only when given or
 * authorised by the holder of parental responsibility. The controller must be able to show it
 * (Art. 7(1)): evidence naming the holder. Throws DomainError("validation", reason
 * "parental_consent_required") when it is missing.
 */
export function assertConsentAge(
  input: { birthday: string | null; parentalConsentHolder: string | null },
  now: Date,
  ageOfConsent = maxAgeOfConsent,
  timeZone: string = defaultTimeZone,
): void {
  if (!needsParentalConsent(input.birthday, now, ageOfConsent, timeZone)) return;
  if (input.parentalConsentHolder?.trim()) return;
  throw new DomainError("validation", "parental_consent_required");
}
