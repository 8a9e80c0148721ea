import type { RecordEvent } from "../consent/record-transitions.ts";
import { DomainError } from "../errors.ts";

/**
 * Art. 18(2) GDPR: while processing is restricted, the data is only stored, and processed otherwise
 * only with the data subject's consent (or for legal claims, another's rights, public interest).
 * So a restricted person may still give or confirm a consent themselves, and every event that stops
 * a processing stays possible (withdrawing, declining, objecting, ending, expiring: less processing
 * is always allowed, Art. 7(3), 21). Asking them for consent is contacting them, which is
 * processing; starting a processing on another basis is processing too: both are refused.
 */
export const recordEventsWhileRestricted: Record<RecordEvent, boolean> = {
  // With the data subject's consent (Art. 18(2)): their own grant and their own confirmation click.
  grant: true,
  confirm: true,
  // Stopping or limiting a processing is never barred by a restriction.
  withdraw: true,
  decline: true,
  object: true,
  end: true,
  expire: true,
  // Contacting the person to ask, or starting a processing on another basis.
  request: false,
  activate: false,
};

/** Whether `event` may be recorded for a person whose processing is restricted. */
export function recordEventAllowedWhileRestricted(event: RecordEvent): boolean {
  return recordEventsWhileRestricted[event];
}

/** Art. 18(2) GDPR: throws DomainError("invalid_transition", "restricted_processing") when refused. */
export function assertRecordEventAllowed(person: { restricted: boolean }, event: RecordEvent): void {
  if (person.restricted && !recordEventAllowedWhileRestricted(event))
    throw new DomainError("invalid_transition", "restricted_processing", event);
}

export type RestrictionChange = "restrict" | "lift";

/** How long a restriction reason may be; it is free text kept with the person (and encrypted in the audit). */
export const maxRestrictionReasonLength = 2000;

/**
 * Art. 18(1) GDPR: restricting (or lifting a restriction) is decided with a reason, which the
 * person's record keeps; restricting twice or lifting what is not restricted is refused so a
 * second click changes nothing. Returns the trimmed reason.
 */
export function decideRestrictionChange(
  current: { restricted: boolean },
  change: RestrictionChange,
  reason: string,
): { reason: string } {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > maxRestrictionReasonLength)
    throw new DomainError("validation", "restriction_reason_required");
  if (change === "restrict" && current.restricted)
    throw new DomainError("invalid_transition", "already_restricted");
  if (change === "lift" && !current.restricted) throw new DomainError("invalid_transition", "not_restricted");
  return { reason: trimmed };
}
