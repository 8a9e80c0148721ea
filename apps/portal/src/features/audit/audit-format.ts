import { controllerTimeZone } from "@purposeful/domain";
/** Formatting shared by the audit page (client) and the person's history (server). */

export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

export const auditTimeZone = controllerTimeZone;

const plainKey = /^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/;

/** The translated label of an action where one is known, else the raw action. */
export function actionLabel(t: Translate, action: string): string {
  const key = `audit.actions.${action}`;
  return plainKey.test(action) && t.has(key) ? t(key) : action;
}

/** A message under `prefix` for `value` where one exists, else the value itself. */
export function labelOf(t: Translate, prefix: string, value: unknown): string {
  const text = String(value);
  return plainKey.test(text) && t.has(`${prefix}.${text}`) ? t(`${prefix}.${text}`) : text;
}

export function actorLabel(
  t: Translate,
  event: { actorType: string; actorId: string | null; actorName: string | null },
): string {
  if (event.actorType === "staff") return event.actorName ?? event.actorId ?? t("audit.actorTypes.staff");
  const type = labelOf(t, "audit.actorTypes", event.actorType);
  return event.actorType === "data_subject" || !event.actorId ? type : `${type} (${event.actorId})`;
}

type Changes = Record<string, unknown>;

export function asChanges(value: unknown): Changes {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Changes) : {};
}

/** Personal values gone: the key was shredded, or the event was written after the shredding without them. */
export function personalErased(row: { personal: unknown; changes: unknown }): boolean {
  return row.personal === "shredded" || asChanges(row.changes).personalErased === true;
}

/** A state, or a set of channels (the objection to direct marketing), in words. */
function stateLabel(t: Translate, value: unknown): string {
  if (Array.isArray(value))
    return value.length === 0 ? "—" : value.map((channel) => labelOf(t, "channels", channel)).join(", ");
  return value === null || value === undefined ? "—" : labelOf(t, "states", value);
}

/** "requested → granted" for record events (or "— → E-Mail" for objection channels), or null. */
export function stateChange(t: Translate, changes: Changes): string | null {
  if (changes.to === undefined || changes.to === null) return null;
  return `${stateLabel(t, changes.from)} → ${stateLabel(t, changes.to)}`;
}

// `personalErased` is shown in the personal-values column as "erased".
const shownElsewhere = new Set([
  "purposeKey",
  "from",
  "to",
  "source",
  "evidence",
  "evidenceId",
  "personalErased",
]);

/**
 * The `changes` of an event as one readable line, e.g.
 * "newsletter: requested → granted · source phone · evidence email".
 */
export function summarizeChanges(t: Translate, value: unknown): string {
  const changes = asChanges(value);
  const parts: string[] = [];
  const states = stateChange(t, changes);
  if (typeof changes.purposeKey === "string")
    parts.push(states ? `${changes.purposeKey}: ${states}` : changes.purposeKey);
  else if (states) parts.push(states);
  if (changes.source) parts.push(t("audit.summary.source", { value: labelOf(t, "sources", changes.source) }));
  if (changes.evidence)
    parts.push(t("audit.summary.evidence", { value: labelOf(t, "audit.evidenceKinds", changes.evidence) }));
  for (const [key, entry] of Object.entries(changes)) {
    if (shownElsewhere.has(key) || entry === null || entry === undefined) continue;
    parts.push(`${key}: ${formatValue(entry)}`);
  }
  return parts.join(" · ");
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(", ");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** Decrypted personal values as text; after crypto-shredding the caller shows "erased". */
export function formatPersonal(value: unknown): string {
  if (value === null || value === undefined) return "";
  const { before, after } = value as { before?: unknown; after?: unknown };
  const show = (v: unknown) => (typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));
  if (before !== undefined && after !== undefined) return `${show(before)} → ${show(after)}`;
  if (after !== undefined) return show(after);
  if (before !== undefined) return show(before);
  return JSON.stringify(value);
}
