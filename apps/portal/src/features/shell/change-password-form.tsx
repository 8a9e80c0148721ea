"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";

const inputClass = "w-full rounded border border-slate-300 px-3 py-2";

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("changePassword");
  const trpc = useTRPC();
  const router = useRouter();
  const [mismatch, setMismatch] = useState(false);
  // Every session ends with the change, so the next step is signing in with the new password.
  const change = useMutation(
    trpc.me.changePassword.mutationOptions({
      onSuccess: () => {
        router.replace("/sign-in?changed=1");
        router.refresh();
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword"));
    setMismatch(newPassword !== String(form.get("repeat")));
    if (newPassword !== String(form.get("repeat"))) return;
    change.mutate({ currentPassword: String(form.get("currentPassword")), newPassword });
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("current")}</span>
        <input
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("new")}</span>
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={128}
          className={inputClass}
        />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("repeat")}</span>
        <input
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={128}
          className={inputClass}
        />
      </label>
      <div aria-live="polite">
        {(mismatch || change.error) && (
          <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
            {mismatch ? t("mismatch") : change.error?.message}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={change.isPending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {change.isPending ? t("saving") : t("submit")}
      </button>
    </form>
  );
}
