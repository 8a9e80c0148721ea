import { type Channel, isChannel } from "../channels.ts";
import { DomainError } from "../errors.ts";
import { type Language, languages } from "../language.ts";
import { isLegalBasis, type LegalBasis } from "../legal-basis.ts";

export type PurposeText = { name: string; description: string };
export type PurposeTextsInput = Record<Language, PurposeText>;

/** A purpose's key: lower-case letters, digits and underscores, starting with a letter. */
export const purposeKeyPattern = /^[a-z][a-z0-9_]*$/;
const durationPattern = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/**
 * Art. 5(1)(e), 13(2)(a) GDPR: the storage period (after the basis ends) as an ISO-8601 duration
 * with whole numbers and at least one non-zero part (P2Y, P6M, P1Y6M, P30D).
 */
export function isRetentionPeriod(value: string): boolean {
  return durationPattern.test(value) && /[1-9]/.test(value);
}

/** The facts of a purpose a form may set; every one optional for an update. */
export interface PurposeFieldsInput {
  key?: string;
  defaultLegalBasis?: LegalBasis;
  channels?: Channel[];
  retentionPeriod?: string;
  texts?: Partial<PurposeTextsInput>;
}

/**
 * Art. 30(1)(b)–(f), 13(1)(c) GDPR: a catalogue entry names its purpose in every language, a legal
 * basis, its channels and a storage period. Throws DomainError("validation", "invalid_purpose").
 */
export function validatePurposeFields(fields: PurposeFieldsInput): void {
  const fail = (what: string) => {
    throw new DomainError("validation", "invalid_purpose", what);
  };
  if (fields.key !== undefined && !purposeKeyPattern.test(fields.key)) fail("key");
  if (fields.defaultLegalBasis !== undefined && !isLegalBasis(fields.defaultLegalBasis)) fail("legal basis");
  if (fields.channels?.some((channel) => !isChannel(channel))) fail("channel");
  if (fields.retentionPeriod !== undefined && !isRetentionPeriod(fields.retentionPeriod)) fail("retention");
  for (const language of languages) {
    const text = fields.texts?.[language];
    if (text && (!text.name.trim() || !text.description.trim())) fail("text");
  }
}
