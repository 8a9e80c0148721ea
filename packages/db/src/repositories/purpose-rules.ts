import {
  type Channel,
  isRetentionPeriod,
  type Language,
  type LegalBasis,
  languages,
  type PurposeText,
  type PurposeTextsInput,
  purposeKeyPattern,
  type ThirdCountryTransfer,
  validatePurposeFields,
} from "@purposeful/domain";

// The rules live in packages/domain/src/purposes; these names stay for the repository's callers.
export type PurposeLanguage = Language;
export const purposeLanguages = languages;
export {
  isRetentionPeriod,
  type PurposeText,
  type PurposeTextsInput,
  purposeKeyPattern,
  validatePurposeFields,
};

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
  /** UWG §7(3) no. 2: advertises the controller's own similar goods to customers. Default false. */
  ownSimilarGoods?: boolean;
  /** The bases records may have; must contain the default basis. Default: the default basis alone. */
  allowedLegalBases?: LegalBasis[];
  /** Art. 30(1)(c): whose data, e.g. customers, prospects, employees. Default none. */
  dataSubjectCategories?: string[];
  /** Art. 30(1)(e), 15(2), 44–49: transfers outside the EEA with their ground. Default none. */
  thirdCountryTransfers?: ThirdCountryTransfer[];
  /** Art. 15(1)(h), 22: the purpose profiles or decides automatically. Default false. */
  profiling?: boolean;
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
  "p.ownSimilarGoods",
  "p.allowedLegalBases",
  "p.dataSubjectCategories",
  "p.thirdCountryTransfers",
  "p.profiling",
  "p.currentVersion",
  "p.minValidVersion",
  "p.createdAt",
  "p.updatedAt",
] as const;
