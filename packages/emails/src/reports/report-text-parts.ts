import type { ReportController } from "@purposeful/domain";

export type Plural = { one: string; other: string };
export type ActorType = "staff" | "data_subject" | "system" | "api";
export type DurationUnit = "years" | "months" | "weeks" | "days" | "hours" | "minutes" | "seconds";

/** One line each, the address a user typed on several lines or with commas. */
export const oneLine = (text: string) =>
  text
    .split(/\s*\n\s*/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(", ");

export const listIn = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;

export function contactDe(c: ReportController): string {
  const post = c.address ? `per Post an ${c.name}, ${oneLine(c.address)}` : "";
  const mail = c.email ? `per E-Mail an ${c.email}` : "";
  return [mail, post].filter(Boolean).join(" oder ");
}

export function contactEn(c: ReportController): string {
  const post = c.address ? `by post to ${c.name}, ${oneLine(c.address)}` : "";
  const mail = c.email ? `by e-mail to ${c.email}` : "";
  return [mail, post].filter(Boolean).join(" or ");
}

export const authority = (c: ReportController) =>
  [c.authorityName, oneLine(c.authorityAddress), c.authorityUrl].filter(Boolean).join(", ");
