import {
  assertBasisAllowed,
  assertConfirmationByDataSubject,
  assertConsentAge,
  assertRecordEventAllowed,
  DomainError,
  type EvidenceKind,
  type LegalBasis,
  nextRecord,
  type RecordEvent,
  type RecordSource,
  type RecordState,
} from "@purposeful/domain";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { getCompanySettings } from "../repositories/settings.ts";
import { refreshTrafficLights } from "../repositories/traffic-lights.ts";
import { awaitDoubleOptIn } from "./double-opt-in.ts";

export interface RecordEvidence {
  kind: EvidenceKind;
  documentId?: string | null;
  /** Art. 8(1) GDPR: the holder of parental responsibility named by parental-consent evidence */
  parentalConsentHolder?: string | null;
  description?: string | null;
  /** The exact texts the person saw (purpose, version, language, name, description). */
  shownTexts?: unknown;
}

export interface ApplyRecordEventInput {
  personId: string;
  purposeId: string;
  event: RecordEvent;
  /** For a new record; defaults to the purpose's default basis. Ignored for existing records. */
  legalBasis?: LegalBasis;
  source: RecordSource;
  /** The purpose text version the person saw; consents default to the purpose's current version. */
  purposeVersion?: number | null;
  /** When the person gave it (an offline consent recorded later); defaults to `at`. */
  givenAt?: Date;
  validUntil?: Date | null;
  note?: string | null;
  evidence?: RecordEvidence | null;
  /** UWG §7(3) no. 4: the person was told of the right to object when the address was collected */
  toldRightToObject?: boolean;
  actor: Actor;
  at: Date;
}

/** The column that records when a record entered a state. */
export const stateTimestamp: Partial<
  Record<
    RecordState,
    "requestedAt" | "grantedAt" | "confirmedAt" | "withdrawnAt" | "declinedAt" | "endedAt" | "objectedAt"
  >
> = {
  requested: "requestedAt",
  granted: "grantedAt",
  confirmed: "confirmedAt",
  withdrawn: "withdrawnAt",
  declined: "declinedAt",
  ended: "endedAt",
  objected: "objectedAt",
  active: "grantedAt",
};

/**
 * The one way a processing record changes: the domain's state machine decides the new state; the
 * record, its evidence, the audit event and the person's stored light are written together.
 * Run it inside a transaction.
 */
export async function applyRecordEvent(trx: Database, input: ApplyRecordEventInput) {
  // BGH I ZR 164/09: only the data subject's click on the confirmation link proves a double opt-in.
  if (input.event === "confirm") assertConfirmationByDataSubject(input.actor.type);
  const purpose = await trx
    .selectFrom("purpose")
    .select([
      "id",
      "key",
      "defaultLegalBasis",
      "allowedLegalBases",
      "doubleOptIn",
      "currentVersion",
      "active",
    ])
    .where("id", "=", input.purposeId)
    .executeTakeFirst();
  if (!purpose) throw new DomainError("not_found", "purpose_not_found");
  const person = await trx
    .selectFrom("person")
    .select(["id", "erasedLevel", "restricted", "birthday"])
    .where("id", "=", input.personId)
    .forUpdate()
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");
  // Art. 18(2) GDPR: while restricted, only the person's own consent and events that stop processing.
  assertRecordEventAllowed(person, input.event);
  const existing = await trx
    .selectFrom("processingRecord")
    .selectAll()
    .where("personId", "=", input.personId)
    .where("purposeId", "=", input.purposeId)
    .forUpdate()
    .executeTakeFirst();

  const movesForward = ["grant", "request", "activate", "confirm"].includes(input.event);
  if (movesForward && !purpose.active) throw new DomainError("validation", "purpose_inactive");
  const next = nextRecord(
    existing ? { state: existing.state, legalBasis: existing.legalBasis } : null,
    input.event,
    input.legalBasis ?? purpose.defaultLegalBasis,
  );
  const { state, legalBasis } = next;
  const starts = !existing || next.restarted;
  // Art. 6(1), 5(1)(b) GDPR: a record starts only on a basis the purpose declares.
  if (starts) assertBasisAllowed(purpose, legalBasis);
  const givenAt = input.givenAt ?? input.at;
  if (givenAt.getTime() > input.at.getTime()) throw new DomainError("validation", "given_in_future");
  const isConsentGrant = legalBasis === "consent" && input.event === "grant";
  if (isConsentGrant) {
    // Art. 8(1) GDPR: below the age of consent, only with the parents' documented consent.
    const { ageOfConsent } = await getCompanySettings(trx);
    assertConsentAge(
      {
        birthday: person.birthday,
        parentalConsentHolder:
          input.evidence?.kind === "parental_consent" && input.evidence.documentId
            ? (input.evidence.parentalConsentHolder ?? null)
            : null,
      },
      givenAt,
      ageOfConsent,
    );
  }
  const column = stateTimestamp[state];
  // A grant records the version the person saw; a confirmation confirms exactly that grant, never the
  // purpose's current text (Art. 7(1): the proof is for the text actually agreed to).
  const purposeVersion = isConsentGrant
    ? (input.purposeVersion ?? purpose.currentVersion)
    : starts
      ? (input.purposeVersion ?? null)
      : (existing?.purposeVersion ?? null);
  if (
    isConsentGrant &&
    (purposeVersion === null || purposeVersion < 1 || purposeVersion > purpose.currentVersion)
  )
    throw new DomainError("validation", "version_unknown");
  // Whether double opt-in applies is fixed when the consent is granted (the purpose's flag may change later).
  const doubleOptInRequired = isConsentGrant
    ? purpose.doubleOptIn
    : starts
      ? false
      : (existing?.doubleOptInRequired ?? false);
  const validUntil =
    input.validUntil !== undefined ? input.validUntil : starts ? null : (existing?.validUntil ?? null);

  const values = {
    legalBasis,
    state,
    // A new request to someone who already consented leaves that consent as it is, source included.
    source:
      existing && existing.state === state && input.event === "request" ? existing.source : input.source,
    purposeVersion,
    doubleOptInRequired,
    validUntil,
    note: input.note ?? existing?.note ?? null,
    toldRightToObject: input.toldRightToObject ?? existing?.toldRightToObject ?? false,
    recordedBy: input.actor.type === "staff" ? input.actor.id : null,
    updatedAt: input.at,
    ...(column ? { [column]: column === "grantedAt" ? givenAt : input.at } : {}),
  };
  const record = existing
    ? await trx
        .updateTable("processingRecord")
        .set(values)
        .where("id", "=", existing.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto("processingRecord")
        .values({ ...values, personId: input.personId, purposeId: input.purposeId, createdAt: input.at })
        .returningAll()
        .executeTakeFirstOrThrow();

  let evidenceId: string | null = null;
  if (input.evidence) {
    const evidence = await trx
      .insertInto("consentEvidence")
      .values({
        processingRecordId: record.id,
        documentId: input.evidence.documentId ?? null,
        kind: input.evidence.kind,
        description: input.evidence.description ?? null,
        parentalConsentHolder:
          input.evidence.kind === "parental_consent" ? (input.evidence.parentalConsentHolder ?? null) : null,
        shownTexts:
          input.evidence.shownTexts === undefined ? null : JSON.stringify(input.evidence.shownTexts),
        createdBy: input.actor.id,
        createdAt: input.at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    evidenceId = evidence.id;
  }

  await recordAudit(trx, {
    actor: input.actor,
    action: `record.${input.event}`,
    entityType: "processing_record",
    entityId: record.id,
    personId: input.personId,
    changes: {
      purposeKey: purpose.key,
      legalBasis,
      ...(next.restarted ? { previousLegalBasis: existing?.legalBasis } : {}),
      from: existing?.state ?? null,
      to: state,
      ...(givenAt !== input.at ? { givenAt: givenAt.toISOString() } : {}),
      source: input.source,
      purposeVersion,
      validUntil: validUntil?.toISOString() ?? null,
      evidence: input.evidence?.kind ?? null,
      evidenceId,
      ...(input.toldRightToObject !== undefined ? { toldRightToObject: input.toldRightToObject } : {}),
    },
    personal:
      input.note || input.evidence?.parentalConsentHolder
        ? {
            after: {
              ...(input.note ? { note: input.note } : {}),
              ...(input.evidence?.parentalConsentHolder
                ? { parentalConsentHolder: input.evidence.parentalConsentHolder }
                : {}),
            },
          }
        : null,
    evidenceDocumentId: input.evidence?.documentId ?? null,
    at: input.at,
  });

  // BGH I ZR 164/09: a consent to a double-opt-in purpose counts only after the confirmation click.
  if (state === "granted" && doubleOptInRequired)
    await awaitDoubleOptIn(trx, {
      personId: input.personId,
      purposeIds: [purpose.id],
      actor: input.actor,
      at: input.at,
    });

  await refreshTrafficLights(trx, [input.personId], input.at);
  return { record, evidenceId, needsConfirmation: state === "granted" && doubleOptInRequired };
}
