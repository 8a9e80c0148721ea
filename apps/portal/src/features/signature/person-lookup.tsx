"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../trpc/react";
import { type CreatedPerson, CreatePersonForm, useDebounced } from "../persons/create-person-form";

/**
 * Step one on the tablet: find the visitor by name or e-mail, or create them on the spot. Only
 * names are shown; no light, organization or other staff data reaches the visitor's screen.
 */
export function PersonLookup({
  staffLocale,
  onChoose,
}: {
  staffLocale: "de" | "en";
  onChoose: (person: CreatedPerson) => void;
}) {
  const t = useTranslations("signature");
  const trpc = useTRPC();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search.trim());
  const results = useQuery({
    ...trpc.persons.list.queryOptions({ search: debounced, limit: 10 }),
    enabled: debounced.length >= 2 && !creating,
  });

  if (creating)
    return (
      <section aria-labelledby="new-person" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-person" className="mb-3 text-xl font-semibold">
          {t("newPerson")}
        </h2>
        <CreatePersonForm
          compact
          defaultLanguage={staffLocale}
          onCreated={onChoose}
          onCancel={() => setCreating(false)}
        />
      </section>
    );

  const rows = debounced.length >= 2 ? (results.data?.rows ?? []) : [];
  return (
    <section
      aria-labelledby="find-person"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="find-person" className="text-xl font-semibold">
        {t("findTitle")}
      </h2>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("searchLabel")}</span>
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoComplete="off"
          className="min-h-11 w-full rounded border border-slate-300 bg-white px-3 py-2 text-lg"
        />
      </label>
      <div aria-live="polite">
        {results.isFetching && <p className="text-sm text-slate-500">{t("searching")}</p>}
        {debounced.length >= 2 && results.isSuccess && rows.length === 0 && (
          <p className="text-sm">{t("noMatch")}</p>
        )}
        {rows.length > 0 && (
          <ul className="grid gap-2 sm:grid-cols-2">
            {rows.map((person) => {
              const name = `${person.firstName} ${person.lastName}`;
              return (
                <li key={person.id}>
                  <button
                    type="button"
                    aria-label={t("choose", { name })}
                    onClick={() =>
                      onChoose({ id: person.id, firstName: person.firstName, lastName: person.lastName })
                    }
                    className="min-h-11 w-full rounded border border-slate-300 bg-slate-50 px-4 py-3 text-left text-lg hover:bg-blue-50"
                  >
                    {name}
                  </button>
                </li>
              );
            })}
          </ul>
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
