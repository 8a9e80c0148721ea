import { DomainError } from "../errors.ts";

/**
 * The sections of an access report (Art. 15 GDPR), in the order the report shows them, each with the
 * paragraph it answers. The first part is the information of Art. 15(1)(a)–(h) and (2), the second
 * the copy of the data (Art. 15(3)).
 */
export const reportSections = [
  "controller",
  "purposes",
  "data_categories",
  "recipients",
  "third_country_transfers",
  "storage_period",
  "rights",
  "data_source",
  "automated_decisions",
  "master_data",
  "communication_data",
  "bank_accounts",
  "activities",
  "documents",
  "relationships",
  "processing_records",
  "consent_receipts",
  "audit_history",
  "microsite_visits",
] as const;
export type ReportSection = (typeof reportSections)[number];

export function isReportSection(value: string): value is ReportSection {
  return (reportSections as readonly string[]).includes(value);
}

export const reportSectionArticle: Record<ReportSection, string> = {
  controller: "Art. 13(1)(a),(b), 15(1)",
  purposes: "Art. 15(1)(a)",
  data_categories: "Art. 15(1)(b)",
  recipients: "Art. 15(1)(c)",
  third_country_transfers: "Art. 15(1)(c), 15(2), 46",
  storage_period: "Art. 15(1)(d)",
  rights: "Art. 15(1)(e),(f)",
  data_source: "Art. 15(1)(g)",
  automated_decisions: "Art. 15(1)(h), 22",
  master_data: "Art. 15(3)",
  communication_data: "Art. 15(3)",
  bank_accounts: "Art. 15(3)",
  activities: "Art. 15(3)",
  documents: "Art. 15(3)",
  relationships: "Art. 15(3)",
  processing_records: "Art. 15(3), 7(1)",
  consent_receipts: "Art. 15(3), 7(1)",
  audit_history: "Art. 15(3)",
  microsite_visits: "Art. 15(3)",
};

/**
 * Sections no template may hide. Art. 15(1) makes the information part of every answer: the
 * purposes (a), the recipients (c), the storage period (d) and the rights (e), (f) are the least a
 * report must say; the controller identifies who answers (Art. 12(1)). Art. 15(4) allows leaving out
 * third parties' data and trade secrets, which the template does with the internal kinds, not by
 * dropping what the law lists.
 */
export const requiredReportSections: readonly ReportSection[] = [
  "controller",
  "purposes",
  "recipients",
  "storage_period",
  "rights",
];

/** Art. 15(4): what a template may mark as internal and leave out, with a line saying so. */
export const activityKinds = ["call", "meeting", "email", "note", "task"] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const documentKinds = ["upload", "email", "signature", "report", "evidence"] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface ReportTemplateRules {
  sections: readonly string[];
  internalActivityKinds: readonly string[];
  internalDocumentKinds: readonly string[];
}

/**
 * Checks a template before it is saved: only known sections and kinds, and every section Art. 15(1)
 * requires is in. Throws DomainError report_template_hides_required_section (with the missing
 * sections in the detail) or report_template_invalid.
 */
export function checkReportTemplate(template: ReportTemplateRules): void {
  const unknown = [
    ...template.sections.filter((s) => !isReportSection(s)),
    ...template.internalActivityKinds.filter((k) => !(activityKinds as readonly string[]).includes(k)),
    ...template.internalDocumentKinds.filter((k) => !(documentKinds as readonly string[]).includes(k)),
  ];
  if (unknown.length > 0) throw new DomainError("validation", "report_template_invalid", unknown.join(", "));
  const missing = requiredReportSections.filter((s) => !template.sections.includes(s));
  if (missing.length > 0)
    throw new DomainError("validation", "report_template_hides_required_section", missing.join(", "));
}

/** The template the product ships with: every section, notes and tasks internal (Art. 15(4)). */
export const defaultReportTemplate = {
  sections: [...reportSections] as ReportSection[],
  internalActivityKinds: ["note", "task"] as ActivityKind[],
  internalDocumentKinds: [] as DocumentKind[],
  attachDocuments: false,
};
