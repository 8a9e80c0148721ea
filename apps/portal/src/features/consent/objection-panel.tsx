"use client";

import { type Channel, channels, type StaffRecordSource, staffRecordSources } from "@purposeful/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";

/**
 * Art. 21(2),(3) GDPR: the person's objection to direct marketing, per channel. It can be recorded at
 * any time, also before any record exists; lifting it needs the person's own statement (a note).
 */
export function ObjectionPanel({ personId, objected }: { personId: string; objected: Channel[] }) {
  const t = useTranslations("objection");
  const tc = useTranslations("channels");
  const ts = useTranslations("sources");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const change = useMutation(trpc.records.objection.mutationOptions());
  const [selected, setSelected] = useState<Channel[]>(objected);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setDone(false);
    await change.mutateAsync({
      personId,
      add: selected.filter((c) => !objected.includes(c)),
      lift: objected.filter((c) => !selected.includes(c)),
      source: form.get("source") as StaffRecordSource,
      note: ((form.get("note") as string) ?? "").trim() || null,
    });
    setDone(true);
    // The request panel and the record options depend on the objection too.
    await queryClient.invalidateQueries({ queryKey: trpc.consentRequests.options.queryKey({ personId }) });
    await queryClient.invalidateQueries({ queryKey: trpc.records.options.queryKey({ personId }) });
    router.refresh();
  }

  const unchanged = selected.length === objected.length && selected.every((c) => objected.includes(c));
  const lifting = objected.some((c) => !selected.includes(c));
  const input = "w-full rounded border border-slate-300 bg-white px-3 py-2";
  return (
    <section aria-labelledby="dm-objection" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="dm-objection" className="mb-1 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("explanation")}</p>
      <form onSubmit={submit} className="grid gap-4 md:grid-cols-2">
        <fieldset className="md:col-span-2">
          <legend className="mb-1 text-sm font-medium">{t("channels")}</legend>
          <div className="flex flex-wrap gap-4">
            {channels.map((channel) => (
              <label key={channel} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={selected.includes(channel)}
                  onChange={(e) =>
                    setSelected((current) =>
                      e.target.checked ? [...current, channel] : current.filter((c) => c !== channel),
                    )
                  }
                />
                {tc(channel)}
              </label>
            ))}
            <button
              type="button"
              onClick={() => setSelected([...channels])}
              className="text-sm text-blue-700 underline"
            >
              {t("allChannels")}
            </button>
          </div>
        </fieldset>
        <label>
          <span className="mb-1 block text-sm font-medium">{t("source")}</span>
          <select name="source" defaultValue="phone" className={input}>
            {staffRecordSources.map((source) => (
              <option key={source} value={source}>
                {ts(source)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="mb-1 block text-sm font-medium">{lifting ? t("noteRequired") : t("note")}</span>
          <input name="note" required={lifting} className={input} />
        </label>
        <div className="flex items-center gap-4 md:col-span-2">
          <button
            type="submit"
            disabled={change.isPending || unchanged}
            className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
          >
            {t("save")}
          </button>
          <div aria-live="polite" className="text-sm">
            {change.error && (
              <p className="rounded bg-red-50 px-3 py-2 text-red-800">{change.error.message}</p>
            )}
            {done && <p className="rounded bg-green-50 px-3 py-2 text-green-900">{t("saved")}</p>}
          </div>
        </div>
      </form>
    </section>
  );
}
