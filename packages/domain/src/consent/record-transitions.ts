import { DomainError } from "../errors.ts";
import { isObjectableBasis, type LegalBasis } from "../legal-basis.ts";
import type { ConsentState, OtherBasisState, RecordState } from "./processing-record.ts";

export const recordEvents = [
  "request",
  "grant",
  "confirm",
  "withdraw",
  "decline",
  "expire",
  "activate",
  "end",
  "object",
] as const;
export type RecordEvent = (typeof recordEvents)[number];

type From = RecordState | null;

/**
 * Consent transitions. Self-loops are deliberate: a repeated request keeps waiting, and a repeated grant
 * renews the consent (e.g. for a new text version). A new grant after `confirmed` needs a new
 * confirmation, so it falls back to `granted`. A request to someone who already granted does not take
 * that consent away, so it leaves the state as it is.
 */
const consentTransitions: Partial<Record<RecordEvent, ReadonlyArray<readonly [From, ConsentState]>>> = {
  request: [
    [null, "requested"],
    ["requested", "requested"],
    ["granted", "granted"],
    ["confirmed", "confirmed"],
    ["withdrawn", "requested"],
    ["declined", "requested"],
    ["expired", "requested"],
  ],
  grant: [
    [null, "granted"],
    ["requested", "granted"],
    ["granted", "granted"],
    ["confirmed", "granted"],
    ["withdrawn", "granted"],
    ["declined", "granted"],
    ["expired", "granted"],
  ],
  confirm: [["granted", "confirmed"]],
  // Art. 7(3) GDPR: withdrawal must be possible at any time, from every state in which consent is live.
  withdraw: [
    ["requested", "withdrawn"],
    ["granted", "withdrawn"],
    ["confirmed", "withdrawn"],
  ],
  decline: [
    [null, "declined"],
    ["requested", "declined"],
  ],
  expire: [
    ["requested", "expired"],
    ["granted", "expired"],
    ["confirmed", "expired"],
  ],
};

const otherBasisTransitions: Partial<Record<RecordEvent, ReadonlyArray<readonly [From, OtherBasisState]>>> = {
  activate: [
    [null, "active"],
    ["ended", "active"],
  ],
  end: [["active", "ended"]],
  // Art. 21(1) GDPR: objection applies to Art. 6(1)(e)/(f) only; checked against the basis below.
  object: [["active", "objected"]],
};

/** The state after `event`, or null when the event is not allowed (no exception: the set-based paths ask often). */
function transitionTarget(
  current: RecordState | null,
  event: RecordEvent,
  basis: LegalBasis,
): RecordState | null {
  const table = basis === "consent" ? consentTransitions : otherBasisTransitions;
  const next = table[event]?.find(([from]) => from === current)?.[1];
  // Art. 21(1) GDPR: only processing based on public task or legitimate interests can be objected to.
  if (event === "object" && !isObjectableBasis(basis)) return null;
  return next ?? null;
}

/** The state after `event`; throws DomainError("invalid_transition") when the event is not allowed. */
export function nextRecordState(
  current: RecordState | null,
  event: RecordEvent,
  basis: LegalBasis,
): RecordState {
  const next = transitionTarget(current, event, basis);
  if (next === null) {
    throw new DomainError(
      "invalid_transition",
      "transition_not_allowed",
      `${event} on a ${basis} record in state ${current ?? "none"}`,
    );
  }
  return next;
}

const finalStates: readonly RecordState[] = ["withdrawn", "declined", "expired", "ended", "objected"];

/** The legal basis an event starts: consent events need consent; the others the basis asked for. */
function basisOfEvent(event: RecordEvent, requested: LegalBasis): LegalBasis {
  return ["request", "grant", "decline"].includes(event) ? "consent" : requested;
}

/**
 * The state and basis after `event`. People may change their minds: once a record has reached a final
 * state (withdrawn, declined, expired, ended, objected), an event of another basis starts a new one on
 * the same record — a consent after an objection or an ended contract, a contract after a withdrawal.
 * The earlier states stay in the history (audit trail). Throws DomainError("invalid_transition").
 */
export function nextRecord(
  current: { state: RecordState; legalBasis: LegalBasis } | null,
  event: RecordEvent,
  requestedBasis: LegalBasis,
): { state: RecordState; legalBasis: LegalBasis; restarted: boolean } {
  if (current === null) {
    const legalBasis = basisOfEvent(event, requestedBasis);
    return { state: nextRecordState(null, event, legalBasis), legalBasis, restarted: false };
  }
  const newBasis = basisOfEvent(event, requestedBasis);
  const switches =
    newBasis !== current.legalBasis && ["request", "grant", "decline", "activate"].includes(event);
  if (switches && finalStates.includes(current.state)) {
    return { state: nextRecordState(null, event, newBasis), legalBasis: newBasis, restarted: true };
  }
  return {
    state: nextRecordState(current.state, event, current.legalBasis),
    legalBasis: current.legalBasis,
    restarted: false,
  };
}

/** Events allowed from a state, e.g. to show only the buttons that work. */
export function allowedRecordEvents(current: RecordState | null, basis: LegalBasis): RecordEvent[] {
  return recordEvents.filter((event) => transitionTarget(current, event, basis) !== null);
}

/**
 * BGH I ZR 164/09: double opt-in proves consent only when the data subject clicks the confirmation
 * link; staff (or an import, or an API client) can never confirm on the person's behalf.
 */
export function assertConfirmationByDataSubject(
  actorType: "staff" | "data_subject" | "system" | "api",
): void {
  if (actorType !== "data_subject") throw new DomainError("forbidden", "confirm_only_by_data_subject");
}

/**
 * Art. 6(1), 5(1)(b) GDPR: each purpose declares the legal bases it may rest on (a purpose with none
 * declared allows only its default); a record cannot start on another basis.
 */
export function assertBasisAllowed(
  purpose: { defaultLegalBasis: LegalBasis; allowedLegalBases: readonly LegalBasis[] },
  basis: LegalBasis,
): void {
  const allowed =
    purpose.allowedLegalBases.length > 0 ? purpose.allowedLegalBases : [purpose.defaultLegalBasis];
  if (!allowed.includes(basis)) throw new DomainError("validation", "basis_not_allowed");
}

/**
 * What staff may record on a purpose now: each event with the basis it would use, over the bases
 * the purpose allows (a new basis only after a final state, see `nextRecord`). Confirmation is never
 * offered: only the data subject confirms a double opt-in.
 */
export function availableRecordEvents(
  current: { state: RecordState; legalBasis: LegalBasis } | null,
  allowedBases: readonly LegalBasis[],
): Array<{ event: RecordEvent; legalBasis: LegalBasis }> {
  const available: Array<{ event: RecordEvent; legalBasis: LegalBasis }> = [];
  for (const event of recordEvents) {
    if (event === "confirm") continue;
    for (const basis of allowedBases) {
      try {
        const next = nextRecord(current, event, basis);
        if (!allowedBases.includes(next.legalBasis)) continue;
        if (!available.some((a) => a.event === event && a.legalBasis === next.legalBasis))
          available.push({ event, legalBasis: next.legalBasis });
      } catch {
        // not possible from this state on this basis
      }
    }
  }
  return available;
}
