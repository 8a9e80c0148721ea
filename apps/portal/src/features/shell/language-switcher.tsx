"use client";

import type { Language } from "@purposeful/domain";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";

export function LanguageSwitcher({ current }: { current: Language }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const setLocale = useMutation(trpc.me.setLocale.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <label className="flex items-center gap-1">
      <span className="sr-only">{t("nav.language")}</span>
      <select
        value={current}
        disabled={setLocale.isPending}
        onChange={(event) => setLocale.mutate({ locale: event.target.value === "en" ? "en" : "de" })}
        className="rounded border border-slate-300 bg-white px-2 py-1"
      >
        <option value="de">{t("languages.de")}</option>
        <option value="en">{t("languages.en")}</option>
      </select>
    </label>
  );
}
