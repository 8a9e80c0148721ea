import { controllerTimeZone } from "@purposeful/domain";
import { z } from "zod";

const TIME_ZONE = controllerTimeZone;

/** Milliseconds the wall clock in Berlin is ahead of UTC at `instant`. */
function berlinOffset(instant: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Midnight in Berlin at the start of the calendar day `YYYY-MM-DD` (plus `days`). */
export function berlinDayStart(day: string, days = 0): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d + days);
  // Berlin changes its clocks at 02:00/03:00, never at midnight, so one correction suffices.
  return new Date(utcMidnight - berlinOffset(utcMidnight - berlinOffset(utcMidnight)));
}

/** A calendar day (a whole day in Berlin) or an exact instant with its offset. */
const isoDateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const listAuditInput = z
  .object({
    actorId: z.string().trim().min(1).max(100).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    /** Inclusive: a day counts from its start. */
    from: isoDateOrTime.optional(),
    /** Inclusive: a day counts up to its end. */
    to: isoDateOrTime.optional(),
    personId: z.uuid().optional(),
    beforeId: z.number().int().positive().nullish(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .transform(({ from, to, ...rest }) => ({
    ...rest,
    from: from === undefined ? undefined : from.length === 10 ? berlinDayStart(from) : new Date(from),
    to: to === undefined ? undefined : to.length === 10 ? berlinDayStart(to, 1) : new Date(to),
  }));

export const personHistoryInput = z.object({
  personId: z.uuid(),
  beforeId: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(200).default(100),
});
