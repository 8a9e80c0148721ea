import type { channels, Language, legalBases, ThirdCountryTransfer } from "@purposeful/domain";
import { readTransfers } from "./purpose-transfers-field";

/** A purpose as the form edits it, and how the submitted form is read back. */
export interface PurposeFormValues {
  key: string;
  texts: Record<Language, { name: string; description: string }>;
  defaultLegalBasis: (typeof legalBases)[number];
  channels: (typeof channels)[number][];
  doubleOptIn: boolean;
  retentionPeriod: string;
  dataCategories: string[];
  recipients: string[];
  active: boolean;
  directMarketing: boolean;
  ownSimilarGoods: boolean;
  allowedLegalBases: (typeof legalBases)[number][];
  dataSubjectCategories: string[];
  thirdCountryTransfers: ThirdCountryTransfer[];
  profiling: boolean;
}

// Privacy by default (Art. 25(2)): consent as the basis, nothing ticked, nobody covered yet.
export const emptyPurpose: PurposeFormValues = {
  key: "",
  texts: { de: { name: "", description: "" }, en: { name: "", description: "" } },
  defaultLegalBasis: "consent",
  channels: [],
  doubleOptIn: false,
  retentionPeriod: "",
  dataCategories: [],
  recipients: [],
  active: true,
  directMarketing: false,
  ownSimilarGoods: false,
  allowedLegalBases: ["consent"],
  dataSubjectCategories: [],
  thirdCountryTransfers: [],
  profiling: false,
};

const splitList = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** Reads the fields below back from the submitted form. */
export function readPurposeForm(form: FormData): Omit<PurposeFormValues, "key"> {
  const text = (language: Language) => ({
    name: String(form.get(`${language}.name`) ?? ""),
    description: String(form.get(`${language}.description`) ?? ""),
  });
  return {
    texts: { de: text("de"), en: text("en") },
    defaultLegalBasis: form.get("defaultLegalBasis") as PurposeFormValues["defaultLegalBasis"],
    channels: form.getAll("channels").map(String) as PurposeFormValues["channels"],
    doubleOptIn: form.get("doubleOptIn") === "on",
    retentionPeriod: String(form.get("retentionPeriod") ?? ""),
    dataCategories: splitList(form.get("dataCategories")),
    recipients: splitList(form.get("recipients")),
    active: form.get("active") === "on",
    directMarketing: form.get("directMarketing") === "on",
    ownSimilarGoods: form.get("ownSimilarGoods") === "on",
    allowedLegalBases: form.getAll("allowedLegalBases").map(String) as PurposeFormValues["allowedLegalBases"],
    dataSubjectCategories: splitList(form.get("dataSubjectCategories")),
    thirdCountryTransfers: readTransfers(form),
    profiling: form.get("profiling") === "on",
  };
}
