"use client";

import { type RecordState, recordStates, type TrafficLight } from "@purposeful/domain";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

export interface PersonFilters {
  search: string;
  light: TrafficLight | undefined;
  purposeId: string | undefined;
  /** Only applies together with a purpose. */
  purposeState: RecordState | undefined;
}

const lights: TrafficLight[] = ["green", "yellow", "red"];

export function PersonsFilters(props: {
  filters: PersonFilters;
  onChange: (filters: PersonFilters) => void;
  counts: Record<TrafficLight, number> | undefined;
  purposes: Array<{ id: string; key: string; name: string | null }>;
}) {
  const t = useTranslations();
  const { filters, onChange, counts } = props;
  const [search, setSearch] = useState(filters.search);
  const total = counts ? counts.green + counts.yellow + counts.red : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ ...filters, search: search.trim() });
  }

  return (
    <div className="mb-4 flex flex-wrap items-end gap-4">
      <search>
        <form onSubmit={submit} className="flex items-end gap-2">
          <label>
            <span className="mb-1 block text-sm font-medium">{t("persons.searchLabel")}</span>
            <input
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder={t("persons.search")}
              className="w-72 rounded border border-slate-300 px-3 py-2"
            />
          </label>
          <button type="submit" className="rounded bg-blue-700 px-3 py-2 text-white hover:bg-blue-800">
            {t("persons.searchLabel")}
          </button>
        </form>
      </search>
      <label>
        <span className="mb-1 block text-sm font-medium">{t("persons.purposeFilter")}</span>
        <select
          value={filters.purposeId ?? ""}
          onChange={(event) =>
            onChange({
              ...filters,
              purposeId: event.target.value || undefined,
              purposeState: event.target.value ? filters.purposeState : undefined,
            })
          }
          className="rounded border border-slate-300 bg-white px-3 py-2"
        >
          <option value="">{t("persons.anyPurpose")}</option>
          {props.purposes.map((purpose) => (
            <option key={purpose.id} value={purpose.id}>
              {purpose.name ?? purpose.key}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="mb-1 block text-sm font-medium">{t("persons.stateFilter")}</span>
        <select
          value={filters.purposeState ?? ""}
          disabled={!filters.purposeId}
          title={filters.purposeId ? undefined : t("persons.stateFilterHint")}
          onChange={(event) =>
            onChange({
              ...filters,
              purposeState: (event.target.value || undefined) as RecordState | undefined,
            })
          }
          className="rounded border border-slate-300 bg-white px-3 py-2 disabled:opacity-50"
        >
          <option value="">{t("persons.anyState")}</option>
          {recordStates.map((state) => (
            <option key={state} value={state}>
              {t(`states.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex gap-1">
        <legend className="mb-1 text-sm font-medium">{t("persons.lightFilter")}</legend>
        <FilterChip
          active={!filters.light}
          onClick={() => onChange({ ...filters, light: undefined })}
          label={t("lights.all")}
          count={total}
        />
        {lights.map((light) => (
          <FilterChip
            key={light}
            active={filters.light === light}
            onClick={() => onChange({ ...filters, light })}
            label={t(`lights.${light}`)}
            count={counts?.[light]}
          />
        ))}
      </fieldset>
    </div>
  );
}

function FilterChip(props: {
  active: boolean;
  onClick: () => void;
  label: string;
  count: number | undefined;
}) {
  return (
    <button
      type="button"
      aria-pressed={props.active}
      onClick={props.onClick}
      className={`rounded-full border px-3 py-1.5 text-sm ${props.active ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
    >
      {props.label}
      {props.count !== undefined && (
        <span className="ml-1 tabular-nums opacity-80">({props.count.toLocaleString()})</span>
      )}
    </button>
  );
}
