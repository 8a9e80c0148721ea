"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";

/**
 * Art. 5(1)(e) GDPR: until when the person's data is kept (computed from their records) and a
 * date set by hand with a reason, later by anyone, earlier by the DPO only; audited.
 */
export function PersonRetentionPanel({ personId }: { personId: string }) {
  const t = useTranslations("retention.person");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const facts = useQuery(trpc.retention.person.queryOptions({ personId }));
  const [saved, setSaved] = useState(false);
  const setDate = useMutation(
    trpc.retention.setDate.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.retention.person.queryKey({ personId }) });
      },
    }),
  );
  const day = (value: string) =>
    format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    setDate.mutate({
      personId,
      until: String(form.get("until") ?? ""),
      reason: String(form.get("reason") ?? ""),
    });
  }

  const data = facts.data;
  if (!data || data.erasedLevel >= 3) return null;
  const input = "w-full rounded border border-slate-300 bg-white px-3 py-2";
  return (
    <section aria-labelledby="person-retention" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="person-retention" className="mb-1 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm" data-testid="retain-until">
        {data.effectiveUntil ? t("keptUntil", { date: day(data.effectiveUntil) }) : t("noEnd")}
      </p>
      <p className="mb-3 text-sm text-slate-600">
        {data.retainUntil ? t("computed", { date: day(data.retainUntil) }) : t("computedOpen")}
        {data.manualUntil &&
          ` ${t("manual", { date: day(data.manualUntil), reason: data.manualReason ?? "" })}`}
        {data.reviewAt && ` ${t("underReview")}`}
        {data.restricted && ` ${t("restricted")}`}
      </p>
      <form onSubmit={submit} className="grid gap-4 md:grid-cols-3">
        <label>
          <span className="mb-1 block text-sm font-medium">{t("until")}</span>
          <input name="until" type="date" required className={input} />
        </label>
        <label className="md:col-span-2">
          <span className="mb-1 block text-sm font-medium">{t("reason")}</span>
          <input name="reason" type="text" required maxLength={500} className={input} />
        </label>
        <div className="flex flex-wrap items-center gap-3 md:col-span-3">
          <button
            type="submit"
            disabled={setDate.isPending}
            className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
          >
            {t("save")}
          </button>
          {data.manualUntil && (
            <button
              type="button"
              disabled={setDate.isPending}
              onClick={() => {
                setSaved(false);
                setDate.mutate({ personId, until: null, reason: "" });
              }}
              className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-50"
            >
              {t("remove")}
            </button>
          )}
          {saved && <span className="text-sm text-green-800">{t("saved")}</span>}
          {setDate.error && (
            <span role="alert" className="text-sm text-red-800">
              {setDate.error.message}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
