import { controllerTimeZone } from "@purposeful/domain";
import type { EmailLanguage } from "../components/layout.tsx";

const locales: Record<EmailLanguage, string> = { de: "de-DE", en: "en-GB" };

/** "2026-12-28" → "28.12.2026" (de) or "28 December 2026" (en); the date is a calendar day, not an instant. */
export function formatDay(day: string, language: EmailLanguage): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) {
    throw new RangeError(`Expected a date as YYYY-MM-DD, got "${day}"`);
  }
  const options: Intl.DateTimeFormatOptions =
    language === "de"
      ? { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }
      : { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locales[language], options).format(date);
}

/** An ISO instant in the controller's time zone: "14:30 Uhr (MEZ)" (de), "14:30 (CET)" (en). */
export function formatInstant(instant: string, language: EmailLanguage): { day: string; time: string } {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Expected an ISO instant, got "${instant}"`);
  const dayOptions: Intl.DateTimeFormatOptions =
    language === "de"
      ? { day: "2-digit", month: "2-digit", year: "numeric" }
      : { day: "numeric", month: "long", year: "numeric" };
  const day = new Intl.DateTimeFormat(locales[language], {
    ...dayOptions,
    timeZone: controllerTimeZone,
  }).format(date);
  const parts = new Intl.DateTimeFormat(locales[language], {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
    timeZone: controllerTimeZone,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const clock = `${part("hour")}:${part("minute")}`;
  const time =
    language === "de" ? `${clock} Uhr (${part("timeZoneName")})` : `${clock} (${part("timeZoneName")})`;
  return { day, time };
}
