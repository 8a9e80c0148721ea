"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";
import { LetterLinks } from "./consent-campaign-progress";
import { HistoryTable } from "./history-table";

/** Issue 8 #7: the list's consent requests, newest first: when, by whom, for what, with their counts. */
export function ConsentCampaignHistory({
  listId,
  purposeNames,
}: {
  listId: string;
  purposeNames: Map<string, string>;
}) {
  const t = useTranslations("consentCampaign");
  const tr = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const history = useQuery(trpc.campaigns.history.queryOptions({ listId, limit: 10 }));
  const rows = history.data ?? [];
  return (
    <HistoryTable
      id="campaign-history"
      testId="campaign-history"
      title={t("history")}
      empty={history.isSuccess && rows.length === 0 ? t("historyEmpty") : null}
      columns={[t("when"), t("who"), t("asked"), t("counts"), t("state")]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-slate-100" data-campaign={row.id}>
          <td className="py-1.5 pr-3">
            {format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}
          </td>
          <td className="py-1.5 pr-3">{row.actorName ?? "—"}</td>
          <td className="py-1.5 pr-3">
            {row.askedPurposeIds.map((id) => purposeNames.get(id) ?? id).join(", ")} /{" "}
            {tr(`channels.${row.channel}`)}
            {row.includeRefusals && <span className="ml-2 text-amber-800">{t("withRefusals")}</span>}
          </td>
          <td className="py-1.5 pr-3 tabular-nums">
            {t("countsLine", {
              email: row.counts.email,
              letter: row.counts.letter,
              excluded: row.counts.total - row.counts.email - row.counts.letter,
            })}
          </td>
          <td className="py-1.5 pr-3">
            {row.job ? t(`jobStates.${row.job.state}`) : "—"}
            {row.job?.state === "done" && row.counts.letter > 0 && (
              <LetterLinks campaignId={row.id} letters={row.counts.letter} />
            )}
          </td>
        </tr>
      ))}
    </HistoryTable>
  );
}
