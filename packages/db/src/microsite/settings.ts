import {
  assessRecord,
  type Channel,
  type Language,
  type RecordState,
  type RecordValidityReason,
} from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { currentTextIn, purposesWithCurrentText } from "../repositories/purpose-texts.ts";

export type MicrositeLanguage = Language;

export interface MicrositePurpose {
  purposeId: string;
  key: string;
  /** The current text version, shown in full (Art. 7(2) GDPR). */
  version: number;
  language: MicrositeLanguage;
  name: string;
  description: string;
  doubleOptIn: boolean;
  /** The person's record, if any. */
  state: RecordState | null;
  /** The version the person consented to (null without a consent). */
  consentedVersion: number | null;
  valid: boolean;
  reason: RecordValidityReason | null;
  /** Ticked on the form: a live consent (granted or confirmed); never pre-ticked otherwise. */
  ticked: boolean;
  /** Granted, but the double opt-in confirmation click is still missing. */
  confirmationPending: boolean;
  /** Granted to an older text that was changed materially: needs a new tick to count again. */
  outdated: boolean;
  /** direct marketing (Art. 21(2)): ticking it lifts an objection on its channels */
  directMarketing: boolean;
  channels: Channel[];
}

export interface MicrositeSettings {
  personId: string;
  salutation: string | null;
  firstName: string;
  lastName: string;
  preferredLanguage: MicrositeLanguage;
  /** channels on which the person objected to direct marketing (Art. 21(2)) */
  objectedChannels: Channel[];
  purposes: MicrositePurpose[];
}

/**
 * What a person may decide on in the microsite: every active purpose whose default basis is
 * consent (Art. 7(4) GDPR — a contract or legal-obligation purpose is never a checkbox), with its
 * current full text in `language` (the other language if that one is missing) and the person's
 * record state. Null when the person does not exist or was erased.
 */
export async function getMicrositeSettings(
  db: Database,
  personId: string,
  language: MicrositeLanguage,
  now: Date = new Date(),
): Promise<MicrositeSettings | null> {
  const person = await db
    .selectFrom("person")
    .select([
      "id",
      "salutation",
      "firstName",
      "lastName",
      "preferredLanguage",
      "erasedLevel",
      "dmObjectionChannels",
    ])
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person || person.erasedLevel >= 3) return null;

  const rows = await db
    .selectFrom("purpose as p")
    .leftJoin("processingRecord as r", (join) =>
      join.onRef("r.purposeId", "=", "p.id").on("r.personId", "=", personId),
    )
    .select([
      "p.id as purposeId",
      "p.key",
      "p.currentVersion",
      "p.minValidVersion",
      "p.doubleOptIn",
      "p.active",
      "p.directMarketing",
      "p.channels",
      "r.doubleOptInRequired",
      "r.legalBasis",
      "r.state",
      "r.purposeVersion",
      "r.validUntil",
    ])
    .where("p.active", "=", true)
    .where("p.defaultLegalBasis", "=", "consent")
    .where((eb) => eb.or([eb("r.legalBasis", "is", null), eb("r.legalBasis", "=", "consent")]))
    .orderBy("p.key")
    .execute();
  if (rows.length === 0) return { ...personOf(person), purposes: [] };

  const withTexts = await purposesWithCurrentText(db, { ids: rows.map((row) => row.purposeId) });
  const textsOf = new Map(withTexts.map((purpose) => [purpose.id, purpose]));

  const purposes = rows.flatMap((row): MicrositePurpose[] => {
    const withText = textsOf.get(row.purposeId);
    const text = withText ? currentTextIn(withText, language, { fallback: true }) : null;
    if (!text) return []; // a purpose without any text cannot be consented to (Art. 7(2))
    const assessment = row.state
      ? assessRecord(
          {
            legalBasis: "consent",
            state: row.state,
            doubleOptIn: row.doubleOptInRequired ?? row.doubleOptIn,
            validUntil: row.validUntil,
            purposeVersion: row.purposeVersion,
            purposeMinValidVersion: row.minValidVersion,
            purposeActive: row.active,
            directMarketing: row.directMarketing,
            purposeChannels: row.channels,
            objectedChannels: person.dmObjectionChannels,
          },
          now,
        )
      : null;
    const live = row.state === "granted" || row.state === "confirmed";
    return [
      {
        purposeId: row.purposeId,
        key: row.key,
        version: row.currentVersion,
        language: text.language,
        name: text.name,
        description: text.description,
        doubleOptIn: row.doubleOptIn,
        state: row.state,
        consentedVersion: live ? row.purposeVersion : null,
        valid: assessment?.valid ?? false,
        reason: assessment?.reason ?? null,
        ticked: live,
        confirmationPending: assessment?.reason === "double_opt_in_unconfirmed",
        outdated: live && assessment?.reason === "outdated_text_version",
        directMarketing: row.directMarketing,
        channels: row.channels,
      },
    ];
  });
  return { ...personOf(person), purposes };
}

function personOf(person: {
  id: string;
  salutation: string | null;
  firstName: string;
  lastName: string;
  preferredLanguage: MicrositeLanguage;
  dmObjectionChannels: Channel[];
}) {
  return {
    objectedChannels: person.dmObjectionChannels,
    personId: person.id,
    salutation: person.salutation,
    firstName: person.firstName,
    lastName: person.lastName,
    preferredLanguage: person.preferredLanguage,
  };
}
