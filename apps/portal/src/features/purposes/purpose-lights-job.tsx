"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";

const POLL_MS = 2000;

/**
 * The light refresh of a purpose's holders after a material change (a bulk job): progress while it
 * waits or runs (polled), then its result. Nothing when the purpose never needed one.
 */
export function PurposeLightsJob({ purposeId }: { purposeId: string }) {
  const t = useTranslations("purposeScope.lightsJob");
  const format = useFormatter();
  const trpc = useTRPC();
  const { data: job } = useQuery({
    ...trpc.purposes.lightsJob.queryOptions({ purposeId }),
    refetchInterval: (query) =>
      query.state.data?.state === "queued" || query.state.data?.state === "running" ? POLL_MS : false,
  });
  if (!job) return null;
  const total = job.total ?? 0;
  const processed = Math.min(job.processed, total || job.processed);
  const percent = total > 0 ? Math.round((processed / total) * 100) : 0;
  const when = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" }) : "";
  return (
    <section
      aria-labelledby="purpose-lights-job"
      data-testid="purpose-lights-job"
      data-state={job.state}
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="purpose-lights-job" className="mb-1 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      {job.state === "queued" && <p className="text-sm">{t("queued", { date: when(job.createdAt) })}</p>}
      {job.state === "running" && (
        <div className="space-y-1">
          <progress
            value={processed}
            max={Math.max(total, 1)}
            aria-label={t("progressLabel")}
            className="h-3 w-full"
          />
          <p className="text-sm" aria-live="polite">
            {t("running", { processed, total, percent })}
          </p>
          {job.error && <p className="text-sm text-amber-800">{t("retrying", { error: job.error })}</p>}
        </div>
      )}
      {job.state === "done" && (
        <p className="rounded bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("done", {
            processed: job.processed,
            changed: job.result.changed ?? 0,
            date: when(job.finishedAt),
          })}
        </p>
      )}
      {(job.state === "failed" || job.state === "cancelled") && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("failed", { processed: job.processed, total, error: job.error ?? "" })}
        </p>
      )}
    </section>
  );
}
