import type { IncidentAuthorityReport } from "@purposeful/db";
import type { Language } from "@purposeful/domain";
import { Document, Page, renderToBuffer, View } from "@react-pdf/renderer";
import { PageFooter } from "../reports/report-footer.tsx";
import { reportMoment } from "../reports/report-format.ts";
import { Bullets, Field, Paragraphs, SectionHeading, styles, Text } from "../reports/report-pdf-parts.tsx";
import {
  type AuthorityNotificationTexts,
  authorityNotificationTexts,
} from "./authority-notification-texts.ts";

interface Props {
  report: IncidentAuthorityReport;
  t: AuthorityNotificationTexts;
  language: Language;
}

const moment = (at: Date | null, language: Language) => (at ? reportMoment(at, language) : null);

/** Art. 33(3)(b): who the controller is, and whom the authority asks for more. */
function ControllerSection({ report, t }: Props) {
  const { controller, dpo } = report;
  return (
    <>
      <SectionHeading title={t.controller} article={t.article("33(3)(b)")} />
      <Field label={t.name} value={controller.name} />
      <Field label={t.address} value={controller.address} />
      <Field label={t.email} value={controller.email} />
      <Field label={t.phone} value={controller.phone} />
      <Text style={styles.subheading}>{t.dpo}</Text>
      <Field label={t.name} value={dpo.name} />
      <Field label={t.email} value={dpo.email} />
      <Field label={t.phone} value={dpo.phone} />
      <Field label={t.address} value={dpo.address} />
      <Field label={t.contactPoint} value={report.contactPoint} />
    </>
  );
}

/** Art. 33(3)(a): what happened, to which data of about how many people and records. */
function NatureSection({ report, t }: Props) {
  const count = (n: number | null) => (n === null ? t.unknown : t.approx(n));
  const subjects =
    report.linkedPersons > 0
      ? `${count(report.subjectsApprox)} (${t.linked(report.linkedPersons)})`
      : count(report.subjectsApprox);
  return (
    <>
      <SectionHeading title={t.nature} article={t.article("33(3)(a)")} />
      <Field label={t.title} value={report.title} />
      <Text style={styles.subheading}>{t.description}</Text>
      <Paragraphs text={report.nature || t.notStated} />
      <Text style={styles.subheading}>{t.categories}</Text>
      {report.dataCategories.length > 0 ? (
        <Bullets items={report.dataCategories} />
      ) : (
        <Text style={styles.paragraph}>{t.unknown}</Text>
      )}
      <Field label={t.subjects} value={subjects} />
      <Field label={t.records} value={count(report.recordsApprox)} />
    </>
  );
}

function TimingSection({ report, t, language }: Props) {
  return (
    <>
      <SectionHeading title={t.timing} article={t.article("33(1)")} />
      <Field label={t.occurredAt} value={moment(report.occurredAt, language) ?? t.unknown} />
      <Field label={t.awareAt} value={moment(report.awareAt, language)} />
      <Field label={t.discoveredBy} value={report.discoveredBy} />
      <Field label={t.deadline} value={moment(report.deadline, language)} />
      <Field label={t.notifiedAt} value={moment(report.authorityNotifiedAt, language)} />
    </>
  );
}

/** Art. 33(3)(c), (d) and the assessment behind them (Art. 33(1), 34(1)). */
function AssessmentSections({ report, t, language }: Props) {
  return (
    <>
      <SectionHeading title={t.consequences} article={t.article("33(3)(c)")} />
      <Paragraphs text={report.consequences || t.notStated} />
      <SectionHeading title={t.measures} article={t.article("33(3)(d)")} />
      <Text style={[styles.small, styles.paragraph]}>{t.measuresNote}</Text>
      <Paragraphs text={report.measures || t.notStated} />
      <SectionHeading title={t.risk} article={t.article("33(1), 34(1)")} />
      <Field label={t.riskLevel} value={report.risk ? t.riskLevels[report.risk] : t.notAssessed} />
      <Field label={t.riskReasons} value={report.riskReasons} />
      <Field label={t.assessedAt} value={moment(report.riskAssessedAt, language)} />
      <Field label={t.subjectsNotifiedAt} value={moment(report.subjectsNotifiedAt, language)} />
      <Field label={t.notificationException} value={report.notificationException} />
    </>
  );
}

function NotificationPage(props: Props) {
  const { report, t, language } = props;
  const date = reportMoment(report.generatedAt, language);
  const authority = [report.authority.name, report.authority.address].filter((line) => line.trim());
  return (
    <Page
      size="A4"
      style={styles.page}
      layout={({ children, pageNumber, totalPages }) => (
        <>
          <View style={styles.flow}>{children}</View>
          <PageFooter
            left={`${report.controller.name} · ${t.documentTitle} · ${report.number}`}
            right={t.page(pageNumber ?? 1, totalPages ?? pageNumber ?? 1)}
          />
        </>
      )}
    >
      <Text style={styles.title}>
        {t.documentTitle} <Text style={styles.titleArticle}>{t.titleArticle}</Text>
      </Text>
      <View style={styles.meta}>
        <View style={styles.metaItem}>
          <Text style={styles.label}>{t.numberLabel}</Text>
          <Text style={styles.bold}>{report.number}</Text>
        </View>
        <View style={styles.metaItem}>
          <Text style={styles.label}>{t.dateLabel}</Text>
          <Text>{date}</Text>
        </View>
        {authority.length > 0 ? (
          <View style={styles.metaItem}>
            <Text style={styles.label}>{t.toLabel}</Text>
            {authority.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
          </View>
        ) : null}
      </View>
      <Paragraphs text={t.intro} />
      <ControllerSection {...props} />
      <NatureSection {...props} />
      <TimingSection {...props} />
      <AssessmentSections {...props} />
      {report.late ? (
        <>
          <SectionHeading title={t.delay} article={t.article("33(1)")} />
          <Text style={styles.paragraph}>{t.delayText}</Text>
          {report.delayReason ? (
            <Paragraphs text={report.delayReason} />
          ) : (
            <Text style={styles.notice}>{t.delayMissing}</Text>
          )}
        </>
      ) : null}
      <SectionHeading title={t.phases} article={t.article("33(4)")} />
      <Text style={styles.paragraph}>{t.phasesText}</Text>
    </Page>
  );
}

/** The PDF; loaded on first use, so importing the package does not load react-pdf. */
export async function renderAuthorityNotificationDocument(
  report: IncidentAuthorityReport,
  language: Language,
): Promise<Buffer> {
  const t = authorityNotificationTexts[language];
  return renderToBuffer(
    <Document
      title={`${t.documentTitle} ${report.number}`}
      author={report.controller.name}
      language={language}
      creationDate={report.generatedAt}
    >
      <NotificationPage report={report} t={t} language={language} />
    </Document>,
  );
}
