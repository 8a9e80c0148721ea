import {
  type AccessReport,
  type ReportSection,
  reportSectionArticle,
  requiredReportSections,
} from "@purposeful/domain";
import { Document, Page, renderToBuffer, View } from "@react-pdf/renderer";
import { type ComponentType, Fragment } from "react";
import {
  ActivitiesSection,
  AuditHistorySection,
  BankAccountsSection,
  CommunicationSection,
  ConsentReceiptsSection,
  DocumentsSection,
  isLongList,
  MasterDataSection,
  MicrositeVisitsSection,
  RecordsSection,
  RelationshipsSection,
} from "./report-copy.tsx";
import { PageFooter } from "./report-footer.tsx";
import { reportDay } from "./report-format.ts";
import {
  AutomatedDecisionsSection,
  ControllerSection,
  DataCategoriesSection,
  DataSourceSection,
  PurposesSection,
  RecipientsSection,
  RightsSection,
  StorageSection,
  TransfersSection,
} from "./report-information.tsx";
import { Paragraphs, SectionHeading, type SectionProps, styles, Text, textsOf } from "./report-pdf-parts.tsx";
import type { AccessReportTexts } from "./report-texts.ts";

const sectionBodies: Record<ReportSection, ComponentType<SectionProps>> = {
  controller: ControllerSection,
  purposes: PurposesSection,
  data_categories: DataCategoriesSection,
  recipients: RecipientsSection,
  third_country_transfers: TransfersSection,
  storage_period: StorageSection,
  rights: RightsSection,
  data_source: DataSourceSection,
  automated_decisions: AutomatedDecisionsSection,
  master_data: MasterDataSection,
  communication_data: CommunicationSection,
  bank_accounts: BankAccountsSection,
  activities: ActivitiesSection,
  documents: DocumentsSection,
  relationships: RelationshipsSection,
  processing_records: RecordsSection,
  consent_receipts: ConsentReceiptsSection,
  audit_history: AuditHistorySection,
  microsite_visits: MicrositeVisitsSection,
};

/** The sections of the copy (Art. 15(3)); the ones before `master_data` are the information. */
const copySections = new Set<ReportSection>([
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
]);

/** What an erased person's report still has to show: the items a retention duty holds. */
function keptAfterErasure(report: AccessReport, t: AccessReportTexts): string[] {
  const { documents, bankAccounts, records, auditHistory } = report.copy;
  const evidence = records.reduce((n, r) => n + r.evidence.length, 0);
  return [
    documents.length > 0 && t.erasedKept.documents(documents.length),
    bankAccounts.length > 0 && t.erasedKept.bankAccounts(bankAccounts.length),
    evidence > 0 && t.erasedKept.evidence(evidence),
    auditHistory.length > 0 && t.erasedKept.auditEntries(auditHistory.length),
  ].filter((item): item is string => typeof item === "string");
}

function isEmptyCopy(report: AccessReport, section: ReportSection): boolean {
  const c = report.copy;
  const empty: Partial<Record<ReportSection, boolean>> = {
    master_data: true,
    communication_data: c.emails.length + c.phones.length + c.addresses.length === 0,
    bank_accounts: c.bankAccounts.length === 0,
    activities: c.activities.length === 0,
    documents: c.documents.length === 0,
    relationships: c.relationships.length === 0,
    processing_records: c.records.length === 0,
    consent_receipts: c.consentReceipts.length === 0,
    audit_history: c.auditHistory.length === 0,
    microsite_visits: c.micrositeVisits.length === 0,
  };
  return empty[section] ?? false;
}

/**
 * An erased person's report shows the information Art. 15(1) requires and, of the copy, only the
 * sections that still hold something; their master data is anonymized and not theirs any more.
 */
function shownSections(report: AccessReport): ReportSection[] {
  if (!report.erased) return report.sections;
  return report.sections.filter(
    (s) => requiredReportSections.includes(s) || !copySections.has(s) || !isEmptyCopy(report, s),
  );
}

function Letterhead({ report }: { report: AccessReport }) {
  const custom = report.letterhead.trim();
  const c = report.controller;
  const lines = (custom || c.address)
    .split(/\s*\n\s*/)
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    <View style={styles.letterhead}>
      {custom ? null : <Text style={styles.letterheadName}>{c.name}</Text>}
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: letterhead lines may repeat
        <Text key={index} style={index === 0 && custom ? styles.letterheadName : styles.letterheadLine}>
          {line}
        </Text>
      ))}
      {custom || !c.email ? null : <Text style={styles.letterheadLine}>{c.email}</Text>}
    </View>
  );
}

function AccessReportPage({ report }: { report: AccessReport }) {
  const props = textsOf(report);
  const { t, language } = props;
  const sections = shownSections(report);
  const firstCopy = sections.find((s) => copySections.has(s));
  const date = reportDay(report.generatedAt, language);
  const subject = report.subject.name || (report.erased ? t.erasedSubject : "—");
  const withheld = [
    ...report.withheld.activities.map((w) => t.withheld(w.count, t.withheldActivities[w.kind])),
    ...report.withheld.documents.map((w) => t.withheld(w.count, t.withheldDocuments[w.kind])),
  ];
  return (
    <Page
      size="A4"
      style={styles.page}
      // The page layout puts the footer under the flow of every page; it is react-pdf's new pagination
      // engine, which measures the content once: the old one lays the rest out again at every page
      // break, so 10,000 activities took minutes instead of seconds.
      layout={({ children, pageNumber, totalPages }) => (
        <>
          <View style={styles.flow}>{children}</View>
          <PageFooter
            left={`${report.controller.name} · ${t.documentTitle} · ${subject} · ${date}`}
            right={t.page(pageNumber ?? 1, totalPages ?? pageNumber ?? 1)}
          />
        </>
      )}
    >
      <Letterhead report={report} />
      <Text style={styles.title}>
        {t.documentTitle} <Text style={styles.titleArticle}>{t.titleArticle}</Text>
      </Text>
      <View style={styles.meta}>
        <View style={styles.metaItem}>
          <Text style={styles.label}>{t.subjectLabel}</Text>
          <Text style={styles.bold}>{subject}</Text>
        </View>
        <View style={styles.metaItem}>
          <Text style={styles.label}>{t.dateLabel}</Text>
          <Text>{date}</Text>
        </View>
      </View>
      <Paragraphs text={report.intro || t.defaultIntro} />
      {report.erased ? <Text style={styles.notice}>{t.erased(keptAfterErasure(report, t))}</Text> : null}
      <Text style={styles.small}>{t.timeZoneNote}</Text>
      <Text style={styles.part} minPresenceAhead={40}>
        {t.informationPart} <Text style={styles.article}>{t.informationArticle}</Text>
      </Text>
      {sections.map((section) => {
        const Body = sectionBodies[section];
        // A fragment, not a View: long sections must stay direct children of the page (report-copy.tsx).
        return (
          <Fragment key={section}>
            {section === firstCopy ? (
              <Text style={styles.part} minPresenceAhead={40}>
                {t.copyPart} <Text style={styles.article}>{t.copyArticle}</Text>
              </Text>
            ) : null}
            <SectionHeading
              title={t.sections[section]}
              article={t.article(reportSectionArticle[section])}
              break={isLongList(report, section)}
            />
            <Body {...props} />
          </Fragment>
        );
      })}
      {withheld.length > 0 ? (
        <View style={{ marginTop: 10 }} wrap={false}>
          {withheld.map((line) => (
            <Text key={line} style={styles.paragraph}>
              {line}
            </Text>
          ))}
        </View>
      ) : null}
      <View style={{ marginTop: 8 }}>
        <Paragraphs text={report.outro || t.defaultOutro(report.controller)} />
      </View>
    </Page>
  );
}

/** The report as one PDF; loaded on first use, so importing the package does not load react-pdf. */
export function renderAccessReportDocument(report: AccessReport): Promise<Buffer> {
  const t = textsOf(report).t;
  return renderToBuffer(
    <Document
      title={`${t.documentTitle} – ${report.subject.name}`}
      author={report.controller.name}
      language={report.language}
      creationDate={report.generatedAt}
    >
      <AccessReportPage report={report} />
    </Document>,
  );
}
