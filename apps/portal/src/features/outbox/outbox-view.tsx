"use client";

import { useQueries } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type OutboxStatus, outboxStatuses } from "../../server/routers/outbox/outbox.schema";
import { useTRPC } from "../../trpc/react";
import { OutboxDetail } from "./outbox-detail";
import { OutboxTable } from "./outbox-table";

const PAGE_SIZE = 50;

/** The outbox for the DPO: newest first, filter by status, "load more" by keyset, one message in detail. */
export function OutboxView() {
  const t = useTranslations("outbox");
  const trpc = useTRPC();
  const [status, setStatus] = useState<OutboxStatus | "">("");
  const [pageKeys, setPageKeys] = useState<Array<string | null>>([null]);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const pages = useQueries({
    queries: pageKeys.map((afterId) =>
      trpc.outbox.list.queryOptions({ status: status || undefined, afterId, limit: PAGE_SIZE }),
    ),
  });
  const rows = pages.flatMap((page) => page.data?.rows ?? []);
  const nextAfterId = pages[pages.length - 1]?.data?.nextAfterId ?? null;
  const error = pages.find((page) => page.error)?.error;
  const loading = pages.some((page) => page.isLoading);

  return (
    <div className="space-y-4">
      <label className="flex items-center gap-2 text-sm">
        <span className="font-medium">{t("statusFilter")}</span>
        <select
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as OutboxStatus | "");
            setPageKeys([null]);
          }}
          className="rounded border border-slate-300 bg-white px-2 py-1"
        >
          <option value="">{t("allStatuses")}</option>
          {outboxStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`statuses.${value}`)}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {error.message}
        </p>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" aria-busy={loading}>
        <OutboxTable rows={rows} selectedId={selectedId} onSelect={setSelectedId} />
        {!loading && rows.length === 0 && !error && (
          <p className="px-3 py-6 text-center text-slate-600">{t("empty")}</p>
        )}
        {loading && <p className="px-3 py-6 text-center text-slate-600">{t("loading")}</p>}
      </div>
      {nextAfterId !== null && (
        <button
          type="button"
          disabled={loading}
          onClick={() => setPageKeys((keys) => (keys.includes(nextAfterId) ? keys : [...keys, nextAfterId]))}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-50"
        >
          {t("loadMore")}
        </button>
      )}
      {selectedId && <OutboxDetail key={selectedId} id={selectedId} onClose={() => setSelectedId(null)} />}
    </div>
  );
}
