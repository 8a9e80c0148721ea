"use client";

import { type Language, languages } from "@purposeful/domain";
import Link from "next/link";
import { useTranslations } from "next-intl";

export const caseListStates = ["open", "closed", "all"] as const;
export type CaseListState = (typeof caseListStates)[number];

/** A failure in the user's language (the server's message), announced to screen readers. */
export function ErrorAlert({ error }: { error: { message: string } | null | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
      {error.message}
    </p>
  );
}

/** A case page before its data arrived: the error if loading failed, else a placeholder. */
export function CaseLoading({ error }: { error: { message: string } | null | undefined }) {
  return error ? <ErrorAlert error={error} /> : <p>…</p>;
}

/** The case lists' head: open / closed / all, and the button that records a new case. */
export function CaseListToolbar({
  label,
  state,
  onState,
  newHref,
  newLabel,
}: {
  label: string;
  state: CaseListState;
  onState: (state: CaseListState) => void;
  newHref: string;
  newLabel: string;
}) {
  const t = useTranslations("requests.state");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div role="tablist" aria-label={label} className="flex gap-1">
        {caseListStates.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={state === s}
            onClick={() => onState(s)}
            className={`rounded px-3 py-1 text-sm ${state === s ? "bg-slate-900 text-white" : "bg-white hover:bg-slate-100"}`}
          >
            {t(s)}
          </button>
        ))}
      </div>
      <Link
        href={newHref}
        className="ml-auto rounded bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700"
      >
        {newLabel}
      </Link>
    </div>
  );
}

/** The language a mail to the requester goes out in (the linked person's by default). */
export function LanguageSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Language;
  onChange: (language: Language) => void;
}) {
  const tl = useTranslations("languages");
  return (
    <select
      className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as Language)}
    >
      {languages.map((language) => (
        <option key={language} value={language}>
          {tl(language)}
        </option>
      ))}
    </select>
  );
}
