"use client";

import type { AccessReport } from "@purposeful/domain";
import { reportDay, reportMoment } from "@purposeful/emails/report-format";
import { accessReportTexts, auditActionInWords } from "@purposeful/emails/report-texts";
import { first, keyed, more, ReportPart } from "./report-preview-parts";

/**
 * The copy of the data (Art. 15(3)) in the preview, in the PDF's wording; long lists show their first
 * entries and how many more there are. Then the lines on what Art. 15(4) left out.
 */
export function ReportCopyPreview({ report }: { report: AccessReport }) {
  const t = accessReportTexts[report.language];
  const day = (value: string) => reportDay(new Date(`${value}T12:00:00Z`), report.language);
  const when = (value: Date) => reportMoment(new Date(value), report.language);
  const copy = report.copy;
  return (
    <>
      <h3 className="mb-2 mt-6 text-lg font-semibold">{t.copyPart}</h3>
      <ReportPart report={report} id="master_data">
        <p className="text-sm">
          {[copy.person.salutation, copy.person.title, copy.person.firstName, copy.person.lastName]
            .filter(Boolean)
            .join(" ")}
          {copy.person.birthday && ` · ${t.masterData.birthday}: ${day(copy.person.birthday)}`}
          {copy.person.jobTitle && ` · ${t.masterData.jobTitle}: ${copy.person.jobTitle}`}
          {copy.person.organizationName &&
            ` · ${t.masterData.organizationName}: ${copy.person.organizationName}`}
        </p>
      </ReportPart>
      <ReportPart report={report} id="communication_data">
        <ul className="text-sm">
          {copy.emails.map((e) => (
            <li key={e.address}>{e.address}</li>
          ))}
          {copy.phones.map((p) => (
            <li key={p.number}>{p.number}</li>
          ))}
          {copy.addresses.map((a) => (
            <li key={`${a.street}-${a.city}`}>
              {a.street}, {a.postalCode} {a.city}, {a.country}
            </li>
          ))}
        </ul>
      </ReportPart>
      <ReportPart report={report} id="bank_accounts">
        <ul className="text-sm">
          {copy.bankAccounts.map((b) => (
            <li key={b.iban}>
              {t.bank.iban} {b.iban} · {t.bank.holder}: {b.accountHolder}
            </li>
          ))}
        </ul>
      </ReportPart>
      <ReportPart report={report} id="activities">
        <ul className="text-sm">
          {keyed(first(copy.activities)).map(({ item: a, key }) => (
            <li key={key}>
              {when(a.occurredAt)} · {t.activityKinds[a.kind]} · {a.subject}
              {a.body && <span className="block text-xs text-slate-600">{a.body}</span>}
            </li>
          ))}
        </ul>
        {more(copy.activities)}
      </ReportPart>
      <ReportPart report={report} id="documents">
        <ul className="text-sm">
          {first(copy.documents).map((d) => (
            <li key={d.id}>
              {d.fileName} · {t.documentKinds[d.kind]} · {when(d.createdAt)}
            </li>
          ))}
        </ul>
        {more(copy.documents)}
      </ReportPart>
      <ReportPart report={report} id="relationships">
        <ul className="text-sm">
          {keyed(copy.relationships).map(({ item: r, key }) => (
            <li key={key}>
              {r.role}{" "}
              {r.organizationName ? t.relationships.with(r.organizationName) : t.relationships.withPerson}
            </li>
          ))}
        </ul>
      </ReportPart>
      <ReportPart report={report} id="processing_records">
        <ul className="text-sm">
          {copy.records.map((r) => (
            <li key={`${r.purposeKey}-${String(r.createdAt)}`}>
              {r.purposeName}: {t.legalBases[r.legalBasis]}, {t.recordStates[r.state]} ({r.history.length}{" "}
              {t.records.history}, {r.evidence.length} {t.records.evidence})
            </li>
          ))}
        </ul>
      </ReportPart>
      <ReportPart report={report} id="consent_receipts">
        <ul className="text-sm">
          {keyed(copy.consentReceipts).map(({ item: r, key }) => (
            <li key={key}>
              {when(r.sentAt)} · {r.subject}
            </li>
          ))}
        </ul>
      </ReportPart>
      <ReportPart report={report} id="audit_history">
        <ul className="text-sm">
          {keyed(first(copy.auditHistory)).map(({ item: e, key }) => (
            <li key={key}>
              {when(e.at)} · {auditActionInWords(e.action, report.language)} · {t.actorTypes[e.actor]}
            </li>
          ))}
        </ul>
        {more(copy.auditHistory)}
      </ReportPart>
      <ReportPart report={report} id="microsite_visits">
        <ul className="text-sm">
          {keyed(first(copy.micrositeVisits)).map(({ item: v, key }) => (
            <li key={key}>{when(v.at)}</li>
          ))}
        </ul>
        {more(copy.micrositeVisits)}
      </ReportPart>
      {report.withheld.activities.map((w) => (
        <p key={w.kind} className="text-sm italic" data-testid="access-report-withheld">
          {t.withheld(w.count, t.withheldActivities[w.kind])}
        </p>
      ))}
      {report.withheld.documents.map((w) => (
        <p key={w.kind} className="text-sm italic" data-testid="access-report-withheld">
          {t.withheld(w.count, t.withheldDocuments[w.kind])}
        </p>
      ))}
    </>
  );
}
