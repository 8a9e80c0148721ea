import { isAuditAction, type Language } from "@purposeful/domain";
import { type AuditWords, auditWords } from "./audit-words.ts";
import { type DurationUnit, listIn } from "./report-text-parts.ts";
import { de } from "./report-texts-de.ts";
import { en } from "./report-texts-en.ts";

/**
 * The wording of the access report (Art. 15 GDPR) in both languages, shared by the PDF and the
 * portal's HTML preview: plain data and small functions, no i18n library. Art. 12(1): concise,
 * intelligible, in clear and plain language; each section names the paragraph it answers.
 */
export type AccessReportTexts = typeof de & AuditWords;

/** The report's wording by language, for the PDF and the portal's preview alike. */
export const accessReportTexts = {
  de: { ...de, ...auditWords.de },
  en: { ...en, ...auditWords.en },
} satisfies Record<Language, AccessReportTexts>;

/**
 * A stored audit action (the person's audit history, a record's history) in words. Rows keep the
 * action as text, so one the code no longer writes reads "other change (code)" instead of failing.
 */
export function auditActionInWords(action: string, language: Language): string {
  const t = accessReportTexts[language];
  return isAuditAction(action) ? t.auditActions[action] : t.otherAuditAction(action);
}

const durationPattern =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const durationUnits: DurationUnit[] = ["years", "months", "weeks", "days", "hours", "minutes", "seconds"];

/**
 * An ISO 8601 duration (a purpose's storage period) in words: "P2Y6M" → "2 Jahre und 6 Monate" /
 * "2 years and 6 months"; "" for a zero duration, null for one that is not a duration.
 */
export function durationInWords(period: string, language: Language): string | null {
  const match = durationPattern.exec(period);
  if (!match || period === "P" || period.endsWith("T")) return null;
  const t = accessReportTexts[language];
  const parts = durationUnits.flatMap((unit, i) => {
    const n = Number(match[i + 1] ?? 0);
    return n === 0 ? [] : [`${n} ${n === 1 ? t.durationUnits[unit].one : t.durationUnits[unit].other}`];
  });
  return listIn(parts, t.and);
}

/** Art. 15(1)(d): one purpose's storage period as a phrase; `formatDay` turns YYYY-MM-DD into a date. */
export function storagePeriodInWords(
  storage: { kind: "until"; date: string } | { kind: "while_basis_then"; period: string },
  language: Language,
  formatDay: (day: string) => string,
): string {
  const t = accessReportTexts[language];
  if (storage.kind === "until") return t.storageUntil(formatDay(storage.date));
  const words = durationInWords(storage.period, language);
  return t.storageWhileBasis(words === null ? storage.period : words || null);
}
