"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";
import { OutboxStatusBadge } from "./outbox-status-badge";

/** One message as rendered. The HTML runs in a sandboxed frame: no scripts, no same origin. */
export function OutboxDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useTranslations("outbox");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const message = useQuery(trpc.outbox.get.queryOptions({ id }));
  const retry = useMutation(
    trpc.outbox.retry.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.outbox.pathKey() }),
    }),
  );
  const data = message.data;
  const when = (value: Date | null) =>
    value ? format.dateTime(value, { dateStyle: "medium", timeStyle: "medium" }) : "—";

  return (
    <section
      aria-labelledby="outbox-detail-title"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex items-start gap-4">
        <h2 id="outbox-detail-title" className="text-lg font-semibold">
          {data?.subject ?? t("detail.title")}
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50"
        >
          {t("close")}
        </button>
      </div>
      {message.error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {message.error.message}
        </p>
      )}
      {message.isLoading && <p className="text-slate-600">{t("loading")}</p>}
      {data && (
        <>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">{t("columns.status")}</dt>
            <dd>
              <OutboxStatusBadge status={data.status} /> · {t("columns.attempts")}: {data.attempts}
            </dd>
            <dt className="font-medium">{t("columns.to")}</dt>
            <dd className="break-all">{data.toAddress}</dd>
            <dt className="font-medium">{t("columns.template")}</dt>
            <dd className="font-mono text-xs">
              {data.template} · {data.language}
            </dd>
            <dt className="font-medium">{t("columns.created")}</dt>
            <dd>{when(data.createdAt)}</dd>
            {(data.status === "pending" || data.status === "sending") && (
              <>
                <dt className="font-medium">{t("detail.nextAttempt")}</dt>
                <dd>{when(data.nextAttemptAt)}</dd>
              </>
            )}
            <dt className="font-medium">{t("detail.sentAt")}</dt>
            <dd>{when(data.sentAt)}</dd>
            <dt className="font-medium">{t("detail.providerId")}</dt>
            <dd className="font-mono text-xs">{data.providerMessageId ?? "—"}</dd>
            <dt className="font-medium">{t("detail.idempotencyKey")}</dt>
            <dd className="break-all font-mono text-xs">{data.idempotencyKey}</dd>
            {data.lastError && (
              <>
                <dt className="font-medium">{t("detail.lastError")}</dt>
                <dd className="break-all font-mono text-xs text-red-800">{data.lastError}</dd>
              </>
            )}
          </dl>
          {data.status === "dead" && (
            <div className="flex items-center gap-3">
              <button
                type="button"
                disabled={retry.isPending}
                onClick={() => retry.mutate({ id })}
                className="rounded bg-blue-700 px-3 py-1.5 text-sm text-white disabled:opacity-50"
              >
                {retry.isPending ? t("detail.retrying") : t("detail.retry")}
              </button>
            </div>
          )}
          {retry.isSuccess && <p role="status">{t("detail.retried")}</p>}
          {retry.error && (
            <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
              {retry.error.message}
            </p>
          )}
          <p
            data-testid="outbox-link-mode"
            data-link-mode={data.linkMode}
            className={
              data.linkMode === "captured"
                ? "rounded bg-amber-50 px-3 py-2 text-sm text-amber-900"
                : "rounded bg-slate-50 px-3 py-2 text-sm text-slate-700"
            }
          >
            {t(data.linkMode === "captured" ? "links.captured" : "links.redacted")}
          </p>
          {data.html === null ? (
            <p className="rounded bg-slate-50 px-3 py-2 text-sm text-slate-700">{t("detail.notRendered")}</p>
          ) : (
            <>
              <h3 className="font-semibold">{t("detail.html")}</h3>
              <iframe
                sandbox=""
                srcDoc={data.html}
                title={t("detail.htmlFrame", { subject: data.subject ?? "" })}
                className="h-[32rem] w-full rounded border border-slate-200 bg-white"
              />
              <h3 className="font-semibold">{t("detail.text")}</h3>
              <pre className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">
                {data.text}
              </pre>
            </>
          )}
          <h3 className="font-semibold">{t("detail.headers")}</h3>
          {Object.keys(data.headers).length === 0 ? (
            <p className="text-sm text-slate-600">{t("detail.noHeaders")}</p>
          ) : (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 font-mono text-xs">
              {Object.entries(data.headers).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="font-semibold">{name}</dt>
                  <dd className="break-all">{String(value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}
    </section>
  );
}
