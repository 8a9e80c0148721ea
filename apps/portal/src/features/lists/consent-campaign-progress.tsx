"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
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
      {finished && counts.letter > 0 && (
        <p className="text-sm">
          <a
            href={`/api/lists/campaigns/${campaignId}/letters`}
            className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
            data-testid="campaign-letters"
          >
            {t("downloadLetters", { count: counts.letter })}
          </a>
        </p>
      )}
      {job.state === "failed" && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("failed", { error: job.error ?? "" })}
        </p>
      )}
    </div>
  );
}
