"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";

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
    <section aria-labelledby="check-history" className="space-y-2" data-testid="check-history">
      <h3 id="check-history" className="font-semibold">
        {t("history")}
      </h3>
      {history.isSuccess && rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("historyEmpty")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th className="py-1.5 pr-3 font-medium">{t("when")}</th>
              <th className="py-1.5 pr-3 font-medium">{t("who")}</th>
              <th className="py-1.5 pr-3 font-medium">{t("settings")}</th>
              <th className="py-1.5 pr-3 font-medium">{t("counts")}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      )}
    </section>
  );
}
