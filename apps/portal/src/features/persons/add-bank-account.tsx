"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { RetentionClassFields, retentionFromForm } from "./retention-class";

const inputClass = "w-full rounded border border-slate-300 bg-white px-3 py-2";
const labelClass = "mb-1 block text-sm font-medium";

/** Adds a bank account (IBAN checked on the server) with its retention class, if it has one. */
export function AddBankAccount({ personId }: { personId: string }) {
  const t = useTranslations("retentionClass");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const add = useMutation(
    trpc.persons.addBankAccount.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    add.mutate({
      personId,
      iban: text("iban"),
      bic: text("bic") || undefined,
      accountHolder: text("accountHolder"),
      ...retentionFromForm(form),
    });
  }

  if (!open)
    return (
      <button
        type="button"
        onClick={() => {
          add.reset();
          setOpen(true);
        }}
        className="mt-4 min-h-11 rounded border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50"
      >
        {t("addBankAccount")}
      </button>
    );
  return (
    <form
      onSubmit={submit}
      className="mt-4 grid gap-3 rounded border border-slate-200 p-3"
      data-testid="add-bank-account"
    >
      <label>
        <span className={labelClass}>{t("iban")}</span>
        <input name="iban" required maxLength={60} autoComplete="off" className={`${inputClass} font-mono`} />
      </label>
      <label>
        <span className={labelClass}>{t("bic")}</span>
        <input name="bic" maxLength={11} autoComplete="off" className={`${inputClass} font-mono`} />
      </label>
      <label>
        <span className={labelClass}>{t("accountHolder")}</span>
        <input name="accountHolder" required maxLength={200} autoComplete="off" className={inputClass} />
      </label>
      <RetentionClassFields defaultClass={null} defaultDate={null} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={add.isPending}
          className="min-h-11 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {add.isPending ? t("saving") : t("add")}
        </button>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="min-h-11 rounded border border-slate-300 px-4 py-2"
        >
          {t("cancel")}
        </button>
        <span aria-live="polite" className="text-sm">
          {add.error && (
            <span className="block rounded bg-red-50 px-2 py-1 text-red-800">{add.error.message}</span>
          )}
        </span>
      </div>
    </form>
  );
}
