import { type Channel, DomainError, isChannel, isLegalBasis, type LegalBasis } from "@purposeful/domain";

export type PurposeLanguage = "de" | "en";
export const purposeLanguages = ["de", "en"] as const;
export type PurposeText = { name: string; description: string };
export type PurposeTextsInput = Record<PurposeLanguage, PurposeText>;

export interface PurposeFields {
  texts: PurposeTextsInput;
  defaultLegalBasis: LegalBasis;
  channels: Channel[];
  doubleOptIn: boolean;
  /** ISO-8601 duration, e.g. P2Y or P6M. */
  retentionPeriod: string;
  dataCategories: string[];
  recipients: string[];
  active: boolean;
  /** Direct marketing (Art. 21(2), (3)): an objection to it closes the purpose. Default false. */
  directMarketing?: boolean;
  /** The bases records may have; must contain the default basis. Default: the default basis alone. */
  allowedLegalBases?: LegalBasis[];
}
export interface NewPurposeEntry extends PurposeFields {
  key: string;
}
/**
 * Every field optional; `material` marks a reworded text that needs new consent (Art. 7(1)). A
 * widening of the scope is material whatever `material` says (`decideMaterialChange`).
 */
export type PurposeEntryUpdate = Partial<Omit<PurposeFields, "texts">> & {
  texts?: Partial<PurposeTextsInput>;
  material?: boolean;
};

export const purposeKeyPattern = /^[a-z][a-z0-9_]*$/;
const durationPattern = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** An ISO-8601 duration with whole numbers and at least one non-zero part (P2Y, P6M, P1Y6M, P30D). */
export function isRetentionPeriod(value: string): boolean {
  return durationPattern.test(value) && /[1-9]/.test(value);
}

export function validatePurposeFields(fields: PurposeEntryUpdate & { key?: string }): void {
  const fail = (what: string) => {
    throw new DomainError("validation", "invalid_purpose", what);
  };
  if (fields.key !== undefined && !purposeKeyPattern.test(fields.key)) fail("key");
  if (fields.defaultLegalBasis !== undefined && !isLegalBasis(fields.defaultLegalBasis)) fail("legal basis");
  if (fields.channels?.some((channel) => !isChannel(channel))) fail("channel");
  if (fields.retentionPeriod !== undefined && !isRetentionPeriod(fields.retentionPeriod)) fail("retention");
  for (const language of purposeLanguages) {
    const text = fields.texts?.[language];
    if (text && (!text.name.trim() || !text.description.trim())) fail("text");
  }
}

export const purposeColumns = [
  "p.id",
  "p.key",
  "p.defaultLegalBasis",
  "p.channels",
  "p.doubleOptIn",
  "p.retentionPeriod",
  "p.dataCategories",
  "p.recipients",
  "p.active",
  "p.directMarketing",
  "p.allowedLegalBases",
  "p.currentVersion",
  "p.minValidVersion",
  "p.createdAt",
  "p.updatedAt",
] as const;
