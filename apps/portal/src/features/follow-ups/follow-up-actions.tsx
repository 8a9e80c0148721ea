"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";

/** Done, or postponed to a later day with a reason, inline in the list. */
export function FollowUpActions({ followUpId, title }: { followUpId: string; title: string }) {
  const t = useTranslations("followUps");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [postponing, setPostponing] = useState(false);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.followUps.mine.queryKey() });
    // The header's count is rendered on the server.
    router.refresh();
  };
  const done = useMutation(trpc.followUps.done.mutationOptions({ onSuccess: refresh }));
  const postpone = useMutation(trpc.followUps.postpone.mutationOptions({ onSuccess: refresh }));
  const error = done.error ?? postpone.error;

  function submitPostpone(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    postpone.mutate({
      followUpId,
      dueOn: String(form.get("dueOn") ?? ""),
      reason: String(form.get("reason") ?? ""),
    });
  }

  const small = "rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50";
  return (
    <div className="space-y-2">
      {!postponing && (
        <div className="flex gap-2">
          <button
            type="button"
            disabled={done.isPending}
            onClick={() => done.mutate({ followUpId })}
            aria-label={t("doneLabel", { title })}
            className="rounded bg-green-700 px-2 py-1 text-xs font-medium text-white hover:bg-green-800 disabled:opacity-60"
          >
            {t("done")}
          </button>
          <button type="button" onClick={() => setPostponing(true)} className={small}>
            {t("postpone")}
          </button>
        </div>
      )}
      {postponing && (
        <form
          onSubmit={submitPostpone}
          aria-label={t("postponeLabel", { title })}
          className="space-y-2 text-xs"
        >
          <label className="block">
            <span className="font-medium">{t("fields.newDueOn")}</span>
            <input
              name="dueOn"
              type="date"
              required
              className="mt-1 block rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="block">
            <span className="font-medium">{t("fields.reason")}</span>
            <input
              name="reason"
              required
              maxLength={2000}
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={postpone.isPending}
              className="rounded bg-blue-700 px-2 py-1 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
            >
              {t("postponeNow")}
            </button>
            <button type="button" onClick={() => setPostponing(false)} className={small}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-xs text-red-800">
          {error.message}
        </p>
      )}
    </div>
  );
}
