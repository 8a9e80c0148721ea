"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";
import { type CheckSettings, reasonKey } from "./check-reason";

const PAGE_SIZE = 50;

/** The checked members by name with their verdict in words; keyset "load more"; one verdict or all. */
export function ListCheckMembers({
  listId,
  settings,
  reason,
  onShowAll,
}: {
  listId: string;
  settings: CheckSettings;
  reason: string | null;
  onShowAll: () => void;
}) {
  const t = useTranslations("listCheck");
  const tr = useTranslations();
  const trpc = useTRPC();
  const members = useInfiniteQuery(
    trpc.lists.checkMembers.infiniteQueryOptions(
      { listId, ...settings, reason, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const rows = members.data?.pages.flatMap((page) => page.rows) ?? [];

  return (
    <div className="space-y-2" data-testid="check-members">
      {reason && (
        <p className="flex items-center gap-3 text-sm">
          <span data-testid="check-filter">{t("filteredBy", { reason: tr(reasonKey(reason)) })}</span>
          <button type="button" onClick={onShowAll} className="text-blue-800 hover:underline">
            {t("showAll")}
          </button>
        </p>
      )}
      {members.error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {members.error.message}
        </p>
      )}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th className="py-1.5 pr-3 font-medium">{t("member")}</th>
            <th className="py-1.5 pr-3 font-medium">{t("verdict")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.personId}
              data-reason={row.reason}
              data-admissible={row.admissible}
              className="border-b border-slate-100"
            >
              <td className="py-1.5 pr-3">
                <Link href={`/persons/${row.personId}`} className="text-blue-800 hover:underline">
                  {row.lastName}, {row.firstName}
                </Link>
              </td>
              <td className={`py-1.5 pr-3 ${row.admissible ? "text-green-800" : "text-red-900"}`}>
                <span aria-hidden="true" className="font-semibold">
                  {row.admissible ? "✓" : "✗"}
                </span>{" "}
                {row.admissible ? t("admissible") : tr(reasonKey(row.reason))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {members.isPending && <p className="text-sm text-slate-600">{t("loading")}</p>}
      {members.isSuccess && rows.length === 0 && <p className="text-sm text-slate-600">{t("noMembers")}</p>}
      {members.hasNextPage && (
        <button
          type="button"
          disabled={members.isFetchingNextPage}
          onClick={() => members.fetchNextPage()}
          className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50"
        >
          {members.isFetchingNextPage ? t("loading") : t("loadMore")}
        </button>
      )}
    </div>
  );
}
