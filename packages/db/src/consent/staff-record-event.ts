import {
  calendarDateAt,
  DomainError,
  endOfDayExclusive,
  formatCalendarDate,
  type LegalBasis,
  type RecordEvent,
  type RecordState,
  type StaffRecordSource,
} from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { versionLiveAt } from "../repositories/record-options.ts";
import { applyRecordEvent, type RecordEvidence } from "./apply-record-event.ts";

/** A change staff record on a person's purpose, as the portal's form states it. */
export interface StaffRecordEvent {
  personId: string;
  purposeId: string;
  event: RecordEvent;
  legalBasis?: LegalBasis;
  source: StaffRecordSource;
  /** The day (YYYY-MM-DD, controller's time zone) the person gave the consent; default today. */
  givenOn?: string;
  /** The text version the person agreed to; default the version live on `givenOn`. */
  purposeVersion?: number;
  /** "Valid through" this day; null clears the end. */
  validUntil?: string | null;
  note?: string | null;
  evidenceDocumentId?: string | null;
  evidenceDescription?: string | null;
  /** Art. 8(1) GDPR: the holder of parental responsibility named by the attached evidence. */
  parentalConsentHolder?: string;
  /** UWG §7(3) no. 4: the person was told of the right to object when the address was collected */
  toldRightToObject?: boolean;
  staffUserId: string;
  at: Date;
}

/**
 * Records a consent, withdrawal, objection, contract start or end that staff took in (by phone,
 * letter, in person …) with its evidence; call in a transaction. Evidence must be a document of the
 * same person. `withoutEvidence` flags a consent that cannot be demonstrated (Art. 7(1) GDPR).
 */
export async function applyStaffRecordEvent(
  trx: Database,
  input: StaffRecordEvent,
): Promise<{ state: RecordState; needsConfirmation: boolean; withoutEvidence: boolean }> {
  let evidenceKind: RecordEvidence["kind"] | null = null;
  if (input.evidenceDocumentId) {
    const document = await trx
      .selectFrom("document")
      .select(["kind", "personId"])
      .where("id", "=", input.evidenceDocumentId)
      .executeTakeFirst();
    // Evidence must belong to the same person.
    if (!document || document.personId !== input.personId)
      throw new DomainError("validation", "evidence_not_found");
    evidenceKind = input.parentalConsentHolder
      ? "parental_consent"
      : document.kind === "email"
        ? "email"
        : "document";
  } else if (input.evidenceDescription) {
    evidenceKind = "note";
  }
  // An offline consent is given on a day and to a text: the last instant of that day (or now,
  // today), and by default the version live then.
  const today = formatCalendarDate(calendarDateAt(input.at));
  const givenAt =
    input.givenOn && input.givenOn !== today
      ? new Date(endOfDayExclusive(input.givenOn).getTime() - 1)
      : input.at;
  const purposeVersion =
    input.event === "grant"
      ? await versionLiveAt(trx, input.purposeId, givenAt, input.purposeVersion)
      : undefined;
  const result = await applyRecordEvent(trx, {
    personId: input.personId,
    purposeId: input.purposeId,
    event: input.event,
    legalBasis: input.legalBasis,
    source: input.source,
    givenAt,
    purposeVersion,
    // "Valid through" a calendar day in the controller's time zone.
    validUntil: input.validUntil
      ? endOfDayExclusive(input.validUntil)
      : input.validUntil === null
        ? null
        : undefined,
    note: input.note ?? null,
    evidence: evidenceKind
      ? {
          kind: evidenceKind,
          documentId: input.evidenceDocumentId ?? null,
          description: input.evidenceDescription ?? null,
          parentalConsentHolder: input.parentalConsentHolder ?? null,
        }
      : null,
    toldRightToObject: input.toldRightToObject,
    actor: { type: "staff", id: input.staffUserId },
    at: input.at,
  });
  const isConsent = result.record.legalBasis === "consent" && ["grant", "confirm"].includes(input.event);
  return {
    state: result.record.state,
    needsConfirmation: result.needsConfirmation,
    // Art. 7(1) GDPR: a consent without evidence cannot be demonstrated.
    withoutEvidence: isConsent && !evidenceKind,
  };
}
