"use client";

import type { ListImportReport } from "@purposeful/db";
import { useFormatter, useTranslations } from "next-intl";

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  return (
    <details className="rounded border border-slate-200 bg-white" open={count > 0 && count <= 20}>
      <summary className="cursor-pointer px-3 py-2 font-medium">
        {title} <span className="tabular-nums">({count})</span>
      </summary>
      <ul className="max-h-64 overflow-y-auto px-3 pb-2 text-sm">{children}</ul>
    </details>
  );
}

/** What an import matched, could not match, found invalid, and refused (suppression list). */
export function ListImportReportView({ report }: { report: ListImportReport }) {
  const t = useTranslations("lists.report");
  const format = useFormatter();
  const n = (value: number) => format.number(value);
  return (
    <div className="space-y-2" data-testid="import-report">
      <p role="status">
        {t("summary", {
          rows: n(report.rows),
          persons: n(report.matchedPersons),
          already: n(report.alreadyMembers),
          unmatched: n(report.unmatchedCount),
          invalid: n(report.invalidCount),
          refused: n(report.refusedCount),
        })}
      </p>
      <Section title={t("matched")} count={report.matchedPersons}>
        {report.matched.map((row) => (
          <li key={row.personId} data-testid="report-matched">
            {t("row", { row: row.row })}: {row.lastName}, {row.firstName} · {row.email}
          </li>
        ))}
      </Section>
      <Section title={t("unmatched")} count={report.unmatchedCount}>
        {report.unmatched.map((row) => (
          <li key={row.row} data-testid="report-unmatched">
            {t("row", { row: row.row })}: {row.email}
            {row.firstName || row.lastName ? ` (${[row.firstName, row.lastName].join(" ").trim()})` : ""}
          </li>
        ))}
      </Section>
      <Section title={t("invalid")} count={report.invalidCount}>
        {report.invalid.map((row) => (
          <li key={row.row} data-testid="report-invalid">
            {t("row", { row: row.row })}: {t(`reasons.${row.reason}`)}
            {row.value ? ` – ${row.value}` : ""}
          </li>
        ))}
      </Section>
      <Section title={t("refusedTitle")} count={report.refusedCount}>
        {report.refused.map((row) => (
          <li key={row.row} data-testid="report-refused">
            {t("row", { row: row.row })}: {t("refused")}
          </li>
        ))}
      </Section>
      {report.excludedCount > 0 && (
        <Section title={t("excludedTitle")} count={report.excludedCount}>
          {report.excluded.map((row) => (
            <li key={row.row} data-testid="report-excluded">
              {t("row", { row: row.row })}: {t("excluded")}
            </li>
          ))}
        </Section>
      )}
      {report.unmatchedCount + report.invalidCount + report.refusedCount + report.excludedCount > 0 && (
        <p className="text-sm text-slate-600">{t("nothingCreated")}</p>
      )}
    </div>
  );
}
