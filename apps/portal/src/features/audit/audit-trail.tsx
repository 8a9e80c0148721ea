"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../trpc/react";
import { AuditFilters, type AuditFilterValues, emptyAuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { AuditVerify } from "./audit-verify";

const PAGE_SIZE = 50;

/** The whole audit trail for the DPO: filters, newest first, "load more" by keyset on the id. */
export function AuditTrail({ initialPersonId }: { initialPersonId?: string }) {
  const t = useTranslations("audit");
  const trpc = useTRPC();
  const [filters, setFilters] = useState<AuditFilterValues>({
    ...emptyAuditFilters,
    personId: initialPersonId ?? "",
  });
  // The keyset of every page loaded so far: null for the newest page, then each page's last id.
  const [pageKeys, setPageKeys] = useState<Array<number | null>>([null]);
  const actors = useQuery(trpc.audit.actors.queryOptions());
  const actions = useQuery(trpc.audit.actions.queryOptions());

  const input = {
    actorId: filters.actorId || undefined,
    action: filters.action || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    personId: filters.personId || undefined,
    limit: PAGE_SIZE,
  };
  const pages = useQueries({
    queries: pageKeys.map((beforeId) => trpc.audit.list.queryOptions({ ...input, beforeId })),
  });
  const rows = pages.flatMap((page) => page.data?.rows ?? []);
  const last = pages[pages.length - 1];
  const nextBeforeId = last?.data?.nextBeforeId ?? null;
  const error = pages.find((page) => page.error)?.error;
  const loading = pages.some((page) => page.isLoading);

  function changeFilters(next: AuditFilterValues) {
    setFilters(next);
    setPageKeys([null]);
  }

  return (
    <div className="space-y-4">
      <AuditVerify />
      <AuditFilters
        key={initialPersonId ?? ""}
        value={filters}
        onChange={changeFilters}
        actors={actors.data ?? []}
        actions={actions.data ?? []}
      />
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {error.message}
        </p>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" aria-busy={loading}>
        <AuditTable rows={rows} />
        {!loading && rows.length === 0 && !error && (
          <p className="px-3 py-6 text-center text-slate-600">{t("empty")}</p>
        )}
        {loading && <p className="px-3 py-6 text-center text-slate-600">{t("loading")}</p>}
      </div>
      {nextBeforeId !== null && (
        <button
          type="button"
          disabled={loading}
          onClick={() =>
            setPageKeys((keys) => (keys.includes(nextBeforeId) ? keys : [...keys, nextBeforeId]))
          }
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-50"
        >
          {t("loadMore")}
        </button>
      )}
    </div>
  );
}
