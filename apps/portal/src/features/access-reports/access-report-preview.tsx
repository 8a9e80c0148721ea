"use client";

import {
  type AccessReport,
  dataSubjectRightArticle,
  isLanguage,
  transferSafeguardArticle,
} from "@purposeful/domain";
import { reportDay, reportMoment } from "@purposeful/emails/report-format";
import { accessReportTexts, storagePeriodInWords } from "@purposeful/emails/report-texts";
import { useLocale } from "next-intl";
import { ReportCopyPreview } from "./report-copy-preview";
import { ReportPart, Table, td } from "./report-preview-parts";

/** The report's wording in the portal's language (section names in the template editor). */
export function useReportTexts() {
  const locale = useLocale();
  return accessReportTexts[isLanguage(locale) ? locale : "de"];
}

/**
 * Issue 10 #1, #3: the access report as the PDF will say it, in the report's language and with the
 * same wording (packages/emails' report texts), so the DPO sees what leaves the house before
 * generating it. Long lists (activities, audit history) show their first entries and a count.
 */
export function AccessReportPreview({ report }: { report: AccessReport }) {
  const t = accessReportTexts[report.language];
  const day = (value: string) => reportDay(new Date(`${value}T12:00:00Z`), report.language);
  const _when = (value: Date) => reportMoment(new Date(value), report.language);
  const c = report.controller;
  const _copy = report.copy;

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

      <ReportCopyPreview report={report} />
      <p className="mt-4 whitespace-pre-line text-sm">{report.outro || t.defaultOutro(c)}</p>
    </article>
  );
}
