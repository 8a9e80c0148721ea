"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useTRPC } from "../../trpc/react";

const POLL_MS = 1000;

/** The mass request's job: a progress bar while it runs (polled), then what it did, with the letters. */
export function ConsentCampaignProgress({ campaignId }: { campaignId: string }) {
  const t = useTranslations("consentCampaign");
  const trpc = useTRPC();
  const { data: campaign } = useQuery({
    ...trpc.campaigns.progress.queryOptions({ campaignId }),
    refetchInterval: (query) => {
      const state = query.state.data?.job?.state;
      return state === "queued" || state === "running" ? POLL_MS : false;
    },
  });
  const state = campaign?.job?.state;
  const queryClient = useQueryClient();
  // The list's history shows the request's counts: refresh it once the job has finished.
  useEffect(() => {
    if (state === "done" || state === "failed")
      void queryClient.invalidateQueries({ queryKey: trpc.campaigns.history.queryKey() });
  }, [state, queryClient, trpc]);
  if (!campaign?.job) return null;
  const { job, counts } = campaign;
  const total = job.total ?? 0;
  const percent = total > 0 ? Math.round((Math.min(job.processed, total) / total) * 100) : 0;
  const finished = job.state === "done";
  return (
    <div className="space-y-2" data-testid="campaign-progress" data-state={job.state}>
      <progress
        value={finished ? 1 : job.processed}
        max={finished ? 1 : Math.max(total, 1)}
        aria-label={t("progressLabel")}
        className="h-3 w-full"
      />
      <p className="text-sm" aria-live="polite" data-testid="campaign-percent">
        {job.state === "queued"
          ? t("queued")
          : t("progress", { processed: job.processed, total, percent: finished ? 100 : percent })}
      </p>
      {finished && (
        <p className="rounded bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="campaign-done">
          {t("done", {
            email: counts.email,
            letter: counts.letter,
            excluded: counts.total - counts.email - counts.letter,
          })}
        </p>
      )}
      {finished && counts.letter > 0 && <LetterLinks campaignId={campaignId} letters={counts.letter} />}
      {job.state === "failed" && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("failed", { error: job.error ?? "" })}
        </p>
      )}
    </div>
  );
}

/** Must match `lettersPerPart` in packages/emails: react-pdf holds a whole PDF in memory. */
const LETTERS_PER_PART = 500;

/** The letters to print, in PDFs of 500 (sorted by postal code), each download audited. */
export function LetterLinks({ campaignId, letters }: { campaignId: string; letters: number }) {
  const t = useTranslations("consentCampaign");
  const parts = Math.ceil(letters / LETTERS_PER_PART);
  return (
    <p className="flex flex-wrap gap-2 text-sm">
      {Array.from({ length: parts }, (_, index) => {
        const from = index * LETTERS_PER_PART + 1;
        const to = Math.min(letters, (index + 1) * LETTERS_PER_PART);
        return (
          <a
            key={from}
            href={`/api/lists/campaigns/${campaignId}/letters?part=${index + 1}`}
            className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
            data-testid="campaign-letters"
          >
            {parts === 1 ? t("downloadLetters", { count: letters }) : t("downloadLetterPart", { from, to })}
          </a>
        );
      })}
    </p>
  );
}
