"use client";

import { type AccessReport, type ReportSection, reportSectionArticle } from "@purposeful/domain";
import { accessReportTexts } from "@purposeful/emails/report-texts";
import type { ReactNode } from "react";

export const th = "border-b border-slate-200 px-2 py-1 text-left text-xs font-semibold text-slate-600";
export const td = "border-b border-slate-100 px-2 py-1 align-top text-sm";

export function Table({ head, children }: { head: string[]; children: ReactNode }) {
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
export function ReportPart({
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
export const keyed = <T,>(items: readonly T[]) => items.map((item, position) => ({ item, key: position }));

/** The first `n` items of a long list, and a line with how many more the PDF shows. */
export const first = <T,>(items: readonly T[], n = 50) => items.slice(0, n);
export const more = (items: readonly unknown[], n = 50) =>
  items.length > n ? <p className="text-xs text-slate-500">… +{items.length - n}</p> : null;
