"use client";

import type { Language } from "@purposeful/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";
import type { CreatedPerson } from "../persons/create-person-form";
import { KioskCreatePerson } from "./kiosk-create-person";

/**
 * Step one on the tablet: the visitor types their full e-mail address and is found by exactly that
 * address (`kiosk.findPerson`), or is created on the spot. There is no name or prefix search, so the
 * screen never lists anyone else; only the one matching name is shown.
 */
export function PersonLookup({
  staffLocale,
  onChoose,
}: {
  staffLocale: Language;
  onChoose: (person: CreatedPerson) => void;
}) {
  const t = useTranslations("signature");
  const trpc = useTRPC();
  const [creating, setCreating] = useState(false);
  const [email, setEmail] = useState("");
  const [submitted, setSubmitted] = useState<string | null>(null);
  const found = useQuery({
    ...trpc.kiosk.findPerson.queryOptions({ email: submitted ?? "" }),
    enabled: submitted !== null && !creating,
  });

  if (creating)
    return (
      <section aria-labelledby="new-person" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-person" className="mb-3 text-xl font-semibold">
          {t("newPerson")}
        </h2>
        <KioskCreatePerson
          defaultLanguage={staffLocale}
          defaultEmail={submitted ?? ""}
          onCreated={onChoose}
          onCancel={() => setCreating(false)}
        />
      </section>
    );

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(email.trim());
  }

  const person = submitted !== null ? found.data : undefined;
  return (
    <section
      aria-labelledby="find-person"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="find-person" className="text-xl font-semibold">
        {t("findTitle")}
      </h2>
      <form onSubmit={search} className="flex flex-wrap items-end gap-2">
        <label className="min-w-64 flex-1">
          <span className="mb-1 block text-sm font-medium">{t("searchLabel")}</span>
          <input
            type="email"
            required
            maxLength={254}
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              setSubmitted(null);
            }}
            autoComplete="off"
            className="min-h-11 w-full rounded border border-slate-300 bg-white px-3 py-2 text-lg"
          />
        </label>
        <button
          type="submit"
          className="min-h-11 rounded border border-slate-300 bg-slate-50 px-4 py-2 font-medium hover:bg-blue-50"
        >
          {t("search")}
        </button>
      </form>
      <p className="text-sm text-slate-600">{t("lookupHint")}</p>
      <div aria-live="polite">
        {found.isError && (
          <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">{found.error.message}</p>
        )}
        {person === null && <p className="text-sm">{t("noMatch")}</p>}
        {person && (
          <button
            type="button"
            onClick={() => onChoose(person)}
            className="min-h-11 w-full rounded border border-slate-300 bg-slate-50 px-4 py-3 text-left text-lg hover:bg-blue-50"
          >
            {t("choose", { name: `${person.firstName} ${person.lastName}` })}
          </button>
        )}
      </div>
      <button
        type="button"
        onClick={() => setCreating(true)}
        className="min-h-11 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
      >
        {t("newPerson")}
      </button>
    </section>
  );
}
