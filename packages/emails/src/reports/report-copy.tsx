import { isLanguage, legalBasisArticle } from "@purposeful/domain";
import { View } from "@react-pdf/renderer";
import {
  auditValuesInWords,
  reportCalendarDay,
  reportDay,
  reportFileSize,
  reportIban,
  reportMoment,
} from "./report-format.ts";
import { Bullets, Field, None, type SectionProps, styles, Table, Text } from "./report-pdf-parts.tsx";

/**
 * The copy of the data (Art. 15(3) GDPR), one component per section. Long lists (a customer of many
 * years has thousands of activities) are one short Text per item, returned as a fragment so that each
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

export function ActivitiesSection({ report, t, language }: SectionProps) {
  if (report.copy.activities.length === 0) return <None t={t} />;
  return (
    <>
      {report.copy.activities.map((a, index) => (
        // One Text per activity: it breaks across pages itself when its body is long.
        // biome-ignore lint/suspicious/noArrayIndexKey: stored order, never reordered
        <Text key={index} style={styles.entry}>
          <Text style={styles.entryHead}>
            {joined([
              reportMoment(a.occurredAt, language),
              t.activityKinds[a.kind],
              a.direction && t.directions[a.direction],
              a.durationSeconds !== null && t.activities.duration(minutes(a.durationSeconds)),
            ])}
          </Text>
          {"  "}
          <Text style={styles.bold}>{a.subject}</Text>
          {a.body ? `\n${a.body}` : ""}
        </Text>
      ))}
    </>
  );
}

export function DocumentsSection({ report, t, language }: SectionProps) {
  const documents = report.copy.documents;
  if (documents.length === 0) return <None t={t} />;
  return (
    <>
      <Table
        widths={["46%", "18%", "14%", "22%"]}
        head={[t.documents.name, t.documents.kind, t.documents.size, t.documents.date]}
        rows={documents.map((d) => [
          <Text key="name">{d.fileName}</Text>,
          <Text key="kind">{t.documentKinds[d.kind]}</Text>,
          <Text key="size">{reportFileSize(d.sizeBytes, language)}</Text>,
          <Text key="date">{reportDay(d.createdAt, language)}</Text>,
        ])}
      />
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
            value={record.history.map((h) => `${reportMoment(h.at, language)}: ${h.action}`).join("\n")}
          />
          <Field
            label={r.evidence}
            value={
              record.evidence.length === 0
                ? r.noEvidence
                : record.evidence
                    .map((e) => joined([reportDay(e.createdAt, language), e.kind, e.description]))
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
  return (
    <>
      {report.copy.auditHistory.map((event, index) => {
        const values = auditValuesInWords(event.values);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: stored order, never reordered
          <Text key={index} style={styles.entry}>
            <Text style={styles.entryHead}>
              {joined([reportMoment(event.at, language), `${t.audit.by} ${t.actorTypes[event.actor]}`])}
            </Text>
            {"\n"}
            <Text style={styles.bold}>{event.action}</Text>
            {values ? `\n${values}` : ""}
          </Text>
        );
      })}
    </>
  );
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
