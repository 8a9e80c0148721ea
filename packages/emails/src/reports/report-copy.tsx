import { isLanguage, legalBasisArticle, type ReportSection } from "@purposeful/domain";
import { View } from "@react-pdf/renderer";
import {
  auditValuesInWords,
  reportCalendarDay,
  reportDay,
  reportFileSize,
  reportIban,
  reportMoment,
} from "./report-format.ts";
import { type ListEntry, LongList, LongTable, longListFrom } from "./report-long-list.tsx";
import { Bullets, Field, None, type SectionProps, styles, Table, Text } from "./report-pdf-parts.tsx";
import { auditActionInWords } from "./report-texts.ts";

/**
 * The copy of the data (Art. 15(3) GDPR), one component per section. Activities, documents and the
 * audit history of 150 or more items are painted page by page with pdfkit (report-long-list.tsx:
 * a customer of many years has thousands). Shorter lists are one short Text per item, returned as a
 * fragment so that each
 * item is a direct child of the page: react-pdf's page layout (react-pdf 4.9) keeps yoga's float32
 * positions, and inside one container taller than about 30,000 pt their rounding makes it take the
 * container for an unbreakable block, printing it on one clipped page. An item too long for a page
 * breaks inside its text. No `minPresenceAhead` on items: each opens a window in which no page may
 * end, and a list of them ended every page after two items.
 */

const joined = (parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(" · ");

/** A stored calendar day, or the stored text if it is not one (the copy shows what is stored). */
function day(value: string, language: SectionProps["language"]): string {
  try {
    return reportCalendarDay(value, language);
  } catch {
    return value;
  }
}

export function MasterDataSection({ report, t, language }: SectionProps) {
  const p = report.copy.person;
  const m = t.masterData;
  return (
    <>
      <Field label={m.salutation} value={p.salutation} />
      <Field label={m.title} value={p.title} />
      <Field label={m.firstName} value={p.firstName} />
      <Field label={m.lastName} value={p.lastName} />
      <Field label={m.birthday} value={p.birthday && day(p.birthday, language)} />
      <Field label={m.jobTitle} value={p.jobTitle} />
      <Field label={m.organizationName} value={p.organizationName} />
      <Field
        label={m.preferredLanguage}
        value={isLanguage(p.preferredLanguage) ? t.languages[p.preferredLanguage] : p.preferredLanguage}
      />
      <Field label={m.createdAt} value={reportDay(p.createdAt, language)} />
      <Field label={m.restricted} value={p.restricted ? t.yes : null} />
      <Field
        label={m.retentionManualUntil}
        value={p.retentionManualUntil && day(p.retentionManualUntil, language)}
      />
      <Field
        label={m.dmObjectionChannels}
        value={p.dmObjectionChannels.map((c) => t.channels[c]).join(", ")}
      />
      <Field label={m.mailBlocks} value={p.mailBlocks.map((c) => t.channels[c]).join(", ")} />
    </>
  );
}

export function CommunicationSection({ report, t }: SectionProps) {
  const { emails, phones, addresses } = report.copy;
  const c = t.communication;
  const kind = (k: string, primary: boolean) =>
    `(${[t.contactKinds[k] ?? k, primary ? c.primary : null].filter(Boolean).join(", ")})`;
  if (emails.length + phones.length + addresses.length === 0) return <None t={t} />;
  return (
    <>
      {emails.length > 0 ? <Text style={styles.subheading}>{c.emails}</Text> : null}
      <Bullets items={emails.map((e) => `${e.address} ${kind(e.kind, e.isPrimary)}`)} />
      {phones.length > 0 ? <Text style={styles.subheading}>{c.phones}</Text> : null}
      <Bullets items={phones.map((p) => `${p.number} ${kind(p.kind, p.isPrimary)}`)} />
      {addresses.length > 0 ? <Text style={styles.subheading}>{c.addresses}</Text> : null}
      <Bullets
        items={addresses.map(
          (a) => `${a.street}, ${a.postalCode} ${a.city}, ${a.country} ${kind(a.kind, a.isPrimary)}`,
        )}
      />
    </>
  );
}

export function BankAccountsSection({ report, t }: SectionProps) {
  if (report.copy.bankAccounts.length === 0) return <None t={t} />;
  return (
    <>
      {report.copy.bankAccounts.map((account, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: stored order, never reordered
        <View key={index} style={styles.entry} wrap={false}>
          <Field label={t.bank.iban} value={reportIban(account.iban)} />
          <Field label={t.bank.bic} value={account.bic} />
          <Field label={t.bank.holder} value={account.accountHolder} />
          <Field label={t.bank.mandate} value={account.mandateReference} />
        </View>
      ))}
    </>
  );
}

const minutes = (seconds: number) => String(Math.max(1, Math.round(seconds / 60)));

/** An activity as the copy prints it: when, what kind, which way, how long; subject; text. */
function activityEntry(
  a: SectionProps["report"]["copy"]["activities"][number],
  { t, language }: SectionProps,
) {
  return {
    head: joined([
      reportMoment(a.occurredAt, language),
      t.activityKinds[a.kind],
      a.direction && t.directions[a.direction],
      a.durationSeconds !== null && t.activities.duration(minutes(a.durationSeconds)),
    ]),
    title: a.subject,
    body: a.body ?? "",
  };
}

export function ActivitiesSection(props: SectionProps) {
  const { report, t } = props;
  if (report.copy.activities.length === 0) return <None t={t} />;
  const entries = report.copy.activities.map((a) => activityEntry(a, props));
  return <Entries entries={entries} />;
}

/** Entries one Text each (it breaks across pages itself when its body is long), or a long list. */
function Entries({ entries }: { entries: ListEntry[] }) {
  if (entries.length >= longListFrom) return <LongList entries={entries} />;
  return (
    <>
      {entries.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: stored order, never reordered
        <Text key={index} style={styles.entry}>
          <Text style={styles.entryHead}>{entry.head}</Text>
          {"\n"}
          <Text style={styles.bold}>{entry.title}</Text>
          {entry.body ? `\n${entry.body}` : ""}
        </Text>
      ))}
    </>
  );
}

/** Whether a section of the copy is printed as a long list, which starts on a page of its own. */
export function isLongList(report: SectionProps["report"], section: ReportSection): boolean {
  const counts: Partial<Record<ReportSection, number>> = {
    activities: report.copy.activities.length,
    documents: report.copy.documents.length,
    audit_history: report.copy.auditHistory.length,
  };
  const count = counts[section] ?? 0;
  return count >= longListFrom;
}

const documentColumns = [0.46, 0.18, 0.14, 0.22];

export function DocumentsSection({ report, t, language }: SectionProps) {
  const documents = report.copy.documents;
  if (documents.length === 0) return <None t={t} />;
  const head = [t.documents.name, t.documents.kind, t.documents.size, t.documents.date];
  const rows = documents.map((d) => [
    d.fileName,
    t.documentKinds[d.kind],
    reportFileSize(d.sizeBytes, language),
    reportDay(d.createdAt, language),
  ]);
  return (
    <>
      {rows.length >= longListFrom ? (
        <LongTable table={{ widths: documentColumns, head, rows }} />
      ) : (
        <Table
          widths={documentColumns.map((w) => `${w * 100}%`)}
          head={head}
          rows={rows.map((cells) => cells.map((cell, i) => <Text key={head[i]}>{cell}</Text>))}
        />
      )}
      <Text style={[styles.paragraph, { marginTop: 4 }]}>
        {report.attachDocuments ? t.documents.attached : t.documents.notAttached}
      </Text>
    </>
  );
}

export function RelationshipsSection({ report, t }: SectionProps) {
  if (report.copy.relationships.length === 0) return <None t={t} />;
  return (
    <Bullets
      items={report.copy.relationships.map((r) =>
        joined([
          r.role,
          r.organizationName && t.relationships.with(r.organizationName),
          r.withPerson && t.relationships.withPerson,
          r.note,
        ]),
      )}
    />
  );
}

export function RecordsSection({ report, t, language }: SectionProps) {
  if (report.copy.records.length === 0) return <None t={t} />;
  const r = t.records;
  return (
    <>
      {report.copy.records.map((record, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: stored order, never reordered
        <View key={index} style={styles.entry}>
          <Text style={styles.bold} minPresenceAhead={15}>
            {record.purposeName}
            {record.purposeVersion !== null ? (
              <Text style={styles.article}> ({r.version(record.purposeVersion)})</Text>
            ) : null}
          </Text>
          <Text>
            {joined([
              `${t.legalBases[record.legalBasis]} (${t.article(legalBasisArticle[record.legalBasis])})`,
              t.recordStates[record.state],
              t.recordSources[record.source],
              `${r.created} ${reportDay(record.createdAt, language)}`,
              record.confirmedAt && `${r.confirmed} ${reportDay(record.confirmedAt, language)}`,
            ])}
          </Text>
          <Field label={r.channels} value={record.channels.map((c) => t.channels[c]).join(", ")} />
          <Field label={r.subjectCategories} value={record.dataSubjectCategories.join(", ")} />
          <Field
            label={r.history}
            value={record.history
              .map((h) => `${reportMoment(h.at, language)}: ${auditActionInWords(h.action, language)}`)
              .join("\n")}
          />
          <Field
            label={r.evidence}
            value={
              record.evidence.length === 0
                ? r.noEvidence
                : record.evidence
                    .map((e) =>
                      joined([reportDay(e.createdAt, language), t.evidenceKinds[e.kind], e.description]),
                    )
                    .join("\n")
            }
          />
        </View>
      ))}
    </>
  );
}

export function ConsentReceiptsSection({ report, t, language }: SectionProps) {
  if (report.copy.consentReceipts.length === 0) return <None t={t} />;
  return (
    <Bullets
      items={report.copy.consentReceipts.map((receipt) =>
        joined([reportMoment(receipt.sentAt, language), receipt.subject, `${t.receipts.to} ${receipt.to}`]),
      )}
    />
  );
}

export function AuditHistorySection({ report, t, language }: SectionProps) {
  if (report.copy.auditHistory.length === 0) return <None t={t} />;
  const entries = report.copy.auditHistory.map((event) => ({
    head: joined([reportMoment(event.at, language), `${t.audit.by} ${t.actorTypes[event.actor]}`]),
    title: auditActionInWords(event.action, language),
    body: auditValuesInWords(event.values) ?? "",
  }));
  return <Entries entries={entries} />;
}

export function MicrositeVisitsSection({ report, t, language }: SectionProps) {
  if (report.copy.micrositeVisits.length === 0) return <None t={t} />;
  return (
    <Bullets
      items={report.copy.micrositeVisits.map((visit) =>
        joined([reportMoment(visit.at, language), visit.via && `${t.visits.via} ${visit.via}`]),
      )}
    />
  );
}
