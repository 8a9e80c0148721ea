"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useTRPC } from "../../trpc/react";
import { DataTable } from "../shell/data-table";
import { type Formatters, heldColumns, personColumns, runColumns } from "./retention-columns";

/**
 * The Retention page: due now, due within 30 days, queued for review (approve or postpone), held
 * items with the end of their hold, and the last runs; a dry run on demand.
 */
export function RetentionView() {
  const t = useTranslations("retention");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery(trpc.retention.overview.queryOptions());
  const runs = useQuery({
    ...trpc.retention.runs.queryOptions(),
    // A run in progress is counted by the scheduled jobs: look again until it has finished.
    refetchInterval: (query) =>
      query.state.data?.some((run) => !run.finishedAt && run.jobState !== "failed") ? 3000 : false,
  });
  const dryRun = useMutation(
    trpc.retention.dryRun.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.retention.runs.queryKey() }),
    }),
  );
  const f = useMemo<Formatters>(
    () => ({
      t: (key, values) => t(key, values),
      day: (day) =>
        day ? format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : "–",
      instant: (at) => (at ? format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }) : "–"),
    }),
    [t, format],
  );
  const due = useMemo(() => personColumns(f, false), [f]);
  const review = useMemo(() => personColumns(f, true), [f]);
  const held = useMemo(() => heldColumns(f), [f]);
  const runCols = useMemo(() => runColumns(f), [f]);
  const data = overview.data;
  const section = "space-y-2";
  const heading = "text-lg font-semibold";

  return (
    <div className="space-y-8">
      {overview.error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {overview.error.message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        {data && (
          <p className="text-sm text-slate-700">{t("action", { action: t(`actions.${data.action}`) })}</p>
        )}
        <button
          type="button"
          onClick={() => dryRun.mutate()}
          disabled={dryRun.isPending}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
        >
          {t("dryRun")}
        </button>
        {dryRun.isSuccess && <span className="text-sm text-green-800">{t("dryRunQueued")}</span>}
        {dryRun.error && (
          <span role="alert" className="text-sm text-red-800">
            {dryRun.error.message}
          </span>
        )}
      </div>
      <section className={section} aria-labelledby="retention-due">
        <h2 id="retention-due" className={heading}>
          {t("dueNow", { count: data?.dueNow.total ?? 0 })}
        </h2>
        <p className="text-sm text-slate-600">{t("dueNowHint")}</p>
        <DataTable
          label={t("dueNowTable")}
          rows={data?.dueNow.rows ?? []}
          columns={due}
          empty={t("none")}
          rowId={(row) => row.id}
          testId="retention-due-row"
        />
      </section>
      <section className={section} aria-labelledby="retention-soon">
        <h2 id="retention-soon" className={heading}>
          {t("dueSoon", { count: data?.dueSoon.total ?? 0 })}
        </h2>
        <DataTable
          label={t("dueSoonTable")}
          rows={data?.dueSoon.rows ?? []}
          columns={due}
          empty={t("none")}
          rowId={(row) => row.id}
        />
      </section>
      <section className={section} aria-labelledby="retention-review">
        <h2 id="retention-review" className={heading}>
          {t("underReview", { count: data?.underReview.total ?? 0 })}
        </h2>
        <p className="text-sm text-slate-600">{t("underReviewHint")}</p>
        <DataTable
          label={t("underReviewTable")}
          rows={data?.underReview.rows ?? []}
          columns={review}
          empty={t("none")}
          rowId={(row) => row.id}
          testId="retention-review-row"
        />
      </section>
      <section className={section} aria-labelledby="retention-held">
        <h2 id="retention-held" className={heading}>
          {t("held", { count: data?.held.total ?? 0 })}
        </h2>
        <p className="text-sm text-slate-600">{t("heldHint")}</p>
        <DataTable
          label={t("heldTable")}
          rows={data?.held.rows ?? []}
          columns={held}
          empty={t("none")}
          rowId={(row) => `${row.table}:${row.id}`}
        />
      </section>
      <section className={section} aria-labelledby="retention-runs">
        <h2 id="retention-runs" className={heading}>
          {t("runs")}
        </h2>
        <DataTable
          label={t("runsTable")}
          rows={runs.data ?? []}
          columns={runCols}
          empty={t("noRuns")}
          rowId={(row) => row.id}
          testId="retention-run-row"
        />
      </section>
    </div>
  );
}
