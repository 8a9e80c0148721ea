import {
  isPortableBasis,
  languages,
  legalBases,
  legalBasisArticle,
  recordSources,
  recordStates,
} from "@purposeful/domain";
import type { PortableSubject } from "./portability.ts";

/** Raised on any change a program reading the export would notice (a field added, renamed, retyped). */
export const portabilitySchemaVersion = "1.0";

type Kinds<T extends { kind: string }[]> = readonly T[number]["kind"][];
const emailKinds = ["private", "work", "other"] as const satisfies Kinds<PortableSubject["emails"]>;
const phoneKinds = ["landline", "mobile", "fax"] as const satisfies Kinds<PortableSubject["phones"]>;
const addressKinds = ["home", "work", "postal"] as const satisfies Kinds<PortableSubject["addresses"]>;
const portableBases = legalBases.filter(isPortableBasis);

const text = (description: string) => ({ type: "string", description });
const nullableText = (description: string) => ({ type: ["string", "null"], description });
const instant = (description: string) => ({ type: ["string", "null"], format: "date-time", description });
const flag = (description: string) => ({ type: "boolean", description });
const object = (properties: Record<string, object>, description?: string) => ({
  type: "object",
  ...(description ? { description } : {}),
  required: Object.keys(properties),
  properties,
  additionalProperties: false,
});
const list = (item: string, description: string) => ({
  type: "array",
  description,
  items: { $ref: `#/$defs/${item}` },
});

/**
 * The JSON Schema (draft 2020-12) of `export.json` in the portability ZIP (Art. 20(1) GDPR: "in a
 * structured, commonly used and machine-readable format"), shipped in the ZIP as `schema.json`.
 * Built from the domain's own lists (bases, states, sources, languages), so it cannot drift from
 * what the export writes; the db test validates an export against it.
 */
export const portabilityJsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `urn:purposeful:portability-export:${portabilitySchemaVersion}`,
  title: "Personal data export (Art. 20 GDPR, right to data portability)",
  description:
    "The personal data the data subject provided to the controller, processed on the basis of consent (Art. 6(1)(a)) or a contract (Art. 6(1)(b)). Timestamps are ISO 8601 in UTC. The CSV files in the same ZIP hold the same data, one file per table, with the property names below as column names.",
  type: "object",
  required: ["schemaVersion", "exportedAt", "language", "controller", "scope", "subject", "records"],
  properties: {
    schemaVersion: { const: portabilitySchemaVersion, description: "Version of this schema." },
    exportedAt: { type: "string", format: "date-time", description: "When the export was made." },
    language: { enum: [...languages], description: "Language of the purpose names and the notes." },
    controller: { $ref: "#/$defs/controller" },
    scope: { $ref: "#/$defs/scope" },
    subject: {
      description:
        "The data the person provided; null when nothing is processed on consent or a contract (see scope).",
      oneOf: [{ $ref: "#/$defs/subject" }, { type: "null" }],
    },
    records: list("record", "Each consent and contract of the person (empty when scope.applies is false)."),
  },
  additionalProperties: false,
  $defs: {
    controller: object(
      {
        name: text("The controller (Art. 4(7) GDPR)."),
        address: text("Postal address."),
        email: text("E-mail address for privacy questions."),
        phone: text("Phone number, may be empty."),
        dpoName: text("Data protection officer, may be empty."),
        dpoEmail: text("Data protection officer's e-mail address, may be empty."),
      },
      "Who made the export.",
    ),
    scope: object(
      {
        applies: flag(
          "Whether the right to data portability applies (Art. 20(1)(a)): true when at least one record is based on consent or a contract.",
        ),
        article: text("The provision the scope follows from."),
        note: text("What the export contains and what it leaves out, in the export's language."),
      },
      "What the export covers and why.",
    ),
    subject: object(
      {
        salutation: nullableText("Salutation as given."),
        title: nullableText("Academic or other title."),
        firstName: text("First name."),
        lastName: text("Last name."),
        birthday: { type: ["string", "null"], format: "date", description: "Date of birth, YYYY-MM-DD." },
        jobTitle: nullableText("Job title or position."),
        preferredLanguage: { enum: [...languages], description: "Preferred language for contact." },
        emails: list("email", "E-mail addresses, the primary one first."),
        phones: list("phone", "Phone numbers, the primary one first."),
        addresses: list("address", "Postal addresses, the primary one first."),
        bankAccounts: list("bankAccount", "Bank accounts."),
      },
      "Master and contact data the person provided.",
    ),
    email: object({
      address: text("E-mail address."),
      kind: { enum: [...emailKinds] },
      isPrimary: flag("The address used first."),
    }),
    phone: object({
      number: text("Phone number as given."),
      kind: { enum: [...phoneKinds] },
      isPrimary: flag("The number used first."),
    }),
    address: object({
      street: text("Street and number."),
      postalCode: text("Postal code."),
      city: text("City."),
      country: text("Country, ISO 3166-1 alpha-2."),
      kind: { enum: [...addressKinds] },
      isPrimary: flag("The address used first."),
    }),
    bankAccount: object({
      iban: text("IBAN."),
      bic: nullableText("BIC."),
      accountHolder: text("Account holder."),
      mandateReference: nullableText("SEPA direct debit mandate reference."),
    }),
    record: object(
      {
        purposeKey: text("Stable key of the purpose."),
        purposeName: text("Name of the purpose, at the text version agreed to."),
        purposeVersion: {
          type: ["integer", "null"],
          description: "Version of the purpose text the consent refers to.",
        },
        legalBasis: { enum: portableBases, description: "consent: Art. 6(1)(a); contract: Art. 6(1)(b)." },
        legalBasisArticle: { enum: portableBases.map((basis) => legalBasisArticle[basis]) },
        state: { enum: [...recordStates], description: "Current state of the consent or contract." },
        source: { enum: [...recordSources], description: "How it was given (microsite, letter, phone, …)." },
        requestedAt: instant("When we asked for consent."),
        grantedAt: instant("When consent was given, or the contract began."),
        confirmedAt: instant("When the consent was confirmed (double opt-in)."),
        withdrawnAt: instant("When the consent was withdrawn."),
        declinedAt: instant("When the request for consent was declined."),
        endedAt: instant("When the contract ended."),
      },
      "One consent or contract.",
    ),
  },
} as const;
