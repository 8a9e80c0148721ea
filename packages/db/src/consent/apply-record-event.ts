import {
  DomainError,
  type LegalBasis,
  nextRecordState,
  type RecordEvent,
  type RecordSource,
  type RecordState,
} from "@purposeful/domain";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { refreshTrafficLights } from "../repositories/traffic-lights.ts";
import { awaitDoubleOptIn } from "./double-opt-in.ts";

export interface RecordEvidence {
  kind: "document" | "email" | "signature" | "microsite" | "note";
  documentId?: string | null;
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
  validUntil?: Date | null;
  note?: string | null;
  evidence?: RecordEvidence | null;
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
  const purpose = await trx
    .selectFrom("purpose")
    .select(["id", "key", "defaultLegalBasis", "doubleOptIn", "currentVersion", "active"])
    .where("id", "=", input.purposeId)
    .executeTakeFirst();
  if (!purpose) throw new DomainError("not_found", "purpose");
  const person = await trx
    .selectFrom("person")
    .select(["id", "erasedLevel", "restricted"])
    .where("id", "=", input.personId)
    .forUpdate()
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person");
  const existing = await trx
    .selectFrom("processingRecord")
    .selectAll()
    .where("personId", "=", input.personId)
    .where("purposeId", "=", input.purposeId)
    .forUpdate()
    .executeTakeFirst();

  const legalBasis: LegalBasis = existing?.legalBasis ?? input.legalBasis ?? purpose.defaultLegalBasis;
  const movesForward = ["grant", "request", "activate", "confirm"].includes(input.event);
  if (movesForward && !purpose.active) throw new DomainError("validation", "purpose_inactive");
  // Art. 7(4) GDPR: no bundling; a contract purpose is never "consented to" and vice versa.
  if (!existing && legalBasis !== "consent" && ["grant", "request", "decline"].includes(input.event)) {
    throw new DomainError("invalid_transition", "consent event on a non-consent basis");
  }
  const state = nextRecordState(existing?.state ?? null, input.event, legalBasis);
  const column = stateTimestamp[state];
  const isConsentGrant = legalBasis === "consent" && (input.event === "grant" || input.event === "confirm");
  const purposeVersion = isConsentGrant
    ? (input.purposeVersion ?? purpose.currentVersion)
    : (existing?.purposeVersion ?? input.purposeVersion ?? null);
  const validUntil = input.validUntil !== undefined ? input.validUntil : (existing?.validUntil ?? null);

  const values = {
    legalBasis,
    state,
    // A new request to someone who already consented leaves that consent as it is, source included.
    source:
      existing && existing.state === state && input.event === "request" ? existing.source : input.source,
    purposeVersion,
    validUntil,
    note: input.note ?? existing?.note ?? null,
    recordedBy: input.actor.type === "staff" ? input.actor.id : null,
    updatedAt: input.at,
    ...(column ? { [column]: input.at } : {}),
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
      from: existing?.state ?? null,
      to: state,
      source: input.source,
      purposeVersion,
      validUntil: validUntil?.toISOString() ?? null,
      evidence: input.evidence?.kind ?? null,
      evidenceId,
    },
    personal: input.note ? { after: { note: input.note } } : null,
    evidenceDocumentId: input.evidence?.documentId ?? null,
    at: input.at,
  });

  // BGH I ZR 164/09: a consent to a double-opt-in purpose counts only after the confirmation click.
  if (state === "granted" && purpose.doubleOptIn)
    await awaitDoubleOptIn(trx, {
      personId: input.personId,
      purposeIds: [purpose.id],
      actor: input.actor,
      at: input.at,
    });

  await refreshTrafficLights(trx, [input.personId], input.at);
  return { record, evidenceId, needsConfirmation: state === "granted" && purpose.doubleOptIn };
}
