import { controllerTimeZone, type Language } from "@purposeful/domain";
import { formatDay } from "../emails/format.ts";

const locales: Record<Language, string> = { de: "de-DE", en: "en-GB" };

// A report lists thousands of activities: one formatter per language, not one per date.
const dayFormats = new Map<Language, Intl.DateTimeFormat>();
const momentFormats = new Map<Language, Intl.DateTimeFormat>();
const sizeFormats = new Map<Language, Intl.NumberFormat>();
const countryNames = new Map<Language, Intl.DisplayNames>();

function cached<T>(cache: Map<Language, T>, language: Language, make: () => T): T {
  let value = cache.get(language);
  if (value === undefined) {
    value = make();
    cache.set(language, value);
  }
  return value;
}

/** The day an instant is in the controller's time zone: "01.03.2026" / "1 March 2026". */
export function reportDay(at: Date, language: Language): string {
  return cached(dayFormats, language, () =>
    language === "de"
      ? new Intl.DateTimeFormat(locales.de, {
          day: "2-digit",
          month: "2-digit",
          year: "numeric",
          timeZone: controllerTimeZone,
        })
      : new Intl.DateTimeFormat(locales.en, {
          day: "numeric",
          month: "long",
          year: "numeric",
          timeZone: controllerTimeZone,
        }),
  ).format(at);
}

/** Day and time in the controller's time zone: "01.03.2026, 11:00" / "1 Mar 2026, 11:00". */
export function reportMoment(at: Date, language: Language): string {
  return cached(
    momentFormats,
    language,
    () =>
      new Intl.DateTimeFormat(locales[language], {
        day: language === "de" ? "2-digit" : "numeric",
        month: language === "de" ? "2-digit" : "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZone: controllerTimeZone,
      }),
  ).format(at);
}

/** A calendar day (YYYY-MM-DD) as the report prints it. */
export function reportCalendarDay(day: string, language: Language): string {
  return formatDay(day, language);
}

/** "12,5 KB" / "12.5 KB": a document's size. */
export function reportFileSize(bytes: number, language: Language): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const format = cached(
    sizeFormats,
    language,
    () => new Intl.NumberFormat(locales[language], { maximumFractionDigits: 1 }),
  );
  return `${format.format(value)} ${units[unit]}`;
}

/** An ISO 3166-1 alpha-2 code as the country's name ("US" → "Vereinigte Staaten"), else the code. */
export function reportCountry(code: string, language: Language): string {
  try {
    const names = cached(
      countryNames,
      language,
      () => new Intl.DisplayNames([locales[language]], { type: "region" }),
    );
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The full IBAN (it is the person's own data) in groups of four, as it is printed on cards. */
export function reportIban(iban: string): string {
  return iban
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, "$1 ");
}

const ellipsis = "…";
const truncate = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}${ellipsis}`;

/** JSON that never throws: cycles, bigints and functions are named instead of failing. */
function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === "bigint") return v.toString();
        if (typeof v === "function" || typeof v === "symbol") return `[${typeof v}]`;
        if (typeof v === "object" && v !== null) {
          if (seen.has(v)) return "[circular]";
          seen.add(v);
        }
        return v;
      }) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** One value of an audit change: strings as they are, missing as "—", the rest as JSON. */
function shown(value: unknown, max: number): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "string") return truncate(value, max);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return truncate(safeJson(value), max);
}

/**
 * The personal values of one audit event as compact text: "lastName: Meier → Schulz; city: — →
 * Bonn". `values` is whatever the event stored (`{before, after}` of objects or of single values,
 * "shredded", anything else as JSON), cut at `max` characters so one event cannot fill pages.
 */
export function auditValuesInWords(values: unknown, max = 400): string {
  if (values === undefined || values === null) return "";
  if (typeof values === "string") return truncate(values, max);
  const perValue = Math.min(120, max);
  if (isRecord(values) && ("before" in values || "after" in values)) {
    const { before, after } = values;
    if (isRecord(before) || isRecord(after)) {
      const b = isRecord(before) ? before : {};
      const a = isRecord(after) ? after : {};
      const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
      const changes = keys.flatMap((key) => {
        if (!isRecord(before)) return [`${key}: ${shown(a[key], perValue)}`];
        const from = shown(b[key], perValue);
        const to = isRecord(after) ? shown(a[key], perValue) : "—";
        return from === to ? [] : [`${key}: ${from} → ${to}`];
      });
      return truncate(changes.join("; "), max);
    }
    if (before === undefined) return truncate(shown(after, perValue), max);
    return truncate(`${shown(before, perValue)} → ${shown(after, perValue)}`, max);
  }
  return truncate(safeJson(values), max);
}
