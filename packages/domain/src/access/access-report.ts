import type { Channel } from "../channels.ts";
import type { EvidenceKind, RecordSource, RecordState } from "../consent/processing-record.ts";
import type { RetentionRecordFacts } from "../erasure/retention.ts";
import type { Language } from "../language.ts";
import type { LegalBasis } from "../legal-basis.ts";
import { collectedFromDataSubject } from "./data-source.ts";
import {
  type ActivityKind,
  type DocumentKind,
  type ReportSection,
  reportSections,
  requiredReportSections,
} from "./report-sections.ts";
import { applicableRights, type DataSubjectRight } from "./rights.ts";
import { type StoragePeriod, storagePeriodOf } from "./storage-period.ts";
import type { ThirdCountryTransfer } from "./transfers.ts";

/** The controller as the report names it (Art. 13(1)(a),(b), 15(1)(f), 77). */
export interface ReportController {
  name: string;
  address: string;
  email: string;
  phone: string;
  dpoName: string;
  dpoEmail: string;
  dpoAddress: string;
  /** the competent supervisory authority (Art. 77, 15(1)(f)) */
  authorityName: string;
  authorityAddress: string;
  authorityUrl: string;
}

export interface ReportActivity {
  kind: ActivityKind;
  direction: "inbound" | "outbound" | null;
  occurredAt: Date;
  subject: string;
  body: string | null;
  durationSeconds: number | null;
}

export interface ReportDocument {
  id: string;
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

/** One processing record with its purpose's catalogue facts (one purpose per record). */
export interface ReportRecord extends RetentionRecordFacts {
  purposeKey: string;
  /** the purpose's name and description in the report's language, at the record's version */
  purposeName: string;
  purposeDescription: string;
  purposeVersion: number | null;
  source: RecordSource;
  state: RecordState;
  legalBasis: LegalBasis;
  directMarketing: boolean;
  profiling: boolean;
  channels: Channel[];
  dataCategories: string[];
  dataSubjectCategories: string[];
  recipients: string[];
  transfers: ThirdCountryTransfer[];
  confirmedAt: Date | null;
  createdAt: Date;
  /** staff's note on the record (free text about the person) */
  note?: string | null;
  /** the record's history: each change, oldest first */
  history: { at: Date; action: string }[];
  /** Art. 7(1): how the consent is proven (kinds and descriptions, not the files themselves) */
  evidence: { kind: EvidenceKind; description: string | null; createdAt: Date }[];
}

/** Everything stored about one person that an access report draws from, loaded by packages/db. */
export interface AccessReportFacts {
  person: {
    salutation: string | null;
    title: string | null;
    firstName: string;
    lastName: string;
    birthday: string | null;
    jobTitle: string | null;
    organizationName: string | null;
    preferredLanguage: Language;
    createdAt: Date;
    erasedLevel: number;
    restricted: boolean;
    retentionManualUntil: string | null;
    dmObjectionChannels: Channel[];
    mailBlocks: Channel[];
  };
  emails: { address: string; kind: string; isPrimary: boolean }[];
  phones: { number: string; kind: string; isPrimary: boolean }[];
  addresses: {
    street: string;
    postalCode: string;
    city: string;
    country: string;
    kind: string;
    isPrimary: boolean;
  }[];
  bankAccounts: {
    iban: string;
    bic: string | null;
    accountHolder: string;
    mandateReference: string | null;
  }[];
  activities: ReportActivity[];
  documents: ReportDocument[];
  /** relationships: the role, and an organization's name (another person's name is their data, Art. 15(4)) */
  relationships: {
    role: string;
    organizationName: string | null;
    withPerson: boolean;
    note: string | null;
  }[];
  records: ReportRecord[];
  /** the consent receipts and confirmations mailed to the person */
  consentReceipts: { sentAt: Date; subject: string; to: string }[];
  /** the person's audit history with personal values decrypted (null where none was recorded) */
  auditHistory: {
    at: Date;
    action: string;
    actor: "staff" | "data_subject" | "system" | "api";
    values: unknown;
  }[];
  micrositeVisits: { at: Date; via: string | null }[];
}

export interface ReportTemplateSettings {
  sections: ReportSection[];
  internalActivityKinds: ActivityKind[];
  internalDocumentKinds: DocumentKind[];
  attachDocuments: boolean;
  intro: Partial<Record<Language, string>>;
  outro: Partial<Record<Language, string>>;
  letterhead: string;
}

/** One purpose as Art. 15(1)(a)–(d),(g),(h) and (2) present it. */
export interface ReportPurpose {
  key: string;
  name: string;
  description: string;
  legalBasis: LegalBasis;
  state: RecordState;
  dataCategories: string[];
  recipients: string[];
  transfers: ThirdCountryTransfer[];
  storage: StoragePeriod;
  /** Art. 15(1)(g): null when collected from the person, else where the data came from */
  otherSource: RecordSource | null;
  profiling: boolean;
}

/** What Art. 15(4) left out, so the report can say so instead of leaving it out silently. */
export interface ReportWithheld {
  activities: { kind: ActivityKind; count: number }[];
  documents: { kind: DocumentKind; count: number }[];
}

/** The report as the preview and the PDF show it: only what the template lets in. */
export interface AccessReport {
  language: Language;
  generatedAt: Date;
  /** a person erased at level 3: the report says so and has nothing else to show */
  erased: boolean;
  sections: ReportSection[];
  intro: string;
  outro: string;
  letterhead: string;
  controller: ReportController;
  subject: { name: string };
  purposes: ReportPurpose[];
  dataCategories: string[];
  recipients: string[];
  transfers: (ThirdCountryTransfer & { purposeName: string })[];
  rights: DataSubjectRight[];
  /** Art. 15(1)(g): the other sources data came from (empty: everything from the person) */
  otherSources: RecordSource[];
  /** Art. 15(1)(h): the purposes that profile; empty means no automated decision or profiling */
  profilingPurposes: string[];
  copy: Pick<
    AccessReportFacts,
    | "person"
    | "emails"
    | "phones"
    | "addresses"
    | "bankAccounts"
    | "relationships"
    | "records"
    | "consentReceipts"
    | "auditHistory"
    | "micrositeVisits"
  > & { activities: ReportActivity[]; documents: ReportDocument[] };
  withheld: ReportWithheld;
  attachDocuments: boolean;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

function countBy<K extends string>(items: readonly { kind: K }[]): { kind: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

/**
 * Art. 15 GDPR: the access report for one person from their stored facts and a template. The
 * information part (Art. 15(1)(a)–(h), (2)) is derived from the purposes of their records: what is
 * processed why, on which basis, for whom, where to outside the EEA, for how long (`storagePeriodOf`),
 * from which source (`collectedFromDataSubject`), with profiling or not, and which rights apply
 * (`applicableRights`). The copy (Art. 15(3)) is all stored data, except activities and documents of
 * the kinds the template marks internal (Art. 15(4): trade secrets, third parties' data), which are
 * counted in `withheld` for the report to say so. Sections Art. 15(1) requires are always in, whatever
 * the template says (`checkReportTemplate` refuses such templates before they are saved).
 */
export function buildAccessReport(
  facts: AccessReportFacts,
  input: {
    template: ReportTemplateSettings;
    language: Language;
    controller: ReportController;
    generatedAt: Date;
  },
): AccessReport {
  const { template, language } = input;
  const sections = reportSections.filter(
    (s) => template.sections.includes(s) || requiredReportSections.includes(s),
  );
  const records = facts.records;
  const purposes: ReportPurpose[] = records.map((r) => ({
    key: r.purposeKey,
    name: r.purposeName,
    description: r.purposeDescription,
    legalBasis: r.legalBasis,
    state: r.state,
    dataCategories: r.dataCategories,
    recipients: r.recipients,
    transfers: r.transfers,
    storage: storagePeriodOf(r, { manualUntil: facts.person.retentionManualUntil }),
    otherSource: collectedFromDataSubject(r.source) ? null : r.source,
    profiling: r.profiling,
  }));
  const internalActivity = new Set<string>(template.internalActivityKinds);
  const internalDocument = new Set<string>(template.internalDocumentKinds);
  const withheldActivities = facts.activities.filter((a) => internalActivity.has(a.kind));
  const withheldDocuments = facts.documents.filter((d) => internalDocument.has(d.kind));
  return {
    language,
    generatedAt: input.generatedAt,
    erased: facts.person.erasedLevel >= 3,
    sections,
    intro: template.intro[language] ?? "",
    outro: template.outro[language] ?? "",
    letterhead: template.letterhead,
    controller: input.controller,
    subject: { name: [facts.person.firstName, facts.person.lastName].filter(Boolean).join(" ") },
    purposes,
    dataCategories: unique(records.flatMap((r) => r.dataCategories)).sort(),
    recipients: unique(records.flatMap((r) => r.recipients)).sort(),
    transfers: records.flatMap((r) => r.transfers.map((t) => ({ ...t, purposeName: r.purposeName }))),
    rights: applicableRights(records),
    otherSources: unique(purposes.flatMap((p) => (p.otherSource ? [p.otherSource] : []))),
    profilingPurposes: purposes.filter((p) => p.profiling).map((p) => p.name),
    copy: {
      person: facts.person,
      emails: facts.emails,
      phones: facts.phones,
      addresses: facts.addresses,
      bankAccounts: facts.bankAccounts,
      relationships: facts.relationships,
      records,
      consentReceipts: facts.consentReceipts,
      auditHistory: facts.auditHistory,
      micrositeVisits: facts.micrositeVisits,
      activities: facts.activities.filter((a) => !internalActivity.has(a.kind)),
      documents: facts.documents.filter((d) => !internalDocument.has(d.kind)),
    },
    withheld: { activities: countBy(withheldActivities), documents: countBy(withheldDocuments) },
    attachDocuments: template.attachDocuments,
  };
}
