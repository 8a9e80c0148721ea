"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { actionLabel, asChanges } from "../audit/audit-format";
import { NoEntries, PersonSection } from "../persons/person-section";
import { buttonClass, useCaseFormat } from "./case-format";

interface CasePerson {
  id: string;
  firstName: string;
  lastName: string;
  erasedLevel: number;
}

/** The persons a case is linked to, each a link to their page. */
export function CasePersons({ persons, children }: { persons: CasePerson[]; children?: ReactNode }) {
  const t = useTranslations("case");
  return (
    <PersonSection id="case-persons" title={t("persons")} testId="case-persons">
      {persons.length === 0 ? (
        <NoEntries text={t("noPersons")} />
      ) : (
        <ul className="space-y-1 text-sm">
          {persons.map((person) => (
            <li key={person.id}>
              <Link href={`/persons/${person.id}`} className="text-blue-800 hover:underline">
                {person.erasedLevel >= 3 ? "—" : `${person.lastName}, ${person.firstName}`}
              </Link>
              {person.erasedLevel > 0 && (
                <span className="ml-2 text-xs text-slate-600">
                  {t("erased", { level: person.erasedLevel })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {children}
    </PersonSection>
  );
}

interface LinkableItem {
  kind: "activity" | "document";
  id: string;
  label: string;
  at: Date;
  linked: boolean;
}

/**
 * The documents and activities linked to a case (the checked-in request mail, the reports that
 * answer it, what staff linked), and a choice of the linked persons' other items to link.
 */
export function CaseLinkedItems({
  documents,
  activities,
  linkable,
  onLink,
  busy,
}: {
  documents: Array<{ id: string; fileName: string; createdAt: Date }>;
  activities: Array<{ id: string; subject: string; occurredAt: Date }>;
  linkable: LinkableItem[] | null;
  onLink: (item: { kind: "activity" | "document"; itemId: string }) => void;
  busy: boolean;
}) {
  const t = useTranslations("case");
  const f = useCaseFormat();
  const [choice, setChoice] = useState("");
  const open = (linkable ?? []).filter((item) => !item.linked);
  return (
    <PersonSection id="case-documents" title={t("documents")} testId="case-documents">
      {documents.length + activities.length === 0 ? (
        <NoEntries text={t("noDocuments")} />
      ) : (
        <ul className="space-y-1 text-sm">
          {documents.map((document) => (
            <li key={document.id}>
              <Link href={`/documents/${document.id}`} className="text-blue-800 hover:underline">
                {document.fileName}
              </Link>{" "}
              <span className="text-xs text-slate-600">{f.instant(document.createdAt)}</span>
            </li>
          ))}
          {activities.map((activity) => (
            <li key={activity.id}>
              {activity.subject}{" "}
              <span className="text-xs text-slate-600">{f.instant(activity.occurredAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {open.length > 0 && (
        <form
          className="mt-3 flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const item = open.find((candidate) => `${candidate.kind}:${candidate.id}` === choice);
            if (item) onLink({ kind: item.kind, itemId: item.id });
            setChoice("");
          }}
        >
          <select
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
            aria-label={t("linkItem")}
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
          >
            <option value="">{t("linkItem")}</option>
            {open.map((item) => (
              <option key={`${item.kind}:${item.id}`} value={`${item.kind}:${item.id}`}>
                {t(item.kind === "activity" ? "itemActivity" : "itemDocument", {
                  label: item.label,
                  at: f.instant(item.at),
                })}
              </option>
            ))}
          </select>
          <button type="submit" className={buttonClass} disabled={!choice || busy}>
            {t("link")}
          </button>
        </form>
      )}
    </PersonSection>
  );
}

/** The case's own history from the audit trail: what was done, by whom, when. */
export function CaseHistory({
  events,
}: {
  events: Array<{ id: number; occurredAt: Date; action: string; actorName: string | null; changes: unknown }>;
}) {
  const t = useTranslations();
  const ts = useTranslations("steps");
  const f = useCaseFormat();
  return (
    <PersonSection id="case-history" title={t("case.history")} testId="case-history">
      <ol className="space-y-1 text-sm">
        {events.map((event) => {
          const step = asChanges(event.changes).step;
          return (
            <li key={event.id} className="flex flex-wrap gap-2">
              <span className="tabular-nums text-slate-600">{f.instant(event.occurredAt)}</span>
              <span>{actionLabel(t, event.action)}</span>
              {typeof step === "string" && ts.has(step) && <span>· {ts(step)}</span>}
              <span className="text-slate-600">· {event.actorName ?? "—"}</span>
            </li>
          );
        })}
      </ol>
    </PersonSection>
  );
}
