import { formatCalendarDate, parseCalendarDate } from "../calendar-date.ts";
import { DomainError } from "../errors.ts";

export const retentionDutyKeys = [
  "business_letters",
  "accounting_vouchers",
  "books_and_annual_accounts",
] as const;
export type RetentionDutyKey = (typeof retentionDutyKeys)[number];

export interface RetentionDuty {
  key: RetentionDutyKey;
  years: number;
  source: string;
  description: string;
}

// HGB §257(4), AO §147(3): six, eight (vouchers, since 1 Jan 2025 per BEG IV) and ten years.
export const retentionDuties: readonly RetentionDuty[] = [
  {
    key: "business_letters",
    years: 6,
    source: "HGB §257(1) no. 2–3, (4); AO §147(1) no. 2–3, (3)",
    description: "Business letters received and copies of those sent",
  },
  {
    key: "accounting_vouchers",
    years: 8,
    source: "HGB §257(1) no. 4, (4); AO §147(1) no. 4, (3) (eight years since 2025)",
    description: "Accounting vouchers (invoices, receipts)",
  },
  {
    key: "books_and_annual_accounts",
    years: 10,
    source: "HGB §257(1) no. 1, (4); AO §147(1) no. 1, (3)",
    description: "Books, inventories, opening balance sheets, annual accounts, management reports",
  },
];

// §195, §199(1) BGB: claims about a consent can be raised for three years from the end of the year.
export const consentEvidenceRetention = { years: 3, source: "§195, §199(1) BGB" } as const;

export function retentionDuty(key: RetentionDutyKey): RetentionDuty {
  const duty = retentionDuties.find((d) => d.key === key);
  if (!duty) throw new DomainError("not_found", "retention_duty_not_found", key);
  return duty;
}

/**
 * The first day on which a document dated `documentDate` (YYYY-MM-DD) may be erased, i.e. the `until`
 * of its legal hold (a hold blocks while today < until).
 */
export function retentionHoldUntil(years: number, documentDate: string): string {
  const { year } = parseCalendarDate(documentDate);
  // HGB §257(5), AO §147(4): the period starts at the end of the calendar year the document belongs to.
  return formatCalendarDate({ year: year + years + 1, month: 1, day: 1 });
}

/** A legal hold for erasure planning, naming its source so the refusal can say why. */
export function legalHoldFor(key: RetentionDutyKey, documentDate: string): { reason: string; until: string } {
  const duty = retentionDuty(key);
  return {
    reason: `${duty.description}: ${duty.years} years (${duty.source})`,
    until: retentionHoldUntil(duty.years, documentDate),
  };
}
