"use client";

import {
  type AccessReport,
  dataSubjectRightArticle,
  isLanguage,
  type ReportSection,
  reportSectionArticle,
  transferSafeguardArticle,
} from "@purposeful/domain";
import { reportDay, reportMoment } from "@purposeful/emails/report-format";
import { accessReportTexts, storagePeriodInWords } from "@purposeful/emails/report-texts";
import { useLocale } from "next-intl";
import type { ReactNode } from "react";

/** The report's wording in the portal's language (section names in the template editor). */
export function useReportTexts() {
  const locale = useLocale();
  return accessReportTexts[isLanguage(locale) ? locale : "de"];
}

const th = "border-b border-slate-200 px-2 py-1 text-left text-xs font-semibold text-slate-600";
const td = "border-b border-slate-100 px-2 py-1 align-top text-sm";

function Table({ head, children }: { head: string[]; children: ReactNode }) {
  return (
    <table className="w-full border-collapse">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} className={th}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A section of the report with its title and article, when the template shows it. */
function ReportPart({
  report,
  id,
  children,
}: {
  report: AccessReport;
  id: ReportSection;
  children: ReactNode;
}) {
  if (!report.sections.includes(id)) return null;
  const t = accessReportTexts[report.language];
  return (
    <section className="mb-4" data-section={id}>
      <h3 className="mb-1 font-semibold">
        {t.sections[id]}{" "}
        <span className="text-xs font-normal text-slate-500">{reportSectionArticle[id]}</span>
      </h3>
      {children}
    </section>
  );
}

/** Items with their position as key: the report's lists are static, never reordered. */
const keyed = <T,>(items: readonly T[]) => items.map((item, position) => ({ item, key: position }));

/**
 * Issue 10 #1, #3: the access report as the PDF will say it, in the report's language and with the
 * same wording (packages/emails' report texts), so the DPO sees what leaves the house before
 * generating it. Long lists (activities, audit history) show their first entries and a count.
 */
export function AccessReportPreview({ report }: { report: AccessReport }) {
  const t = accessReportTexts[report.language];
  const day = (value: string) => reportDay(new Date(`${value}T12:00:00Z`), report.language);
  const when = (value: Date) => reportMoment(new Date(value), report.language);
  const c = report.controller;
  const copy = report.copy;
  const first = <T,>(items: readonly T[], n = 50) => items.slice(0, n);
  const more = (items: readonly unknown[], n = 50) =>
    items.length > n ? <p className="text-xs text-slate-500">… +{items.length - n}</p> : null;

  return (
    <article lang={report.language} data-testid="access-report-preview" className="text-slate-900">
      {report.letterhead && (
        <p className="mb-2 whitespace-pre-line text-xs text-slate-600">{report.letterhead}</p>
      )}
      <h2 className="text-xl font-semibold">
        {t.documentTitle} <span className="text-sm font-normal text-slate-500">{t.titleArticle}</span>
      </h2>
      <p className="mb-3 text-sm">
        {t.subjectLabel}: {report.erased ? t.erasedSubject : report.subject.name} · {t.dateLabel}:{" "}
        {reportDay(new Date(report.generatedAt), report.language)}
      </p>
      <p className="mb-4 whitespace-pre-line text-sm">{report.intro || t.defaultIntro}</p>
      {report.erased && (
        <p className="mb-4 rounded bg-amber-50 p-2 text-sm" data-testid="access-report-erased">
          {t.erased([])}
        </p>
      )}

      <h3 className="mb-2 text-lg font-semibold">{t.informationPart}</h3>
      <ReportPart report={report} id="controller">
        <p className="text-sm">
          {t.controller.controller}: {c.name}, {c.address} {c.email && `· ${c.email}`}
        </p>
        <p className="text-sm">
          {t.controller.dpo}: {[c.dpoName, c.dpoEmail, c.dpoAddress].filter(Boolean).join(", ")}
        </p>
        <p className="text-sm">
          {t.controller.authority}:{" "}
          {[c.authorityName, c.authorityAddress, c.authorityUrl].filter(Boolean).join(", ")}
        </p>
      </ReportPart>
      <ReportPart report={report} id="purposes">
        <Table
          head={[
            t.purposes.purpose,
            t.purposes.legalBasis,
            t.purposes.state,
            t.purposes.storage,
            t.purposes.source,
          ]}
        >
          {report.purposes.map((p) => (
            <tr key={p.key}>
              <td className={td}>
                <strong>{p.name}</strong>
                <p className="text-xs text-slate-600">{p.description}</p>
              </td>
              <td className={td}>{t.legalBases[p.legalBasis]}</td>
              <td className={td}>{t.recordStates[p.state]}</td>
              <td className={td}>{storagePeriodInWords(p.storage, report.language, day)}</td>
              <td className={td}>{p.otherSource ? t.recordSources[p.otherSource] : t.purposes.fromYou}</td>
            </tr>
          ))}
        </Table>
      </ReportPart>
      <ReportPart report={report} id="data_categories">
        <p className="text-sm">
          {t.dataCategoriesIntro} {report.dataCategories.join(", ") || t.none}
        </p>
      </ReportPart>
      <ReportPart report={report} id="recipients">
        <p className="text-sm">
          {report.recipients.length === 0
            ? t.noRecipients
            : `${t.recipientsIntro} ${report.recipients.join(", ")}`}
        </p>
      </ReportPart>
      <ReportPart report={report} id="third_country_transfers">
        {report.transfers.length === 0 ? (
          <p className="text-sm">{t.transfers.none}</p>
        ) : (
          <Table
            head={[t.transfers.country, t.transfers.recipient, t.transfers.purpose, t.transfers.safeguard]}
          >
            {report.transfers.map((x) => (
              <tr key={`${x.purposeName}-${x.country}-${x.recipient}`}>
                <td className={td}>{x.country}</td>
                <td className={td}>{x.recipient}</td>
                <td className={td}>{x.purposeName}</td>
                <td className={td}>
                  {t.safeguards[x.safeguard]} ({transferSafeguardArticle[x.safeguard]})
                </td>
              </tr>
            ))}
          </Table>
        )}
      </ReportPart>
      <ReportPart report={report} id="storage_period">
        <p className="text-sm">{t.storageIntro}</p>
      </ReportPart>
      <ReportPart report={report} id="rights">
        <p className="text-sm">{t.rightsIntro}</p>
        <ul className="list-disc pl-5 text-sm">
          {report.rights.map((right) => (
            <li key={right}>
              <strong>{t.rights[right].title}</strong> ({dataSubjectRightArticle[right]}):{" "}
              {t.rights[right].explain(c)}
            </li>
          ))}
        </ul>
      </ReportPart>
      <ReportPart report={report} id="data_source">
        <p className="text-sm">
          {report.otherSources.length === 0
            ? t.allFromYou
            : t.otherSources(report.otherSources.map((s) => t.recordSources[s]))}
        </p>
      </ReportPart>
      <ReportPart report={report} id="automated_decisions">
        <p className="text-sm">
          {report.profilingPurposes.length === 0 ? t.noProfiling : t.profiling(report.profilingPurposes)}
        </p>
      </ReportPart>

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
        <p className="text-sm">{copy.auditHistory.length}</p>
      </ReportPart>
      <ReportPart report={report} id="microsite_visits">
        <p className="text-sm">{copy.micrositeVisits.length}</p>
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
      <p className="mt-4 whitespace-pre-line text-sm">{report.outro || t.defaultOutro(c)}</p>
    </article>
  );
}
