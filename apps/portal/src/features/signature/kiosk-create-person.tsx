"use client";

import type { Language } from "@purposeful/domain";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";
import type { CreatedPerson } from "../persons/create-person-form";

const input = "min-h-11 w-full rounded border border-slate-300 bg-white px-3 py-2";
const label = "mb-1 block text-sm font-medium";

/**
 * Creates the visitor on the tablet (`kiosk.createPerson`): name, e-mail and language only, and no
 * duplicate list; an e-mail address that is already known is refused with a hint to look it up.
 */
export function KioskCreatePerson({
  defaultLanguage,
  defaultEmail,
  onCreated,
  onCancel,
}: {
  defaultLanguage: Language;
  defaultEmail: string;
  onCreated: (person: CreatedPerson) => void;
  onCancel: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [email, setEmail] = useState(defaultEmail);
  const create = useMutation(trpc.kiosk.createPerson.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => ((form.get(name) as string | null) ?? "").trim();
    const person = await create
      .mutateAsync({
        firstName: text("firstName"),
        lastName: text("lastName"),
        email: email.trim() || undefined,
        preferredLanguage: text("preferredLanguage") === "en" ? "en" : "de",
      })
      // The error is shown below the form.
      .catch(() => null);
    if (person) onCreated(person);
  }

  return (
    <form onSubmit={submit} className="grid gap-4" data-testid="create-person">
      <label>
        <span className={label}>{t("createPerson.firstName")}</span>
        <input name="firstName" required maxLength={100} autoComplete="off" className={input} />
      </label>
      <label>
        <span className={label}>{t("createPerson.lastName")}</span>
        <input name="lastName" required maxLength={100} autoComplete="off" className={input} />
      </label>
      <label>
        <span className={label}>{t("createPerson.email")}</span>
        <input
          type="email"
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="off"
          className={input}
        />
      </label>
      <label>
        <span className={label}>{t("createPerson.preferredLanguage")}</span>
        <select name="preferredLanguage" defaultValue={defaultLanguage} className={input}>
          <option value="de">{t("languages.de")}</option>
          <option value="en">{t("languages.en")}</option>
        </select>
      </label>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={create.isPending}
          className="min-h-11 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {create.isPending ? t("createPerson.saving") : t("createPerson.submit")}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="min-h-11 rounded border border-slate-300 px-4 py-2"
        >
          {t("createPerson.cancel")}
        </button>
        <div aria-live="polite" className="text-sm">
          {create.error && <p className="rounded bg-red-50 px-3 py-2 text-red-800">{create.error.message}</p>}
        </div>
      </div>
    </form>
  );
}
