"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../trpc/react";
import { buttonClass, inputClass } from "./case-format";
import { PersonPicker, type PickedPerson } from "./person-picker";

const lights = ["green", "yellow", "red"] as const;

/**
 * Issue 11 #6: the persons a breach concerns, linked by hand, from a marketing list, or from the
 * persons list's filter (a purpose, a light, a search) — set-based on the server, each once.
 */
export function LinkIncidentPersons({ incidentId, onLinked }: { incidentId: string; onLinked: () => void }) {
  const t = useTranslations("incidents.link");
  const tl = useTranslations("lights");
  const trpc = useTRPC();
  const [mode, setMode] = useState<"hand" | "list" | "filter">("hand");
  const [picked, setPicked] = useState<PickedPerson[]>([]);
  const [listId, setListId] = useState("");
  const [purposeId, setPurposeId] = useState("");
  const [light, setLight] = useState("");
  const [search, setSearch] = useState("");
  const lists = useQuery({ ...trpc.lists.list.queryOptions({ limit: 200 }), enabled: mode === "list" });
  const purposes = useQuery({ ...trpc.purposes.options.queryOptions(), enabled: mode === "filter" });
  const link = useMutation(
    trpc.incidents.linkPersons.mutationOptions({
      onSuccess: () => {
        setPicked([]);
        onLinked();
      },
    }),
  );

  function submit() {
    if (mode === "list") link.mutate({ incidentId, listId });
    else if (mode === "filter")
      link.mutate({
        incidentId,
        filter: {
          purposeId: purposeId || undefined,
          light: (light || undefined) as (typeof lights)[number] | undefined,
          search: search.trim() || undefined,
        },
      });
  }

  return (
    <div className="mt-3 space-y-2 border-t border-slate-200 pt-3 text-sm" data-testid="link-persons">
      <div role="radiogroup" aria-label={t("how")} className="flex flex-wrap gap-3">
        {(["hand", "list", "filter"] as const).map((value) => (
          <label key={value} className="flex items-center gap-1">
            <input type="radio" name="link-mode" checked={mode === value} onChange={() => setMode(value)} />
            {t(value)}
          </label>
        ))}
      </div>
      {mode === "hand" && (
        <PersonPicker
          value={picked}
          label={t("hand")}
          onChange={(persons) => {
            const added = persons.filter((p) => !picked.some((q) => q.id === p.id));
            setPicked(persons);
            const [person] = added;
            if (person) link.mutate({ incidentId, personIds: [person.id] });
          }}
        />
      )}
      {mode === "list" && (
        <select
          className={inputClass}
          aria-label={t("list")}
          value={listId}
          onChange={(event) => setListId(event.target.value)}
        >
          <option value="">{t("chooseList")}</option>
          {(lists.data?.rows ?? []).map((list) => (
            <option key={list.id} value={list.id}>
              {list.name} ({list.memberCount})
            </option>
          ))}
        </select>
      )}
      {mode === "filter" && (
        <div className="space-y-2">
          <select
            className={inputClass}
            aria-label={t("purpose")}
            value={purposeId}
            onChange={(event) => setPurposeId(event.target.value)}
          >
            <option value="">{t("anyPurpose")}</option>
            {(purposes.data ?? []).map((purpose) => (
              <option key={purpose.id} value={purpose.id}>
                {purpose.name ?? purpose.key}
              </option>
            ))}
          </select>
          <select
            className={inputClass}
            aria-label={t("light")}
            value={light}
            onChange={(event) => setLight(event.target.value)}
          >
            <option value="">{t("anyLight")}</option>
            {lights.map((value) => (
              <option key={value} value={value}>
                {tl(value)}
              </option>
            ))}
          </select>
          <input
            className={inputClass}
            aria-label={t("search")}
            placeholder={t("search")}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      )}
      {mode !== "hand" && (
        <button
          type="button"
          className={buttonClass}
          disabled={link.isPending || (mode === "list" && !listId)}
          onClick={submit}
        >
          {t("submit")}
        </button>
      )}
      {link.data && (
        <p role="status" className="text-green-900">
          {t("linked", { count: link.data.added })}
        </p>
      )}
      {link.error && (
        <p role="alert" className="text-red-800">
          {link.error.message}
        </p>
      )}
    </div>
  );
}
