"use client";

import { useFormatter } from "next-intl";

/** Dates as the case pages show them: calendar days (YYYY-MM-DD) and instants, in the user's language. */
export function useCaseFormat() {
  const format = useFormatter();
  return {
    day: (day: string | null) =>
      day ? format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : "—",
    instant: (at: Date | string | null) =>
      at ? format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" }) : "—",
  };
}

/** "2026-10-30T16:00" in the browser's time zone, for a datetime-local field. */
export function localDateTimeInput(at: Date): string {
  const shifted = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

export const inputClass = "w-full rounded border border-slate-300 bg-white px-3 py-2";
export const buttonClass =
  "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";
export const primaryClass =
  "rounded bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700 disabled:opacity-60";

/** Days left as a badge: red when overdue, amber within a week. */
export function dueTone(daysLeft: number, overdue: boolean): string {
  if (overdue) return "bg-red-100 text-red-900";
  if (daysLeft <= 7) return "bg-amber-100 text-amber-900";
  return "bg-slate-100 text-slate-800";
}
