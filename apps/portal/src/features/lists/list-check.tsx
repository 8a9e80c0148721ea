"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { type CheckChannel, type CheckSettings, checkChannels, exportHref, reasonKey } from "./check-reason";
import { ConsentCampaign } from "./consent-campaign";
import { ConsentCampaignHistory } from "./consent-campaign-history";
import { ListCheckHistory } from "./list-check-history";
import { ListCheckMembers } from "./list-check-members";

/**
 * Issue 8 #3/#4: "Check this list" for purposes and a channel; the summary by reason (a count filters
 * the members), the members with their verdict, the CSV export of the admissible ones, the history.
 */
export function ListCheck({ listId, mayIncludeRefusals }: { listId: string; mayIncludeRefusals: boolean }) {
  const t = useTranslations("listCheck");
  const tr = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const purposes = useQuery(trpc.purposes.options.queryOptions());
  const history = useQuery(trpc.lists.checks.queryOptions({ listId, limit: 10 }));
  const [chosen, setChosen] = useState<string[]>([]);
  const [channel, setChannel] = useState<CheckChannel>("email");
  const [settings, setSettings] = useState<CheckSettings | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [missingPurpose, setMissingPurpose] = useState(false);
  const check = useMutation(
    trpc.lists.check.mutationOptions({
      onSuccess: (_data, input) => {
        setSettings({ purposeIds: input.purposeIds, channel: input.channel as CheckChannel });
        setReason(null);
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.lists.checks.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.lists.checkMembers.queryKey() }),
        ]);
      },
    }),
  );
  const active = (purposes.data ?? []).filter((purpose) => purpose.active);
  const purposeNames = useMemo(
    () => new Map((purposes.data ?? []).map((purpose) => [purpose.id, purpose.name ?? purpose.key])),
    [purposes.data],
  );
  const last = history.data?.[0];
  const exportSettings: CheckSettings | null =
    settings ??
    (last && (checkChannels as readonly string[]).includes(last.channel)
      ? { purposeIds: last.purposeIds, channel: last.channel as CheckChannel }
      : null);
  const summary = check.data?.summary;
  const byReason = summary
    ? Object.entries(summary.byReason).sort(([a, x], [b, y]) => (y ?? 0) - (x ?? 0) || a.localeCompare(b))
    : [];

  return (
    <section aria-labelledby="list-check" className="space-y-4 rounded border border-slate-200 p-4">
      <h2 id="list-check" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setMissingPurpose(chosen.length === 0);
          if (chosen.length > 0) check.mutate({ listId, purposeIds: chosen, channel });
        }}
      >
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t("purposes")}</legend>
          {active.map((purpose) => (
            <label key={purpose.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={chosen.includes(purpose.id)}
                onChange={(event) =>
                  setChosen((ids) =>
                    event.target.checked ? [...ids, purpose.id] : ids.filter((id) => id !== purpose.id),
                  )
                }
              />
              {purpose.name ?? purpose.key}
            </label>
          ))}
        </fieldset>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("channel")}</span>
          <select
            value={channel}
            onChange={(event) => setChannel(event.target.value as CheckChannel)}
            className="rounded border border-slate-300 px-2 py-1.5"
          >
            {checkChannels.map((value) => (
              <option key={value} value={value}>
                {tr(`channels.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={check.isPending}
          className="rounded bg-blue-700 px-3 py-1.5 text-sm text-white disabled:opacity-50"
        >
          {check.isPending ? t("running") : t("run")}
        </button>
      </form>
      {(missingPurpose || check.error) && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {missingPurpose ? t("choosePurpose") : check.error?.message}
        </p>
      )}
      {summary && settings && (
        <div className="space-y-3" data-testid="check-summary">
          <p className="flex flex-wrap gap-4">
            <button
              type="button"
              onClick={() => setReason("admissible")}
              className="rounded bg-green-50 px-3 py-1 text-green-900 hover:underline"
              data-testid="check-admissible"
            >
              {t("admissible")}: {format.number(summary.admissible)}
            </button>
            <span className="rounded bg-red-50 px-3 py-1 text-red-900" data-testid="check-not-admissible">
              {t("notAdmissible")}: {format.number(summary.total - summary.admissible)}
            </span>
            <span className="text-sm text-slate-600">
              {t("ofTotal", {
                admissible: format.number(summary.admissible),
                total: format.number(summary.total),
              })}
            </span>
          </p>
          {byReason.length > 0 && (
            <table className="text-left text-sm">
              <caption className="text-left font-medium">{t("byReason")}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th className="py-1.5 pr-3 font-medium">{t("reason")}</th>
                  <th className="py-1.5 pr-3 font-medium">{t("count")}</th>
                </tr>
              </thead>
              <tbody>
                {byReason.map(([key, count]) => (
                  <tr key={key} data-reason={key} className="border-b border-slate-100">
                    <td className="py-1.5 pr-3">{tr(reasonKey(key))}</td>
                    <td className="py-1.5 pr-3 tabular-nums">
                      <button
                        type="button"
                        title={t("showReason")}
                        onClick={() => setReason(key)}
                        className="text-blue-800 hover:underline"
                      >
                        {format.number(count ?? 0)}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {summary.total > summary.admissible && (
            <ConsentCampaign
              key={`${settings.channel}:${settings.purposeIds.join(",")}:${check.data?.checkId}`}
              listId={listId}
              settings={settings}
              checkId={check.data?.checkId ?? null}
              mayIncludeRefusals={mayIncludeRefusals}
            />
          )}
          <ListCheckMembers
            listId={listId}
            settings={settings}
            reason={reason}
            onShowAll={() => setReason(null)}
          />
        </div>
      )}
      {exportSettings && (
        <p className="flex flex-wrap items-center gap-3 text-sm">
          <a
            href={exportHref(listId, exportSettings)}
            download
            className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
            data-testid="check-export"
          >
            {t("export")}
          </a>
          <span className="text-slate-600">{t("exportHint")}</span>
        </p>
      )}
      <ListCheckHistory listId={listId} purposeNames={purposeNames} />
      <ConsentCampaignHistory listId={listId} purposeNames={purposeNames} />
    </section>
  );
}
