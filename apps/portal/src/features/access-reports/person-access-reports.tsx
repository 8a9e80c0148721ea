"use client";

import { type Language, languages, roleAtLeast, type StaffRole } from "@purposeful/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../trpc/react";
import { NoEntries, PersonSection, PersonTable, tdClass } from "../persons/person-section";
import { AccessReportPreview } from "./access-report-preview";
import { ReportSendActions } from "./report-send-actions";

const select = "rounded border border-slate-300 bg-white px-2 py-1";
const button =
  "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";
const primary = "rounded bg-slate-900 px-3 py-1 text-sm text-white hover:bg-slate-700 disabled:opacity-60";

/**
 * Issue 10 #1: the access report (Art. 15 GDPR) on the person page. The DPO and the admin preview it
 * with a template and in a language (the person's by default) and generate the PDF, which is kept as
 * the person's document; other staff ask the DPO for one. The list shows every report with its PDF
 * and how it was sent (link or attachment).
 */
export function PersonAccessReports({
  personId,
  personLanguage,
  role,
  requestId,
}: {
  personId: string;
  personLanguage: Language;
  role: StaffRole;
  /** generated from a request case (issue 11): the report is linked to it */
  requestId?: string;
}) {
  const t = useTranslations("accessReport");
  const tl = useTranslations("languages");
  const format = useFormatter();
  const trpc = useTRPC();
  const isDpo = roleAtLeast(role, "dpo");
  const [open, setOpen] = useState(false);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language>(personLanguage);
  const [approving, setApproving] = useState<string | null>(null);

  const reports = useQuery(trpc.accessReports.list.queryOptions({ personId }));
  const templates = useQuery(trpc.accessReports.templates.queryOptions());
  const preview = useQuery({
    ...trpc.accessReports.preview.queryOptions({ personId, templateId, language }),
    enabled: isDpo && open,
    staleTime: 0,
  });
  const done = () => {
    setOpen(false);
    setApproving(null);
    void reports.refetch();
  };
  const generate = useMutation(trpc.accessReports.generate.mutationOptions({ onSuccess: done }));
  const request = useMutation(trpc.accessReports.request.mutationOptions({ onSuccess: done }));
  const send = useMutation(trpc.accessReports.send.mutationOptions({ onSuccess: done }));
  const revoke = useMutation(trpc.accessReports.revokeLinks.mutationOptions({ onSuccess: done }));
  const error = generate.error ?? request.error ?? send.error ?? revoke.error ?? preview.error;

  return (
    <PersonSection id="access-reports" title={t("title")} testId="access-reports">
      <p className="mb-3 text-sm text-slate-600">{t("hint")}</p>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <label className="text-sm">
          {t("template")}{" "}
          <select
            className={select}
            value={templateId ?? templates.data?.find((template) => template.isDefault)?.id ?? ""}
            onChange={(event) => setTemplateId(event.target.value || null)}
            aria-label={t("template")}
          >
            {(templates.data ?? []).map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
                {template.isDefault ? ` (${t("default")})` : ""}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("language")}{" "}
          <select
            className={select}
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
            aria-label={t("language")}
          >
            {languages.map((l) => (
              <option key={l} value={l}>
                {tl(l)}
              </option>
            ))}
          </select>
        </label>
        {isDpo ? (
          <button type="button" className={button} onClick={() => setOpen((value) => !value)}>
            {open ? t("closePreview") : t("openPreview")}
          </button>
        ) : (
          <button
            type="button"
            className={button}
            disabled={request.isPending}
            onClick={() => request.mutate({ personId, templateId, language })}
          >
            {t("request")}
          </button>
        )}
      </div>
      {send.isSuccess && (
        <p role="status" className="mb-3 text-sm text-green-900">
          {send.variables.delivery === "attachment" ? t("sentAttached") : t("sent")}
        </p>
      )}
      {revoke.isSuccess && (
        <p role="status" className="mb-3 text-sm text-green-900">
          {t("revoked")}
        </p>
      )}
      {request.isSuccess && (
        <p role="status" className="mb-3 text-sm text-green-900">
          {t("requested")}
        </p>
      )}
      {error && (
        <p role="alert" className="mb-3 text-sm text-red-800">
          {error.message}
        </p>
      )}
      {isDpo && open && (
        <div className="mb-4 space-y-3 rounded border border-slate-200 bg-slate-50 p-3">
          {preview.data ? (
            <>
              <div className="max-h-[32rem] overflow-auto rounded border border-slate-200 bg-white p-4">
                <AccessReportPreview report={preview.data.report} />
              </div>
              <button
                type="button"
                className={primary}
                disabled={generate.isPending}
                onClick={() =>
                  generate.mutate({ personId, templateId, language, reportId: approving, requestId })
                }
              >
                {generate.isPending ? t("generating") : approving ? t("approveAndGenerate") : t("generate")}
              </button>
            </>
          ) : (
            <p className="text-sm text-slate-600">{t("loadingPreview")}</p>
          )}
        </div>
      )}
      {(reports.data ?? []).length === 0 ? (
        <NoEntries text={t("none")} />
      ) : (
        <PersonTable head={[t("when"), t("language"), t("status"), t("by"), t("file")]}>
          {(reports.data ?? []).map((report) => (
            <tr key={report.id} data-status={report.status}>
              <td className={`${tdClass} whitespace-nowrap`}>
                {format.dateTime(report.generatedAt ?? report.requestedAt ?? report.createdAt, {
                  dateStyle: "medium",
                  timeStyle: "short",
                })}
              </td>
              <td className={tdClass}>{tl(report.language)}</td>
              <td className={tdClass}>{t(`statuses.${report.status}`)}</td>
              <td className={tdClass}>
                {report.generatedByName ?? report.requestedByName ?? "—"}
                {report.status === "requested" && report.requestedByName && (
                  <span className="block text-xs text-slate-600">
                    {t("requestedBy", { name: report.requestedByName })}
                  </span>
                )}
              </td>
              <td className={tdClass}>
                {report.documentId ? (
                  <div className="flex flex-wrap items-center gap-2">
                    <a className="text-blue-800 underline" href={`/api/documents/${report.documentId}`}>
                      {t("download")}
                    </a>
                    {isDpo && (
                      <ReportSendActions
                        sent={report.status === "sent"}
                        pending={send.isPending}
                        withDocuments={report.attachedDocuments > 0}
                        onSend={(delivery) => send.mutate({ reportId: report.id, delivery })}
                      />
                    )}
                    {isDpo && report.status === "sent" && (
                      <button
                        type="button"
                        className={button}
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate({ reportId: report.id })}
                      >
                        {t("revokeLinks")}
                      </button>
                    )}
                    {report.sentAt && (
                      <span className="text-xs text-slate-600">
                        {t("sentOn", { date: format.dateTime(report.sentAt, { dateStyle: "medium" }) })}
                        {report.delivery && ` ${t(`deliveries.${report.delivery}`)}`}
                        {report.downloadedAt &&
                          ` · ${t("downloadedOn", { date: format.dateTime(report.downloadedAt, { dateStyle: "medium" }) })}`}
                      </span>
                    )}
                  </div>
                ) : isDpo && report.status === "requested" ? (
                  <button
                    type="button"
                    className={button}
                    onClick={() => {
                      setApproving(report.id);
                      setLanguage(report.language);
                      setTemplateId(report.templateId);
                      setOpen(true);
                    }}
                  >
                    {t("review")}
                  </button>
                ) : (
                  t("waitingForDpo")
                )}
              </td>
            </tr>
          ))}
        </PersonTable>
      )}
    </PersonSection>
  );
}
