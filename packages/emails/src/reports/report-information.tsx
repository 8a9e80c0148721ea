import { dataSubjectRightArticle, legalBasisArticle, transferSafeguardArticle } from "@purposeful/domain";
import { View } from "@react-pdf/renderer";
import { reportCalendarDay, reportCountry } from "./report-format.ts";
import { Bullets, Field, None, type SectionProps, styles, Table, Text } from "./report-pdf-parts.tsx";
import { storagePeriodInWords } from "./report-texts.ts";

/**
 * The information part of the report (Art. 15(1)(a)–(h), 15(2) GDPR), one component per section.
 * Each renders its body; the document adds the heading with the article.
 */

const lines = (text: string) =>
  text
    .split(/\s*\n\s*/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(", ");

export function ControllerSection({ report, t }: SectionProps) {
  const c = report.controller;
  return (
    <>
      <Text style={styles.subheading}>{t.controller.controller}</Text>
      <Text>{c.name}</Text>
      {c.address ? <Text>{lines(c.address)}</Text> : null}
      <Field label={t.controller.email} value={c.email} />
      <Field label={t.controller.phone} value={c.phone} />
      {c.dpoName || c.dpoEmail || c.dpoAddress ? (
        <View wrap={false}>
          <Text style={styles.subheading}>{t.controller.dpo}</Text>
          {c.dpoName ? <Text>{c.dpoName}</Text> : null}
          {c.dpoAddress ? <Text>{lines(c.dpoAddress)}</Text> : null}
          <Field label={t.controller.email} value={c.dpoEmail} />
        </View>
      ) : null}
      <View wrap={false}>
        <Text style={styles.subheading}>{t.controller.authority}</Text>
        <Text>{c.authorityName}</Text>
        {c.authorityAddress ? <Text>{lines(c.authorityAddress)}</Text> : null}
        {c.authorityUrl ? <Text>{c.authorityUrl}</Text> : null}
      </View>
    </>
  );
}

export function PurposesSection({ report, t, language }: SectionProps) {
  if (report.purposes.length === 0) return <None t={t} />;
  const day = (d: string) => reportCalendarDay(d, language);
  return (
    <Table
      widths={["40%", "22%", "22%", "16%"]}
      head={[t.purposes.purpose, t.purposes.legalBasis, t.purposes.storage, t.purposes.source]}
      rows={report.purposes.map((p) => [
        <View key="purpose">
          <Text style={styles.bold}>{p.name}</Text>
          <Text>{p.description}</Text>
        </View>,
        <View key="basis">
          <Text>{t.legalBases[p.legalBasis]}</Text>
          <Text style={styles.small}>{t.article(legalBasisArticle[p.legalBasis])}</Text>
          <Text style={styles.small}>
            {t.purposes.state}: {t.recordStates[p.state]}
          </Text>
        </View>,
        <Text key="storage">{storagePeriodInWords(p.storage, language, day)}</Text>,
        <Text key="source">{p.otherSource ? t.recordSources[p.otherSource] : t.purposes.fromYou}</Text>,
      ])}
    />
  );
}

export function DataCategoriesSection({ report, t }: SectionProps) {
  if (report.dataCategories.length === 0) return <None t={t} />;
  return (
    <>
      <Text style={styles.paragraph}>{t.dataCategoriesIntro}</Text>
      <Bullets items={report.dataCategories} />
    </>
  );
}

export function RecipientsSection({ report, t }: SectionProps) {
  if (report.recipients.length === 0) return <None t={t} text={t.noRecipients} />;
  return (
    <>
      <Text style={styles.paragraph}>{t.recipientsIntro}</Text>
      <Bullets items={report.recipients} />
    </>
  );
}

export function TransfersSection({ report, t, language }: SectionProps) {
  if (report.transfers.length === 0) return <None t={t} text={t.transfers.none} />;
  return (
    <>
      <Text style={styles.paragraph}>{t.transfers.intro}</Text>
      <Table
        widths={["18%", "26%", "22%", "34%"]}
        head={[t.transfers.country, t.transfers.recipient, t.transfers.purpose, t.transfers.safeguard]}
        rows={report.transfers.map((transfer) => [
          <Text key="country">{reportCountry(transfer.country, language)}</Text>,
          <Text key="recipient">{transfer.recipient}</Text>,
          <Text key="purpose">{transfer.purposeName}</Text>,
          <View key="safeguard">
            <Text>{t.safeguards[transfer.safeguard]}</Text>
            <Text style={styles.small}>{t.article(transferSafeguardArticle[transfer.safeguard])}</Text>
          </View>,
        ])}
      />
    </>
  );
}

export function StorageSection({ report, t, language }: SectionProps) {
  if (report.purposes.length === 0) return <None t={t} />;
  const day = (d: string) => reportCalendarDay(d, language);
  return (
    <>
      <Text style={styles.paragraph}>{t.storageIntro}</Text>
      <Bullets
        items={report.purposes.map((p) => `${p.name}: ${storagePeriodInWords(p.storage, language, day)}`)}
      />
    </>
  );
}

export function RightsSection({ report, t }: SectionProps) {
  return (
    <>
      <Text style={styles.paragraph}>{t.rightsIntro}</Text>
      {report.rights.map((right) => (
        <View key={right} style={{ marginBottom: 4 }} wrap={false}>
          <Text style={styles.bold}>
            {t.rights[right].title}{" "}
            <Text style={styles.article}>{t.article(dataSubjectRightArticle[right])}</Text>
          </Text>
          <Text>{t.rights[right].explain(report.controller)}</Text>
        </View>
      ))}
    </>
  );
}

export function DataSourceSection({ report, t }: SectionProps) {
  return (
    <Text style={styles.paragraph}>
      {report.otherSources.length === 0
        ? t.allFromYou
        : t.otherSources(report.otherSources.map((source) => t.recordSources[source]))}
    </Text>
  );
}

export function AutomatedDecisionsSection({ report, t }: SectionProps) {
  return (
    <Text style={styles.paragraph}>
      {report.profilingPurposes.length === 0 ? t.noProfiling : t.profiling(report.profilingPurposes)}
    </Text>
  );
}
