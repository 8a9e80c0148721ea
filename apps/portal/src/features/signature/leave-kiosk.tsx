"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";

/** Leaving kiosk mode asks for the signed-in staff user's password; a wrong one keeps the kiosk. */
export function LeaveKiosk({ staffName }: { staffName: string }) {
  const t = useTranslations("kiosk");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const leave = useMutation(trpc.kiosk.leave.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const left = await leave.mutateAsync({ password }).catch(() => null);
    setPassword("");
    if (!left) return;
    router.push("/persons");
    router.refresh();
  }

  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="inline-flex min-h-11 items-center px-3 text-sm text-blue-800 underline"
      >
        {t("leave")}
      </button>
    );
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-2 text-sm text-slate-700"
      data-testid="leave-kiosk"
    >
      <p className="w-full">{t("leaveHint", { name: staffName })}</p>
      <label className="flex flex-col">
        <span className="mb-1 font-medium">{t("password")}</span>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className="min-h-11 rounded border border-slate-300 bg-white px-3 py-2"
        />
      </label>
      <button
        type="submit"
        disabled={leave.isPending}
        className="min-h-11 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {leave.isPending ? t("leaving") : t("confirmLeave")}
      </button>
      <button
        type="button"
        onClick={() => {
          setOpen(false);
          setPassword("");
          leave.reset();
        }}
        className="min-h-11 rounded border border-slate-300 px-4 py-2"
      >
        {t("cancel")}
      </button>
      <div aria-live="polite" className="w-full">
        {leave.error && <p className="rounded bg-red-50 px-3 py-2 text-red-800">{leave.error.message}</p>}
      </div>
    </form>
  );
}
