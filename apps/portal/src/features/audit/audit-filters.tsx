"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { actionLabel } from "./audit-format";

export interface AuditFilterValues {
  actorId: string;
  action: string;
  from: string;
  to: string;
  personId: string;
}

export const emptyAuditFilters: AuditFilterValues = {
  actorId: "",
  action: "",
  from: "",
  to: "",
  personId: "",
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const fieldClass = "rounded border border-slate-300 bg-white px-3 py-2";

export function AuditFilters(props: {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
  actors: Array<{ id: string; name: string }>;
  actions: string[];
}) {
  const t = useTranslations();
  const [draft, setDraft] = useState(props.value);
  const personInvalid = draft.personId.trim() !== "" && !uuid.test(draft.personId.trim());
  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (personInvalid) return;
    props.onChange({ ...draft, personId: draft.personId.trim() });
  }
  function reset() {
    setDraft(emptyAuditFilters);
    props.onChange(emptyAuditFilters);
  }

  return (
    <search className="mb-4">
      <form
        onSubmit={submit}
        aria-label={t("audit.filters.label")}
        className="flex flex-wrap items-end gap-3 text-sm"
      >
        <label>
          <span className="mb-1 block font-medium">{t("audit.filters.actor")}</span>
          <select value={draft.actorId} onChange={set("actorId")} className={fieldClass}>
            <option value="">{t("audit.filters.anyActor")}</option>
            {props.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="mb-1 block font-medium">{t("audit.filters.action")}</span>
          <select value={draft.action} onChange={set("action")} className={fieldClass}>
            <option value="">{t("audit.filters.anyAction")}</option>
            {props.actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(t, action)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="mb-1 block font-medium">{t("audit.filters.from")}</span>
          <input type="date" value={draft.from} onChange={set("from")} className={fieldClass} />
        </label>
        <label>
          <span className="mb-1 block font-medium">{t("audit.filters.to")}</span>
          <input type="date" value={draft.to} onChange={set("to")} className={fieldClass} />
        </label>
        <label>
          <span className="mb-1 block font-medium">{t("audit.filters.person")}</span>
          <input
            type="text"
            value={draft.personId}
            onChange={set("personId")}
            placeholder="00000000-0000-0000-0000-000000000000"
            aria-invalid={personInvalid}
            aria-describedby={personInvalid ? "audit-person-error" : undefined}
            className={`${fieldClass} w-80 font-mono`}
          />
          {personInvalid && (
            <span id="audit-person-error" className="mt-1 block text-red-800">
              {t("audit.filters.personInvalid")}
            </span>
          )}
        </label>
        <button type="submit" className="rounded bg-blue-700 px-3 py-2 text-white hover:bg-blue-800">
          {t("audit.filters.apply")}
        </button>
        <button type="button" onClick={reset} className="rounded border border-slate-300 bg-white px-3 py-2">
          {t("audit.filters.reset")}
        </button>
      </form>
    </search>
  );
}
