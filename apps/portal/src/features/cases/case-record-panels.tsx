"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { actionLabel, asChanges } from "../audit/audit-format";
import { NoEntries, PersonSection } from "../persons/person-section";
import { useCaseFormat } from "./case-format";

interface CasePerson {
  id: string;
  firstName: string;
  lastName: string;
  erasedLevel: number;
}

/** The persons a case is linked to, each a link to their page. */
export function CasePersons({ persons }: { persons: CasePerson[] }) {
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
    </PersonSection>
  );
}

/** The documents linked to a case: the checked-in request mail, the reports that answer it. */
export function CaseDocuments({
  documents,
}: {
  documents: Array<{ id: string; fileName: string; kind: string; createdAt: Date }>;
}) {
  const t = useTranslations("case");
  const f = useCaseFormat();
  return (
    <PersonSection id="case-documents" title={t("documents")} testId="case-documents">
      {documents.length === 0 ? (
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
        </ul>
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
