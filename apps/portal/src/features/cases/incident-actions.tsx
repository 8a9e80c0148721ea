"use client";

import { roleAtLeast, type StaffRole } from "@purposeful/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useTRPC } from "../../trpc/react";
import { buttonClass, primaryClass, useCaseFormat } from "./case-format";

const POLL_MS = 1000;

/**
 * Art. 33(3): the notification to file with the supervisory authority, as a PDF in either language
 * (the route audits each download). For the step "notify the authority".
 */
export function AuthorityNotificationLink({ incidentId }: { incidentId: string }) {
  const t = useTranslations("incidentActions");
  const href = (language: string) => `/api/incidents/${incidentId}/authority-notification?lang=${language}`;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="authority-notification">
      <span>{t("authorityReport")}</span>
      <a href={href("de")} className={buttonClass} data-testid="authority-notification-de">
        {t("downloadIn", { language: "DE" })}
      </a>
      <a href={href("en")} className={buttonClass} data-testid="authority-notification-en">
        {t("downloadIn", { language: "EN" })}
      </a>
    </p>
  );
}

/**
 * Art. 34: the notice to every person linked to the incident, for the step "notify the people
 * affected". A confirmation with how many it mails (and whether it is required or voluntary), then
 * the job's progress, polled until done, and the persons it could not reach.
 */
export function SubjectsNotification({ incidentId, role }: { incidentId: string; role: StaffRole }) {
  if (!roleAtLeast(role, "dpo")) return null;
  return <SubjectsNotificationPanel incidentId={incidentId} />;
}

function SubjectsNotificationPanel({ incidentId }: { incidentId: string }) {
  const t = useTranslations("incidentActions");
  const f = useCaseFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const progress = useQuery({
    ...trpc.incidents.subjectsNotification.queryOptions({ incidentId }),
    refetchInterval: (query) => {
      const state = query.state.data?.job?.state;
      return state === "queued" || state === "running" ? POLL_MS : false;
    },
  });
  const start = useMutation(
    trpc.incidents.notifySubjects.mutationOptions({
      onSuccess: () => {
        dialog.current?.close();
        void queryClient.invalidateQueries({ queryKey: trpc.incidents.subjectsNotification.queryKey() });
      },
    }),
  );
  const data = progress.data;
  const state = data?.job?.state;
  // The step is completed by the job's last batch: the incident page shows it once done.
  useEffect(() => {
    if (state !== "done") return;
    void queryClient.invalidateQueries({ queryKey: trpc.incidents.get.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.incidents.record.queryKey() });
  }, [state, queryClient, trpc]);
  if (progress.error)
    return (
      <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
        {progress.error.message}
      </p>
    );
  if (!data) return null;
  const job = data.job;
  const running = job?.state === "queued" || job?.state === "running";
  const canStart = data.allowed && !running;
  const total = job?.total ?? data.total;
  const percent = total > 0 ? Math.round((Math.min(job?.processed ?? 0, total) / total) * 100) : 0;
  return (
    <section className="space-y-2 text-sm" data-testid="subjects-notification" data-state={state ?? "none"}>
      {canStart && (
        <button type="button" className={primaryClass} onClick={() => dialog.current?.showModal()}>
          {t("notifyStart")}
        </button>
      )}
      {!job && !data.allowed && data.refusal && <p className="text-slate-600">{t("notAllowed")}</p>}
      {job && (
        <>
          <progress
            value={data.done ? 1 : job.processed}
            max={data.done ? 1 : Math.max(total, 1)}
            aria-label={t("progressLabel")}
            className="h-3 w-full"
          />
          <p aria-live="polite" data-testid="subjects-notification-progress">
            {job.state === "queued"
              ? t("queued")
              : t("progress", { processed: job.processed, total, percent: data.done ? 100 : percent })}
          </p>
          <p data-testid="subjects-notification-counts">
            {t("counts", { queued: data.queued, sent: data.sent, notReachable: data.notReachable })}
          </p>
        </>
      )}
      {data.done && (
        <p className="rounded bg-green-50 px-3 py-2 text-green-900" data-testid="subjects-notification-done">
          {t("done", { at: f.instant(data.notifiedAt), queued: data.queued })}
        </p>
      )}
      {data.undelivered > 0 && (
        <p className="text-amber-800">{t("undelivered", { count: data.undelivered })}</p>
      )}
      {job?.state === "failed" && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {t("failed", { error: job.error ?? "" })}
        </p>
      )}
      {data.unreachable.length > 0 && (
        <div data-testid="subjects-notification-unreachable">
          <p className="font-medium">{t("unreachableTitle", { count: data.notReachable })}</p>
          <ul className="list-disc pl-5">
            {data.unreachable.map((person) => (
              <li key={person.personId}>
                <a href={`/persons/${person.personId}`} className="underline">
                  {person.name || "—"}
                </a>{" "}
                <span className="text-slate-600">({t(`reason.${person.reason}`)})</span>
              </li>
            ))}
          </ul>
          {data.notReachable > data.unreachable.length && (
            <p className="text-slate-600">
              {t("more", { count: data.notReachable - data.unreachable.length })}
            </p>
          )}
          <p className="text-slate-600">{t("unreachableHint")}</p>
        </div>
      )}
      <dialog
        ref={dialog}
        aria-labelledby="subjects-confirm"
        className="max-w-lg rounded-lg p-6 backdrop:bg-slate-900/40"
      >
        <h4 id="subjects-confirm" className="mb-2 text-lg font-semibold">
          {t("confirmTitle")}
        </h4>
        <p className="mb-1" data-testid="subjects-confirm-text">
          {t("confirmText", { reachable: data.reachable })}
        </p>
        <p className="mb-3">{t("confirmUnreachable", { count: data.total - data.reachable })}</p>
        <p className="mb-3 rounded bg-amber-50 px-3 py-2 text-amber-900">
          {data.required ? t("required") : t("voluntary")}
        </p>
        {start.error && (
          <p role="alert" className="mb-3 rounded bg-red-50 px-3 py-2 text-red-800">
            {start.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </button>
          <button
            type="button"
            className={primaryClass}
            disabled={start.isPending}
            onClick={() => start.mutate({ incidentId })}
          >
            {start.isPending ? t("starting") : t("confirm", { count: data.reachable })}
          </button>
        </div>
      </dialog>
    </section>
  );
}
