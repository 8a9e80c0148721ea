"use client";

import { staffRoles } from "@purposeful/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";

export function CreateStaffForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(
    trpc.staff.create.mutationOptions({
      onSuccess: async (_, input) => {
        setDone(t("staff.created", { name: input.name }));
        await queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() });
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setDone(null);
    create.mutate(
      {
        name: String(form.get("name")),
        email: String(form.get("email")),
        role: form.get("role") as (typeof staffRoles)[number],
        locale: form.get("locale") === "en" ? "en" : "de",
        password: String(form.get("password")),
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  const input = "w-full rounded border border-slate-300 px-3 py-2";
  return (
    <form
      onSubmit={submit}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
      aria-labelledby="create-staff"
    >
      <h2 id="create-staff" className="text-lg font-semibold sm:col-span-2 lg:col-span-3">
        {t("staff.create")}
      </h2>
      <label>
        <span className="mb-1 block text-sm font-medium">{t("staff.name")}</span>
        <input name="name" required minLength={2} className={input} />
      </label>
      <label>
        <span className="mb-1 block text-sm font-medium">{t("staff.email")}</span>
        <input name="email" type="email" required className={input} />
      </label>
      <label>
        <span className="mb-1 block text-sm font-medium">{t("staff.password")}</span>
        <input
          name="password"
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
          className={input}
        />
      </label>
      <label>
        <span className="mb-1 block text-sm font-medium">{t("staff.role")}</span>
        <select name="role" defaultValue="staff" className={input}>
          {staffRoles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="mb-1 block text-sm font-medium">{t("staff.language")}</span>
        <select name="locale" defaultValue="de" className={input}>
          <option value="de">{t("languages.de")}</option>
          <option value="en">{t("languages.en")}</option>
        </select>
      </label>
      <div className="flex items-end">
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {create.isPending ? t("staff.saving") : t("staff.save")}
        </button>
      </div>
      <div aria-live="polite" className="sm:col-span-2 lg:col-span-3">
        {create.error && (
          <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">{create.error.message}</p>
        )}
        {done && <p className="rounded bg-green-50 px-3 py-2 text-sm text-green-900">{done}</p>}
      </div>
    </form>
  );
}
