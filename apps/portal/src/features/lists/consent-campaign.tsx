"use client";

import type { Language } from "@purposeful/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useTRPC } from "../../trpc/react";
import type { CheckSettings } from "./check-reason";
import { ConsentCampaignProgress } from "./consent-campaign-progress";

/**
 * Issue 8 #5: "Ask everyone without a valid basis" right after a check. Shows who would get a mail,
 * who a letter and why the others are not asked; a preview of the mail and of a letter; refusals
 * only when the DPO ticks them; a confirmation dialog with the counts; then the job's progress.
 */
export function ConsentCampaign({
  listId,
  settings,
  checkId,
  mayIncludeRefusals,
}: {
  listId: string;
  settings: CheckSettings;
  checkId: string | null;
  mayIncludeRefusals: boolean;
}) {
  const t = useTranslations("consentCampaign");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [includeRefusals, setIncludeRefusals] = useState(false);
  const [mailLanguage, setMailLanguage] = useState<Language | null>(null);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const request = { listId, ...settings, includeRefusals, checkId };
  const preview = useQuery(trpc.campaigns.preview.queryOptions(request));
  const mail = useQuery({
    ...trpc.campaigns.previewMail.queryOptions({
      purposeIds: settings.purposeIds,
      language: mailLanguage ?? "de",
    }),
    enabled: mailLanguage !== null,
  });
  const start = useMutation(
    trpc.campaigns.start.mutationOptions({
      onSuccess: (result) => {
        dialog.current?.close();
        setCampaignId(result.campaignId);
        return queryClient.invalidateQueries({ queryKey: trpc.campaigns.history.queryKey() });
      },
    }),
  );
  const counts = preview.data;
  const asked = counts ? counts.email + counts.letter : 0;
  const letterHref = `/api/lists/campaign-letter-preview?${new URLSearchParams({ purposeIds: settings.purposeIds.join(",") })}`;

  return (
    <section
      aria-labelledby="consent-campaign"
      className="space-y-3 rounded border border-blue-200 bg-blue-50/40 p-4"
      data-testid="consent-campaign"
    >
      <h3 id="consent-campaign" className="font-semibold">
        {t("title")}
      </h3>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {mayIncludeRefusals && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={includeRefusals}
            onChange={(event) => setIncludeRefusals(event.target.checked)}
          />
          {t("includeRefusals")}
        </label>
      )}
      {preview.error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {preview.error.message}
        </p>
      )}
      {counts && (
        <dl
          className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm"
          data-testid="campaign-preview"
        >
          <dt className="font-medium">{t("byEmail")}</dt>
          <dd className="tabular-nums" data-testid="campaign-email">
            {format.number(counts.email)}
          </dd>
          <dt className="font-medium">{t("byLetter")}</dt>
          <dd className="tabular-nums" data-testid="campaign-letter">
            {format.number(counts.letter)}
          </dd>
          {counts.excluded.map((row) => (
            <div key={row.reason} className="contents" data-reason={row.reason}>
              <dt className="text-slate-600">{t(`excluded.${row.reason}`)}</dt>
              <dd className="tabular-nums text-slate-600">{format.number(row.count)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <button
          type="button"
          onClick={() => setMailLanguage("de")}
          className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
        >
          {t("previewMail", { language: "DE" })}
        </button>
        <button
          type="button"
          onClick={() => setMailLanguage("en")}
          className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
        >
          {t("previewMail", { language: "EN" })}
        </button>
        <a
          href={letterHref}
          target="_blank"
          rel="noopener"
          className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
          data-testid="campaign-letter-preview"
        >
          {t("previewLetter")}
        </a>
        <button
          type="button"
          disabled={!counts || asked === 0 || start.isPending}
          onClick={() => dialog.current?.showModal()}
          className="rounded bg-blue-700 px-3 py-1.5 text-white disabled:opacity-50"
        >
          {t("ask")}
        </button>
      </p>
      {mail.data && mailLanguage && (
        <div className="space-y-1">
          <p className="text-sm">
            <span className="font-medium">{t("subject")}:</span> {mail.data.subject}
          </p>
          <iframe
            sandbox=""
            srcDoc={mail.data.html}
            title={t("mailFrame")}
            className="h-96 w-full rounded border border-slate-200 bg-white"
          />
        </div>
      )}
      <dialog
        ref={dialog}
        aria-labelledby="campaign-confirm"
        className="max-w-lg rounded-lg p-6 backdrop:bg-slate-900/40"
      >
        <h4 id="campaign-confirm" className="mb-2 text-lg font-semibold">
          {t("confirmTitle")}
        </h4>
        {counts && (
          <p className="mb-3 text-sm" data-testid="campaign-confirm-text">
            {t("confirmText", {
              email: counts.email,
              letter: counts.letter,
              excluded: counts.total - asked,
            })}
          </p>
        )}
        {includeRefusals && (
          <p className="mb-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("refusalsWarning")}</p>
        )}
        {start.error && (
          <p role="alert" className="mb-3 rounded bg-red-50 px-3 py-2 text-red-800">
            {start.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="rounded border border-slate-300 px-3 py-1.5"
          >
            {t("cancel")}
          </button>
          <button
            type="button"
            disabled={start.isPending}
            onClick={() => start.mutate(request)}
            className="rounded bg-blue-700 px-3 py-1.5 text-white disabled:opacity-50"
          >
            {start.isPending ? t("starting") : t("confirm")}
          </button>
        </div>
      </dialog>
      {campaignId && <ConsentCampaignProgress campaignId={campaignId} />}
    </section>
  );
}
