import { calendarDateAt, formatCalendarDate, type RecordState } from "@purposeful/domain";
import type { Actor } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import type { PurposeLanguage } from "../repositories/purpose-rules.ts";
import { currentTextIn, purposesWithCurrentText } from "../repositories/purpose-texts.ts";
import { applyRecordEvent } from "./apply-record-event.ts";
import { changeDirectMarketingObjection } from "./direct-marketing-objection.ts";
import { storeDocument } from "./documents.ts";

/**
 * The purposes a person can consent to on the signature tablet: active, consent by default, each
 * with its current text version in full, in both languages, and the language the person prefers
 * (Art. 7(2) GDPR). Null when the person does not exist.
 */
export async function signaturePurposes(db: Database, personId: string) {
  const person = await db
    .selectFrom("person")
    .select("preferredLanguage")
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return null;
  const purposes = await purposesWithCurrentText(db, { active: true, consentOnly: true });
  return {
    preferredLanguage: person.preferredLanguage,
    purposes: purposes
      // A purpose without any text cannot be shown, so it cannot be signed for.
      .filter((purpose) => Object.keys(purpose.texts).length > 0)
      .map(({ id, key, currentVersion, doubleOptIn, texts }) => ({
        id,
        key,
        version: currentVersion,
        doubleOptIn,
        texts,
      })),
  };
}

export interface SignedConsents {
  personId: string;
  /** The language the texts were shown in. */
  language: PurposeLanguage;
  /** The ticked purposes with the text version the tablet showed. */
  purposes: readonly { purposeId: string; version: number }[];
  /** The signature as a PNG. */
  content: Uint8Array;
  staffUserId: string;
  at: Date;
}

export type SignatureRefusal = "person_not_found" | "purpose_not_signable" | "texts_changed";

/**
 * Records the consents a person signed for on the tablet, in the caller's transaction: the
 * signature image is stored as the evidence and each ticked purpose is granted with the exact texts
 * shown (Art. 7(1) GDPR). Writes nothing and names the refusal when the person is unknown, a purpose
 * cannot be signed for, or a shown text is no longer the current one.
 */
export async function recordSignedConsents(
  trx: Database,
  input: SignedConsents,
): Promise<
  { ok: true; documentId: string; granted: SignedGrant[] } | { ok: false; reason: SignatureRefusal }
> {
  const person = await trx
    .selectFrom("person")
    .select("id")
    .where("id", "=", input.personId)
    .executeTakeFirst();
  if (!person) return { ok: false, reason: "person_not_found" };
  // Locks the purposes so their texts cannot change until the consents are written.
  const purposes = await purposesWithCurrentText(trx, {
    ids: input.purposes.map((p) => p.purposeId),
    lock: true,
  });
  const byId = new Map(purposes.map((p) => [p.id, p]));
  const shown = [];
  for (const { purposeId, version } of input.purposes) {
    const purpose = byId.get(purposeId);
    if (!purpose?.active || purpose.defaultLegalBasis !== "consent")
      return { ok: false, reason: "purpose_not_signable" };
    // The person must have seen the current text; otherwise nothing is recorded.
    const text = currentTextIn(purpose, input.language);
    if (purpose.currentVersion !== version || !text) return { ok: false, reason: "texts_changed" };
    shown.push({
      purposeId,
      purposeKey: purpose.key,
      version,
      language: input.language,
      name: text.name,
      description: text.description,
    });
  }

  const actor: Actor = { type: "staff", id: input.staffUserId };
  const documentId = await storeDocument(trx, {
    personId: input.personId,
    kind: "signature",
    fileName: `signature-${formatCalendarDate(calendarDateAt(input.at))}.png`,
    contentType: "image/png",
    content: input.content,
    metadata: {
      language: input.language,
      staffUserId: input.staffUserId,
      purposes: shown.map((p) => ({ key: p.purposeKey, version: p.version })),
    },
    actor,
    at: input.at,
  });

  const granted: SignedGrant[] = [];
  for (const { purposeId, ...text } of shown) {
    // Signing for a direct-marketing purpose is the person's own, later choice: it lifts an earlier
    // objection to direct marketing on that purpose's channels (Art. 21(2)), audited as such.
    const purpose = byId.get(purposeId);
    if (purpose?.directMarketing)
      await changeDirectMarketingObjection(trx, {
        personId: input.personId,
        lift: purpose.channels,
        source: "signature",
        note: `signed for ${text.purposeKey}`,
        actor,
        at: input.at,
      });
    const result = await applyRecordEvent(trx, {
      personId: input.personId,
      purposeId,
      event: "grant",
      source: "signature",
      purposeVersion: text.version,
      evidence: { kind: "signature", documentId, shownTexts: [text] },
      actor,
      at: input.at,
    });
    granted.push({
      purposeId,
      key: text.purposeKey,
      name: text.name,
      state: result.record.state,
      needsConfirmation: result.needsConfirmation,
    });
  }
  return { ok: true, documentId, granted };
}

export interface SignedGrant {
  purposeId: string;
  key: string;
  name: string;
  state: RecordState;
  needsConfirmation: boolean;
}
