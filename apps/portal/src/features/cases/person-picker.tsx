"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../trpc/react";
import { buttonClass, inputClass } from "./case-format";

export interface PickedPerson {
  id: string;
  firstName: string;
  lastName: string;
}

/** The persons a case is linked to: found by name or e-mail in the persons list, removable. */
export function PersonPicker({
  value,
  onChange,
  label,
}: {
  value: PickedPerson[];
  onChange: (persons: PickedPerson[]) => void;
  label: string;
}) {
  const t = useTranslations("requests.fields");
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const found = useQuery({
    ...trpc.persons.list.queryOptions({ search: search.trim(), limit: 8 }),
    enabled: search.trim().length >= 2,
  });
  const chosen = new Set(value.map((p) => p.id));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{label}</legend>
      <ul className="space-y-1" data-testid="linked-persons">
        {value.map((person) => (
          <li key={person.id} className="flex items-center gap-2 text-sm">
            <span>
              {person.lastName}, {person.firstName}
            </span>
            <button
              type="button"
              className="text-xs text-red-800 hover:underline"
              onClick={() => onChange(value.filter((p) => p.id !== person.id))}
            >
              {t("remove")}
            </button>
          </li>
        ))}
      </ul>
      <input
        type="search"
        className={inputClass}
        aria-label={t("searchPerson")}
        placeholder={t("searchPerson")}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {search.trim().length >= 2 && (
        <ul className="space-y-1">
          {(found.data?.rows ?? [])
            .filter((row) => row.erasedLevel < 3 && !chosen.has(row.id))
            .map((row) => (
              <li key={row.id} className="flex items-center gap-2 text-sm">
                <button
                  type="button"
                  className={buttonClass}
                  onClick={() => {
                    onChange([...value, { id: row.id, firstName: row.firstName, lastName: row.lastName }]);
                    setSearch("");
                  }}
                >
                  {t("add")}
                </button>
                <span>
                  {row.lastName}, {row.firstName}
                  {row.primaryEmail ? ` · ${row.primaryEmail}` : ""}
                </span>
              </li>
            ))}
        </ul>
      )}
    </fieldset>
  );
}
