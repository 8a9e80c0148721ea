"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";
import { HistoryTable } from "./history-table";

/** The list's last checks, newest first: when, by whom, which purposes and channel, the counts. */
export function ListCheckHistory({
  listId,
  purposeNames,
}: {
  listId: string;
  purposeNames: Map<string, string>;
}) {
  const t = useTranslations("listCheck");
  const tr = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const history = useQuery(trpc.lists.checks.queryOptions({ listId, limit: 10 }));
  const rows = history.data ?? [];

  return (
    <HistoryTable
      id="check-history"
      testId="check-history"
      title={t("history")}
      empty={history.isSuccess && rows.length === 0 ? t("historyEmpty") : null}
      columns={[t("when"), t("who"), t("settings"), t("counts")]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-slate-100">
          <td className="py-1.5 pr-3">
            {format.dateTime(row.checkedAt, { dateStyle: "medium", timeStyle: "short" })}
          </td>
          <td className="py-1.5 pr-3">{row.actorName ?? "—"}</td>
          <td className="py-1.5 pr-3">
            {row.purposeIds.map((id) => purposeNames.get(id) ?? id).join(", ")} /{" "}
            {tr(`channels.${row.channel}`)}
          </td>
          <td className="py-1.5 pr-3 tabular-nums">
            {format.number(row.admissible)} / {format.number(row.total)}
          </td>
        </tr>
      ))}
    </HistoryTable>
  );
}
