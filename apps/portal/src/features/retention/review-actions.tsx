"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";

/** Approve (erase at level 3) or postpone (a later day and a reason) one person queued for review. */
export function ReviewActions({ personId, name }: { personId: string; name: string }) {
  const t = useTranslations("retention.review");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"idle" | "approve" | "postpone">("idle");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.retention.overview.queryKey() });
  const approve = useMutation(trpc.retention.approve.mutationOptions({ onSuccess: refresh }));
  const postpone = useMutation(trpc.retention.postpone.mutationOptions({ onSuccess: refresh }));
  const error = approve.error ?? postpone.error;

  function submitPostpone(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    postpone.mutate({
      personId,
      until: String(form.get("until") ?? ""),
      reason: String(form.get("reason") ?? ""),
    });
  }

  return (
    <div className="space-y-2">
      {mode === "idle" && (
        <div className="flex gap-2">
          <button
            type="button"
            onClick={() => setMode("approve")}
            className="rounded bg-red-700 px-2 py-1 text-xs font-medium text-white hover:bg-red-800"
          >
            {t("approve")}
          </button>
          <button
            type="button"
            onClick={() => setMode("postpone")}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50"
          >
            {t("postpone")}
          </button>
        </div>
      )}
      {mode === "approve" && (
        <fieldset aria-label={t("approveTitle", { name })} className="space-y-2 text-xs">
          <p>{t("approveConfirm", { name })}</p>
          <div className="flex gap-2">
            <button
              type="button"
              disabled={approve.isPending}
              onClick={() => approve.mutate({ personId })}
              className="rounded bg-red-700 px-2 py-1 font-medium text-white hover:bg-red-800 disabled:opacity-60"
            >
              {t("approveNow")}
            </button>
            <button type="button" onClick={() => setMode("idle")} className="rounded border px-2 py-1">
              {t("cancel")}
            </button>
          </div>
        </fieldset>
      )}
      {mode === "postpone" && (
        <form
          onSubmit={submitPostpone}
          aria-label={t("postponeTitle", { name })}
          className="space-y-2 text-xs"
        >
          <label className="block">
            <span className="font-medium">{t("until")}</span>
            <input
              name="until"
              type="date"
              required
              className="mt-1 block rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <label className="block">
            <span className="font-medium">{t("reason")}</span>
            <input
              name="reason"
              type="text"
              required
              maxLength={500}
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
            <button type="button" onClick={() => setMode("idle")} className="rounded border px-2 py-1">
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
